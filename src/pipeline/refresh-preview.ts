import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type ContentProblem } from '../errors/content-problem.ts';
import type { SiteModel } from '../model/types.ts';
import { fillSizesFrom } from '../render/fill-file-sizes.ts';
import { planRender, type PageManifest } from '../render/plan-render.ts';
import { type RenderPagesOptions, renderPages } from '../render/render-site.ts';
import { checkProject, createCheckMemory, type CheckMemory } from './check-project.ts';
import { locateOutput } from './output-folders.ts';

/**
 * What a running preview keeps between edits: the content as last read and
 * built, what the pages it serves were made from, and the pages rendered since
 * the site was last published, served over it.
 */
export interface PreviewState {
  root: string;
  /** The published site the preview serves. */
  siteDir: string;
  memory: CheckMemory;
  /** Each page's fingerprint, of the published site with the rendered pages over it. */
  manifest?: PageManifest;
  /** The hash of the templates and render code the published site was built with: a template changed is a whole build. */
  renderHash?: string;
  /** Pages rendered since the last publish, by path in the site (`committees/x/index.html`). */
  overlay: Map<string, Buffer>;
}

export function createPreviewState(root: string, siteDir: string): PreviewState {
  return { root, siteDir, memory: createCheckMemory(), overlay: new Map() };
}

/** The site as published: its pages' fingerprints, and nothing rendered over it. */
export function adoptPublished(state: PreviewState, manifest: PageManifest, renderHash: string): void {
  state.manifest = manifest;
  state.renderHash = renderHash;
  state.overlay.clear();
}

export type RefreshResult =
  | { outcome: 'refreshed'; errors: ContentProblem[]; model: SiteModel; pages: number }
  | { outcome: 'not-checked'; errors: ContentProblem[] }
  /** The templates changed, or the edit reaches so many pages that a whole build is quicker. */
  | { outcome: 'needs-build'; errors: ContentProblem[] };

const isPack = (template: string) => template === 'pack.njk';

/**
 * The pages an edit reaches, first, shown as soon as they are rendered; then
 * the site's other pages (home, lists) and the committee packs, which are
 * printed rather than read, and take the longest to render.
 */
const PASSES: RenderPagesOptions[] = [
  { singles: 'without', paged: (template) => !isPack(template) },
  { singles: 'with', paged: isPack },
];

/** More pages than this to render, and a whole build, which copies the rest, is as quick. */
const MOST_PAGES = 400;

/**
 * Show an edit quickly: check the content again (reading only the files that
 * changed, building only the reports they reach), render only the pages whose
 * fingerprints changed, and serve them over the published site. `shown` is
 * called once those pages are served, and again for the site's other pages
 * (home, lists) and the packs, which follow. The files that are not pages (feeds, calendars,
 * sitemap, open data: 4,000 of them at 20,000 reports) come with the whole
 * build, which publishes everything later; nothing is printed.
 */
export async function refreshPreview(state: PreviewState, shown: (files: string[]) => void): Promise<RefreshResult> {
  const checked = await checkProject(state.root, { memory: state.memory, preview: true });
  if (!checked.model || hasErrors(checked.errors)) return { outcome: 'not-checked', errors: checked.errors };
  // The templates are watched, and a change to one is a whole build (`papers serve`), which gives the hash anew.
  const { renderHash } = state;
  if (!state.manifest || !renderHash) return { outcome: 'needs-build', errors: checked.errors };
  const model = checked.model;
  const plan = planRender(model, renderHash, state.manifest);
  const count = Object.values(plan.lists).reduce((n, list: unknown[]) => n + list.length, 0);
  if (count > MOST_PAGES) return { outcome: 'needs-build', errors: checked.errors };
  const scratch = locateOutput(state.root).preview;
  await mkdir(scratch, { recursive: true });
  let pages = 0;
  for (const pass of PASSES) {
    const dir = await mkdtemp(path.join(scratch, 'pages-'));
    try {
      const written = await renderPages(model, plan.lists, dir, pass);
      const files = written.map((file) => path.relative(dir, file).split(path.sep).join('/'));
      for (const [i, file] of files.entries())
        state.overlay.set(file, fillSizesFrom(await readFile(written[i]!), state.siteDir));
      pages += files.length;
      shown(files);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  state.manifest = plan.manifest;
  return { outcome: 'refreshed', errors: checked.errors, model, pages };
}
