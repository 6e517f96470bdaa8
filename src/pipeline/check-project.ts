import { loadContent } from '../content/load-content.ts';
import type { ContentError } from '../errors/content-error.ts';
import { buildModel } from '../model/build-model.ts';
import type { SiteModel } from '../model/types.ts';
import type { Content } from '../validate/content.ts';
import { checkTargets, todayIso } from '../validate/check-targets.ts';
import { validateContent } from '../validate/validate-content.ts';

export interface CheckResult {
  model?: SiteModel;
  errors: ContentError[];
}

/** load → validate → model: everything a build does before it writes a file. */
export interface CheckOptions {
  /** The date that target dates are checked against (default: today, UTC). */
  today?: string;
}

export async function checkProject(root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const loaded = await loadContent(root);
  const validated = validateContent(loaded);
  if (!validated.content) {
    // The files that passed still go through the model, whose checks (paragraph labels, sources, views) would otherwise wait for the next run.
    const further = validated.partial ? modelErrors(validated.partial) : [];
    return { errors: [...validated.errors, ...further] };
  }
  const modelled = buildModel(validated.content);
  const warnings = checkTargets(validated.content, options.today ?? todayIso());
  return { ...(modelled.model ? { model: modelled.model } : {}), errors: [...validated.errors, ...modelled.errors, ...warnings] };
}

/** The model's own checks on content that failed elsewhere; the errors already found stand whatever happens here. */
function modelErrors(content: Content): ContentError[] {
  try {
    return buildModel(content).errors;
  } catch {
    return [];
  }
}
