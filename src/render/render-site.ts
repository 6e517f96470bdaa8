import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import { hashDirectory } from '../content/hash-directory.ts';
import { pageFile } from '../domain/urls.ts';
import { removeFilesExcept } from '../util/keep-links.ts';
import type { DataFileInfo, FeedInfo, SiteModel } from '../model/types.ts';
import { copyAssets } from './copy-assets.ts';
import { listTextFiles, writeTextFiles } from './list-text-files.ts';
import { linkableTexts, linkUnchangedPages, type PreviousRender } from './link-unchanged.ts';
import { planRender, type PagedLists, type PageManifest } from './plan-render.ts';
import { PACKAGE_ROOT, TEMPLATES } from './package-root.ts';
import { type Batch, hasItems, renderBatches } from './render-batches.ts';
import { RENDER_BATCH, splitLists } from './split-lists.ts';

export { PACKAGE_ROOT };

let loaderRegistered = false;

/** Eleventy imports `.eleventy.ts` itself, so Node must be able to load TypeScript however we were started. */
function registerTypeScriptLoader(): void {
  if (loaderRegistered) return;
  register();
  loaderRegistered = true;
}

export interface RenderResult {
  manifest: PageManifest;
  /** Pages Eleventy rendered, and pages linked unchanged from the previous build. */
  rendered: number;
  reused: number;
  /** The URLs of the pages linked unchanged from the previous build. */
  reusedUrls: readonly string[];
  /** Fingerprint of the templates and render code the pages were made with. */
  renderHash: string;
  /** The files kept from the spare release (see `held`). */
  kept?: ReadonlySet<string>;
}

export interface RenderSiteOptions {
  /** The previous build, whose unchanged pages are linked, not rendered. */
  previous?: PreviousRender;
  batchSize?: number;
  /** Stop (throwing its reason) once this is aborted: the preview stops publishing for an edit. */
  signal?: AbortSignal;
  /**
   * The files `outDir` holds already, each a hard link of the published file at the same path (a spare
   * release): those of unchanged pages are kept, and so are those `keep` names; the rest are removed first.
   */
  held?: { files: readonly string[]; keep: (file: string) => boolean };
}

/**
 * Render the model to static HTML in `outDir` through Eleventy. Given the
 * previous build, pages whose inputs are unchanged are linked from it instead.
 */
export async function renderSite(
  model: SiteModel,
  outputTo: string,
  { previous, batchSize = RENDER_BATCH, signal, held }: RenderSiteOptions = {},
): Promise<RenderResult> {
  const outDir = path.resolve(outputTo);
  const renderHash = await hashRenderCode();
  let plan = planRender(model, renderHash, previous?.manifest);
  // Before anything is written: what is written then never meets a link into the published release.
  const present = held && keepHeld(outDir, held, plan.reuse);
  if (previous) plan = await linkUnchangedPages(model, renderHash, plan, previous, outDir, { present, signal });
  // Before the pages: the open data is made from the model alone, and the render's garbage is not yet there.
  const texts = await writeTextFiles(outDir, listTextFiles(model), previous && linkableTexts(previous), signal);
  await copyAssets(outDir);
  const written = await renderPages(model, plan.lists, outDir, { batchSize, ...(signal ? { signal } : {}) });
  return {
    manifest: { ...plan.manifest, texts: texts.hashes },
    rendered: written.length + texts.written,
    reused: plan.reuse.length,
    reusedUrls: plan.reuse,
    renderHash,
    ...(present ? { kept: present } : {}),
  };
}

/**
 * Of the files a spare release holds (each a link of the published file at its path), keep those of the
 * pages reused and those `keep` names, and remove the rest. The files kept.
 */
function keepHeld(outDir: string, held: NonNullable<RenderSiteOptions['held']>, reuse: readonly string[]): Set<string> {
  const reused = new Set(reuse.map(pageFile));
  const kept = new Set(held.files.filter((file) => reused.has(file) || held.keep(file)));
  removeFilesExcept(outDir, held.files, (file) => kept.has(file));
  return kept;
}

export interface RenderPagesOptions {
  /** Render the pages that are not one per item (home, lists, open data) too, or only those (default: both). */
  singles?: 'with' | 'without' | 'only';
  /** Which of the templates with a page per item to render, by file name (`pack.njk`; default: all). */
  paged?: (template: string) => boolean;
  batchSize?: number;
  /** Checked between runs of Eleventy. */
  signal?: AbortSignal;
}

/**
 * Render the pages of the items in `lists`, and the site's other pages, into
 * `outputTo` through Eleventy; the files written (absolute paths). The files
 * that are not pages (`writeTextFiles`) and the assets (`copyAssets`) are not
 * written here.
 */
