import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type ContentProblem } from '../errors/content-problem.ts';
import type { SiteModel } from '../model/types.ts';
import { printSitePdfs, type PdfProgress, type PrintSiteResult } from '../pdf/print-site-pdfs.ts';
import { fillFileSizes, listPagesWithPdfs, type SettledBefore, type SettledSizes } from '../render/fill-file-sizes.ts';
import { indexSearch, planSearch, SEARCH_DIR, type SearchBundle, type SearchResult } from '../render/index-search.ts';
import type { PageManifest } from '../render/plan-render.ts';
import { hashRenderCode, renderSite, type RenderResult } from '../render/render-site.ts';
import { type CheckMemory, type CheckResult, checkProject } from './check-project.ts';
import { locateOutput } from './output-folders.ts';
import { readCheckStore, writeCheckStore } from '../validate/check-store.ts';
import { publishOutput } from './publish-output.ts';
import { putFiles } from '../util/link-file.ts';
import { pageFile } from '../domain/urls.ts';
import { listPdfTasks } from '../pdf/list-pdf-tasks.ts';
import { forgetChangedPdfs } from '../pdf/pdf-cache-index.ts';

export interface BuildOptions {
  root: string;
  /** Defaults to `<root>/output`. */
  outputDir?: string;
  /** Print PDFs too (default true). */
  pdf?: boolean;
  /** Without PDFs, keep those of the published site beside their pages (a preview's links then still work). */
  keepPdfs?: boolean;
  /** The preview's build: what is still to be written is a warning, and the draft is built as it stands. */
  preview?: boolean;
  concurrency?: number;
  /** Where the site is published, in place of data/site.yaml's `base_url`. */
  baseUrl?: string;
  /** Per-PDF timeout in milliseconds (default 60 s). */
  pdfTimeoutMs?: number;
  onPdfProgress?: (progress: PdfProgress) => void;
  /** What the last build of a long-running process (the preview) read and built, reused where unchanged. */
  memory?: CheckMemory;
  /**
   * Stop the build once this is aborted (the preview stops publishing for an edit): the build throws the
   * signal's reason, its release is left for the next build to remove, and the published site and its
   * manifest stay as they were.
   */
  signal?: AbortSignal;
}

export interface BuildResult {
  ok: boolean;
  errors: ContentProblem[];
  model?: SiteModel;
  siteDir: string;
  pdfs?: PrintSiteResult;
  /** Pages rendered, and pages linked unchanged from the previous build. */
  pages?: { rendered: number; reused: number };
  /** Pages indexed for search, and search bundles reused whole. */
  search?: SearchResult;
  /** What the published pages were made from: each page's fingerprint, and the render code's. */
  published?: { manifest: PageManifest; renderHash: string };
  /** Seconds spent in each stage, for the benchmark (the search index is made while the PDFs print: its time overlaps theirs). */
  timings: { check: number; html: number; pdf: number; finish: number; search: number };
}

/**
 * The build's check. A process that checks again remembers what it read; any
 * other starts from what the last build read from each file, and once the
 * check has passed keeps what this one read for the next.
 */
async function checkForBuild(options: BuildOptions, storeFile: string): Promise<CheckResult> {
  const kept = options.memory ? undefined : await readCheckStore(storeFile);
  const checked = await checkProject(options.root, {
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.memory ? { memory: options.memory } : {}),
    ...(options.preview ? { preview: true } : {}),
    ...(kept ? { kept } : {}),
  });
  if (checked.kept) await writeCheckStore(storeFile, checked.kept);
  return checked;
}

/** Check, then render the site; nothing is written unless the check passed. */
export async function buildProject(options: BuildOptions): Promise<BuildResult> {
  const folders = locateOutput(options.root, options.outputDir);
  const siteDir = folders.site;
  const timings = { check: 0, html: 0, pdf: 0, finish: 0, search: 0 };
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = (now - mark) / 1000;
    mark = now;
    return seconds;
  };
  const checked = await checkForBuild(options, folders.checkStore);
  timings.check = lap();
  if (!checked.model || hasErrors(checked.errors)) return { ok: false, errors: checked.errors, siteDir, timings };
  const { signal } = options;
  signal?.throwIfAborted();
  const model = checked.model;
  let pdfs: PrintSiteResult | undefined;
  let rendered: RenderResult | undefined;
  let search: SearchResult | undefined;
  let sizes: BuildManifest['sizes'];
  // The manifest describes the published site: it goes before the swap and comes back after it.
  const manifestFile = folders.pagesManifest;
  const previous = await readManifest(manifestFile);
  await publishOutput(
    siteDir,
    async (staging, published, held) => {
      // Planned before the pages, so that a spare's search bundles that are still the same are kept in it.
      const bundles = planSearch(model, await hashRenderCode());
      const html = await renderRelease(model, staging, { published, held, bundles, previous, options });
      rendered = html;
      timings.html = lap();
      signal?.throwIfAborted();
      // Pagefind runs in its own process, so the search index is built while the PDFs print.
      const searchStarted = performance.now();
      const searching = indexSearch(
        staging,
        bundles,
        previous?.search && { siteDir, keys: previous.search, holds: holdsBundle(html.kept) },
        signal,
      ).finally(() => (timings.search = (performance.now() - searchStarted) / 1000));
      searching.catch(() => undefined);
      try {
        if (options.pdf !== false) pdfs = await printPdfs(model, staging, folders.pdfCache, options);
      } catch (err) {
        await searching.catch(() => undefined);
        throw err;
      }
      timings.pdf = lap();
      const settled = await fillFileSizes(
        staging,
        listPagesWithPdfs(model),
        settledBefore(previous, published, html),
        signal,
      ).catch(async (err: unknown) => {
        await searching.catch(() => undefined);
        throw err;
      });
      sizes = { release: path.basename(staging), pages: settled };
      search = await searching;
      // Only now, just before the swap: a build stopped or failed before it leaves the manifest of the site still published.
      await rm(manifestFile, { force: true });
    },
    { spare: true, ...(signal ? { signal } : {}) },
  );
  if (rendered) await writeManifest(manifestFile, { ...rendered.manifest, search: search?.keys, sizes });
  timings.finish = lap();
  const pages = rendered && { rendered: rendered.rendered, reused: rendered.reused };
  const published = rendered && { manifest: rendered.manifest, renderHash: rendered.renderHash };
  return {
    ok: true,
    errors: checked.errors,
    model,
    siteDir,
    timings,
    ...(pdfs ? { pdfs } : {}),
    ...(pages ? { pages } : {}),
    ...(search ? { search } : {}),
    ...(published ? { published } : {}),
  };
}

