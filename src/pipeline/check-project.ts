import { createLoadMemory, loadContent, type LoadMemory, type LoadResult } from '../content/load-content.ts';
import { hasExemptFolder, loadExempt } from '../content/load-exempt.ts';
import { withExemptMinutes } from '../meetings/join-exempt-minutes.ts';
import { createRenderMemo, turnRenderMemo, type RenderMemo } from '../markdown/render-memo.ts';
import { type ContentProblem, hasErrors } from '../errors/content-problem.ts';
import { buildModel, type ModelOptions } from '../model/build-model.ts';
import { createModelMemory, type ModelMemory } from '../model/model-memory.ts';
import { hasExempt, withoutExempt } from '../meetings/withhold-exempt.ts';
import type { SiteModel } from '../model/types.ts';
import type { Content } from '../content/content.ts';
import { createReferenceMemory, type ReferenceMemory } from '../validate/check-memory.ts';
import { checkModel } from '../validate/check-model.ts';
import { checkMinutesDates } from '../validate/check-minute-items.ts';
import { checkPlaceholders } from '../validate/check-placeholders.ts';
import { checkSiteAddress } from '../validate/check-site-address.ts';
import { checkTargets, todayIso } from '../validate/check-targets.ts';
import { startReadingAhead } from '../validate/read-reports-ahead.ts';
import { type CheckStore, sealCheckStore } from '../validate/check-store.ts';
import { validateContent } from '../validate/validate-content.ts';

export interface CheckResult {
  model?: SiteModel;
  errors: ContentProblem[];
  /** Given `kept`, the store's bytes as this run leaves it, for a run that passed to write. */
  kept?: Uint8Array;
}

/** load → validate → model: everything a build does before it writes a file. */
export interface CheckOptions {
  /** The date that target dates are checked against (default: today, UTC). */
  today?: string;
  /** Where the site is published, in place of `base_url` of data/site.yaml (such as GitHub Pages' own address). */
  baseUrl?: string;
  /** The preview: what is still to be written is a warning, so the draft shows as it stands. */
  preview?: boolean;
  /** The model of everything, exempt papers included: for the members' papers, never the public site. */
  members?: boolean;
  /** What the last check of a long-running process read and rendered, to be reused where unchanged. */
  memory?: CheckMemory;
  /** Run by CI: a site still at the example's address is warned of. */
  ci?: boolean;
  /** What an earlier run read from each file (`output/.cache/check.bin`): what this run reads it adds. */
  kept?: CheckStore;
}

/** Files read and Markdown rendered by the last check, kept by a process that checks again and again. */
export interface CheckMemory {
  files: LoadMemory;
  renders: RenderMemo;
  /** What the public model, and the model of everything (exempt papers included), built: each kept apart. */
  published: ModelMemory;
  whole: ModelMemory;
  /** What the reference checks of the public content, and of the whole, found: each kept apart. */
  references: ReferenceMemory;
  wholeReferences: ReferenceMemory;
}

export function createCheckMemory(): CheckMemory {
  return {
    files: createLoadMemory(),
    renders: createRenderMemo(),
    published: createModelMemory(),
    whole: createModelMemory(),
    references: createReferenceMemory(),
    wholeReferences: createReferenceMemory(),
  };
}

export async function checkProject(root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const memory = options.memory;
  if (memory) turnRenderMemo(memory.renders);
  const { loaded, sealed } = await loadAndRead(root, memory, options.kept);
  // The public content is read from content/ and data/ alone; of exempt/ only the names of its files are known to it.
  const validated = validateContent(loaded, memory ? { memory: memory.references } : {});
  // The whole content, exempt/ included, is checked (and modelled for the members' papers) but never published.
  const whole = (await hasExemptFolder(root)) ? await validateWhole(root, loaded, memory?.wholeReferences) : validated;
  const partial = validated.partial ?? whole.partial;
  if (!validated.content || !whole.content) {
    // The files that passed still go through the model, whose page URLs would otherwise wait for the next run.
    const further = [
      ...(partial ? pageErrors(partial) : []),
      ...checkPlaceholders(whole.partial ?? partial ?? {}, options.preview ? 'warning' : 'error'),
    ];
    return { errors: dropRepeats([...validated.errors, ...whole.errors, ...further]) };
  }
  const publicContent = withBase(validated.content, options.baseUrl);
  const wholeContent = withBase(whole.content, options.baseUrl);
  const exempt = hasExempt(wholeContent);
  const kept = (built: 'published' | 'whole') => (memory ? { renders: memory.renders, memory: memory[built] } : {});
  // withoutExempt is a second wall: the public content should hold nothing exempt, and what it does is left out.
  const published = modelAndCheck(withoutExempt(publicContent), kept('published'));
  const everything = exempt ? modelAndCheck(withExemptMinutes(wholeContent), kept('whole')) : published;
  const modelled = options.members ? everything : published;
  const warnings = checkFurther(wholeContent, options);
  const errors = dropRepeats([
    ...validated.errors,
    ...whole.errors,
    ...everything.errors,
    ...published.errors,
    ...warnings,
  ]);
  return { ...(modelled.model && !hasErrors(errors) ? { model: modelled.model, kept: sealed } : {}), errors };
}

/** Every content file loaded, and reports' Markdown parsed on other threads meanwhile; the store's bytes once they are. */
async function loadAndRead(
  root: string,
  memory: CheckMemory | undefined,
  kept: CheckStore | undefined,
): Promise<{ loaded: LoadResult; sealed?: Uint8Array | undefined }> {
  const ahead = startReadingAhead({ store: kept?.readings });
  const loaded = await loadContent(root, { memory: memory?.files, onEntry: ahead.add, known: kept?.files });
  await ahead.finish();
  return { loaded, sealed: kept && (await sealCheckStore(kept)) };
}

/** The checks of content that passed: targets and minutes against today, what is still to be written, the site's address in CI. */
function checkFurther(content: Content, options: CheckOptions): ContentProblem[] {
  const today = options.today ?? todayIso();
  return [
    ...checkTargets(content, today),
    ...checkMinutesDates(content, today),
    ...checkPlaceholders(content, options.preview ? 'warning' : 'error'),
    ...(options.ci && !options.baseUrl ? checkSiteAddress(content) : []),
  ];
}

/** content/ and data/ with exempt/: every file checked, every reference between them. */
async function validateWhole(root: string, loaded: LoadResult, memory: ReferenceMemory | undefined) {
  const kept = await loadExempt(root);
  // loadContent's `found` already names every exempt report and recommendation.
  const entries = [...loaded.entries, ...kept.entries];
  return validateContent(
    { entries, errors: [...loaded.errors, ...kept.errors], found: loaded.found },
    { exemptMinutes: kept.minutes, ...(memory ? { memory } : {}) },
  );
}

function withBase(content: Content, baseUrl: string | undefined): Content {
  return baseUrl ? withBaseUrl(content, baseUrl) : content;
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

/** Build the model, then check its pages' URLs; a model with errors is not handed on. */
function modelAndCheck(content: Content, options: ModelOptions = {}): { model?: SiteModel; errors: ContentProblem[] } {
  const built = buildModel(content, options);
  const errors = checkModel(content, built.pages);
  return { ...(!hasErrors(errors) ? { model: built.model } : {}), errors };
}

/** The page URLs of content that failed elsewhere; the errors already found stand whatever happens here. */
function pageErrors(content: Content): ContentProblem[] {
  try {
    return modelAndCheck(content).errors;
  } catch {
    return [];
  }
}
