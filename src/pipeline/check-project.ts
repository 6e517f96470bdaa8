import { createLoadMemory, loadContent, type LoadMemory } from '../content/load-content.ts';
import { createRenderMemo, turnRenderMemo, type RenderMemo } from '../markdown/render-memo.ts';
import { type ContentProblem, hasErrors } from '../errors/content-problem.ts';
import { buildModel, type ModelOptions } from '../model/build-model.ts';
import { createReportMemo, type ReportMemo } from '../model/report-memo.ts';
import { hasExempt, withoutExempt } from '../meetings/withhold-exempt.ts';
import type { SiteModel } from '../model/types.ts';
import type { Content } from '../content/content.ts';
import { checkModel } from '../validate/check-model.ts';
import { checkTargets, todayIso } from '../validate/check-targets.ts';
import { validateContent } from '../validate/validate-content.ts';

export interface CheckResult {
  model?: SiteModel;
  errors: ContentProblem[];
}

/** load → validate → model: everything a build does before it writes a file. */
export interface CheckOptions {
  /** The date that target dates are checked against (default: today, UTC). */
  today?: string;
  /** Where the site is published, in place of `base_url` of data/site.yaml (such as GitHub Pages' own address). */
  baseUrl?: string;
  /** The model of everything, exempt papers included: for the members' papers, never the public site. */
  members?: boolean;
  /** What the last check of a long-running process read and rendered, to be reused where unchanged. */
  memory?: CheckMemory;
}

/** Files read and Markdown rendered by the last check, kept by a process that checks again and again. */
export interface CheckMemory {
  files: LoadMemory;
  renders: RenderMemo;
  reports: ReportMemo;
}

export function createCheckMemory(): CheckMemory {
  return { files: createLoadMemory(), renders: createRenderMemo(), reports: createReportMemo() };
}

export async function checkProject(root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const memory = options.memory;
  if (memory) turnRenderMemo(memory.renders);
  const loaded = await loadContent(root, memory?.files);
  const validated = validateContent(loaded);
  if (!validated.content) {
    // The files that passed still go through the model, whose checks (paragraph labels, sources, views) would otherwise wait for the next run.
    const further = validated.partial ? modelErrors(validated.partial) : [];
    return { errors: [...validated.errors, ...further] };
  }
  const content = options.baseUrl ? withBaseUrl(validated.content, options.baseUrl) : validated.content;
  // The public site is made from the content without its exempt papers; the members' papers, and the checks, from all of it.
  const exempt = hasExempt(content);
  const renders = memory ? { renders: memory.renders, reports: memory.reports } : {};
  const published = modelAndCheck(exempt ? withoutExempt(content) : content, renders);
  const whole = exempt ? modelAndCheck(content, renders) : published;
  const modelled = options.members ? whole : published;
  const warnings = checkTargets(validated.content, options.today ?? todayIso());
  const errors = dropRepeats([...validated.errors, ...whole.errors, ...published.errors, ...warnings]);
  return {
    ...(modelled.model && !(exempt && whole.errors.some((e) => e.severity === 'error'))
      ? { model: modelled.model }
      : {}),
    errors,
  };
}

/** The same problem found by both models is reported once. */
function dropRepeats(errors: readonly ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.file}:${e.line}:${e.col}:${e.code}:${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The content as published at `baseUrl`: its path is the site's path prefix unless `base_path` says otherwise. */
function withBaseUrl(content: Content, baseUrl: string): Content {
  return { ...content, site: { ...content.site, data: { ...content.site.data, base_url: baseUrl } } };
}

/** Build the model, then run the checks that need it built; a model with errors is not handed on. */
function modelAndCheck(content: Content, options: ModelOptions = {}): { model?: SiteModel; errors: ContentProblem[] } {
  const built = buildModel(content, options);
  const errors = [...built.errors, ...checkModel(content, built.index)];
  return { ...(built.model && !hasErrors(errors) ? { model: built.model } : {}), errors };
}

/** The model's checks on content that failed elsewhere; the errors already found stand whatever happens here. */
function modelErrors(content: Content): ContentProblem[] {
  try {
    return modelAndCheck(content).errors;
  } catch {
    return [];
  }
}