/**
 * The release's pages and text files: those unchanged since the published build linked from it (or kept,
 * when the release is its spare), the rest rendered; without PDFs, those of unchanged pages kept as asked.
 */
async function renderRelease(
  model: SiteModel,
  staging: string,
  {
    published,
    held,
    bundles,
    previous,
    options,
  }: {
    published: string | undefined;
    held: readonly string[] | undefined;
    bundles: readonly SearchBundle[];
    previous: BuildManifest | undefined;
    options: BuildOptions;
  },
): Promise<RenderResult> {
  const { signal } = options;
  const folders = locateOutput(options.root, options.outputDir);
  const html = await renderSite(model, staging, {
    ...(previous ? { previous: { siteDir: folders.site, manifest: previous } } : {}),
    ...(held ? { held: { files: held, keep: keepBundles(bundles, previous?.search) } } : {}),
    ...(signal ? { signal } : {}),
  });
  if (options.pdf === false) {
    const unchanged = unchangedPdfs(model, previous, html.manifest);
    await forgetChangedPdfs(folders.pdfCache, (url) => unchanged.has(url));
    if (options.keepPdfs && published) await keepPublishedPdfs(published, staging, model, unchanged, signal);
  }
  return html;
}

/** The site's PDFs, printed into the release (or taken from the cache), as the build's options ask. */
function printPdfs(
  model: SiteModel,
  staging: string,
  cacheDir: string,
  options: BuildOptions,
): Promise<PrintSiteResult> {
  return printSitePdfs(model, {
    siteDir: staging,
    cacheDir,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.pdfTimeoutMs ? { timeoutMs: options.pdfTimeoutMs } : {}),
    ...(options.onPdfProgress ? { onProgress: options.onPdfProgress } : {}),
  });
}

/** Whether a file a spare holds is in a search bundle made from the same key as the published one: it is kept. */
function keepBundles(
  bundles: readonly SearchBundle[],
  keys: Record<string, string> | undefined,
): (file: string) => boolean {
  const kept = bundles.filter((b) => keys?.[b.dir] === b.key).map((b) => `${b.dir}/`);
  return (file) => kept.some((dir) => file.startsWith(dir));
}

/** Whether the release holds a search bundle's files already, kept whole from its spare. */
function holdsBundle(kept: ReadonlySet<string> | undefined): (dir: string) => boolean {
  const dirs = new Set<string>();
  for (const file of kept ?? []) if (file.startsWith(`${SEARCH_DIR}/`)) dirs.add(file.split('/', 2).join('/'));
  return (dir) => dirs.has(dir);
}

/** Pages with PDFs rendered from the very same input as the published ones: a changed, exempt or removed paper's PDF is never carried over. */
function unchangedPdfs(model: SiteModel, before: PageManifest | undefined, after: PageManifest): Set<string> {
  const urls = listPdfTasks(model).map((t) => t.pageUrl);
  return new Set(urls.filter((url) => before?.pages[url] !== undefined && before.pages[url] === after.pages[url]));
}

/** The published site's PDFs of unchanged pages, linked into the new release. */
async function keepPublishedPdfs(
  published: string,
  staging: string,
  model: SiteModel,
  unchanged: ReadonlySet<string>,
  signal: AbortSignal | undefined,
): Promise<void> {
  // Those of the published site: a PDF it lacks is not looked for (putFiles leaves it out).
  const kept = listPdfTasks(model)
    .filter((task) => unchanged.has(task.pageUrl))
    .map((task) => pageFile(task.pdfUrl));
  await putFiles(published, staging, kept, signal);
}

/** What the published site was made from: each page's fingerprint and each search bundle's key. */
interface BuildManifest extends PageManifest {
  search?: Record<string, string>;
  /** The PDF sizes the pages of the release it names were settled with. */
  sizes?: { release: string; pages: SettledSizes };
}

/**
 * The pages linked from the published release, and the sizes they were settled with: only when the manifest
 * describes that very release (`papers pdf` publishes a release of its own, with sizes of its own).
 */
function settledBefore(
  previous: BuildManifest | undefined,
  published: string | undefined,
  html: RenderResult,
): SettledBefore | undefined {
  const sizes = previous?.sizes;
  if (!sizes || !published || sizes.release !== path.basename(published)) return undefined;
  return { settled: sizes.pages, linked: new Set(html.reusedUrls) };
}

async function writeManifest(file: string, manifest: BuildManifest): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(manifest));
}

async function readManifest(file: string): Promise<BuildManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as BuildManifest;
    return manifest.version === 1 ? manifest : undefined;
  } catch {
    return undefined;
  }
}