export async function renderPages(
  model: SiteModel,
  lists: PagedLists,
  outputTo: string,
  options: RenderPagesOptions = {},
): Promise<string[]> {
  registerTypeScriptLoader();
  // Resolved before Eleventy runs in the tool's own folder (below).
  const outDir = path.resolve(outputTo);
  const singles = await listSinglePageTemplates();
  const paged = await listPagedTemplates();
  const mode = options.singles ?? 'with';
  const data = describeForTemplates(model);
  const basePath = model.site.basePath;
  const runs: Batch[] = [];
  // The pages that are not one per item in a run of their own.
  if (mode !== 'without') runs.push({ outDir, basePath, data, batch: emptyLists(lists), ignored: paged });
  if (mode !== 'only') {
    const left = paged.filter((t) => options.paged && !options.paged(path.basename(t)));
    for (const batch of splitLists(lists, options.batchSize ?? RENDER_BATCH))
      if (hasItems(batch)) runs.push({ outDir, basePath, data, batch, ignored: [...singles, ...left] });
  }
  // Eleventy reads ignore files and finds Nunjucks includes in the current folder: it runs in the
  // tool's own folder, so nothing where `papers` was started from can change or run in a build.
  return inFolder(PACKAGE_ROOT, () => renderBatches(runs, options.signal));
}

/**
 * The model as the templates see it: each open-data file by its address, title
 * and description only, each feed and calendar by its address and title. Their
 * rows and entries go to `listTextFiles`, not through Eleventy,
 * which merges its global data into every template's (tens of thousands of
 * rows at 2,000 reports).
 */
function describeForTemplates(model: SiteModel): TemplateData {
  // Frozen, so that Eleventy hands it to every page as it is: it wraps an object it may change
  // in a proxy, which every lookup of a template then goes through.
  return Object.freeze({
    ...model,
    dataFiles: model.dataFiles.map(({ url, title, description }) => ({ url, title, description })),
    feeds: model.feeds.map(({ url, title, pageUrl }) => ({ url, title, pageUrl })),
    calendars: model.calendars.map(({ url, title }) => ({ url, title, meetings: [] })),
  });
}

type TemplateData = Omit<SiteModel, 'dataFiles' | 'feeds'> & { dataFiles: DataFileInfo[]; feeds: FeedInfo[] };

/** Lists of the same names with no items. */
function emptyLists(lists: PagedLists): PagedLists {
  return Object.fromEntries(Object.keys(lists).map((name) => [name, []])) as unknown as PagedLists;
}

/** Pages of the model that differ from what the manifest says was rendered: a site built from older content. */
export async function findStalePages(model: SiteModel, manifest: PageManifest): Promise<string[]> {
  const plan = planRender(model, await hashRenderCode(), manifest);
  const fresh = new Set(plan.reuse);
  return Object.keys(plan.manifest.pages).filter((url) => !fresh.has(url));
}

/** Run `work` with `dir` as the current folder, and return to where we were whatever happens. */
async function inFolder<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const startedIn = process.cwd();
  process.chdir(dir);
  try {
    return await work();
  } finally {
    process.chdir(startedIn);
  }
}

/** Whether a template's front matter makes one page per item of a `pages` list. */
export function isPaginated(template: string): boolean {
  return /\bdata: ["']?pages\./.test(template);
}

/** Templates that are not one page per item of a `pages` list. */
async function listSinglePageTemplates(): Promise<string[]> {
  return (await readTemplates()).filter((t) => !isPaginated(t.text)).map((t) => t.file);
}

/** Templates that are one page per item of a `pages` list. */
async function listPagedTemplates(): Promise<string[]> {
  return (await readTemplates()).filter((t) => isPaginated(t.text)).map((t) => t.file);
}

async function readTemplates(): Promise<Array<{ file: string; text: string }>> {
  const names = (await readdir(TEMPLATES)).filter((name) => name.endsWith('.njk'));
  return Promise.all(
    names.map(async (name) => ({
      file: path.join(TEMPLATES, name),
      text: await readFile(path.join(TEMPLATES, name), 'utf8'),
    })),
  );
}

/** A fingerprint of what turns the model into pages: the templates, the Eleventy config and the render code. */
export async function hashRenderCode(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['templates', 'src/render'])
    hash.update(dir).update(await hashDirectory(path.join(PACKAGE_ROOT, dir)));
  return hash.update(await readFile(path.join(PACKAGE_ROOT, '.eleventy.ts'))).digest('hex');
}
