import path from 'node:path';
import { Eleventy, HtmlBasePlugin } from '@11ty/eleventy';
import { catchStrayRejections } from '../util/catch-stray-rejections.ts';
import { collectGarbage } from './collect-garbage.ts';
import { PACKAGE_ROOT, TEMPLATES } from './package-root.ts';
import type { PagedLists } from './plan-render.ts';
import { forgetRenderedOnce } from './render-once.ts';
import { type PageFile, writePages } from './write-pages.ts';

/** What one run of Eleventy renders: the shared data, a batch of each list's items, and the templates left out. */
export interface Batch {
  outDir: string;
  basePath: string;
  data: object;
  batch: PagedLists;
  ignored: readonly string[];
}

/**
 * Each batch in its own run of Eleventy, which holds every page it renders
 * until its run ends; the files written (absolute paths). A batch's pages are
 * written while the next renders, and all of them before this settles. What a
 * batch of items left is collected before the next, never after the last: a
 * preview renders one batch, and a collection of a large archive's heap takes
 * more than half a second. Runs in the tool's own folder (`renderPages`).
 */
export async function renderBatches(batches: readonly Batch[], signal?: AbortSignal): Promise<string[]> {
  const written: string[] = [];
  let writing: Promise<void> = Promise.resolve();
  let softLimit = HEAP_SOFT_LIMIT;
  try {
    for (const [i, batch] of batches.entries()) {
      signal?.throwIfAborted();
      const after = batches[i - 1];
      if (after && hasItems(after.batch) && process.memoryUsage().heapUsed > softLimit) softLimit = collectAndLimit();
      const pages = await renderBatch(batch);
      // One batch's pages wait to be written, at most.
      await writing;
      writing = writePages(pages);
      // Told of its failure when it is awaited, not while the next batch renders.
      writing.catch(() => undefined);
      for (const page of pages) written.push(page.path);
    }
    await writing;
  } catch (error) {
    await writing.catch(() => undefined);
    throw error;
  }
  return written;
}

/** One run of Eleventy: the pages it rendered, where each goes. */
async function renderBatch({ outDir, basePath, data, batch, ignored }: Batch): Promise<PageFile[]> {
  const eleventy = new Eleventy(TEMPLATES, outDir, {
    quietMode: true,
    pathPrefix: basePath,
    configPath: path.join(PACKAGE_ROOT, '.eleventy.ts'),
    config: (eleventyConfig) => {
      eleventyConfig.addGlobalData('papers', data);
      eleventyConfig.addGlobalData('pages', batch);
      // Under a path prefix (a site at owner.github.io/repo/), every root-relative URL of every page gets it.
      // At the root it is left out: it would parse every page again for nothing.
      if (basePath !== '/') eleventyConfig.addPlugin(HtmlBasePlugin);
      for (const file of ignored) eleventyConfig.ignores.add(path.relative(process.cwd(), file));
    },
  });
  // papers says what it did and what went wrong in its own words; Eleventy's log would say it again, with stacks.
  eleventy.disableLogger();
  const pages = await catchStrayRejections(() => eleventy.toJSON()).finally(forgetRenderedOnce);
  return pages.flatMap((page) =>
    page.outputPath && page.content !== undefined
      ? [{ path: path.resolve(PACKAGE_ROOT, page.outputPath), content: String(page.content) }]
      : [],
  );
}

/** Whether any list of the batch has an item. */
export function hasItems(lists: PagedLists): boolean {
  return Object.values(lists).some((items: unknown[]) => items.length > 0);
}

/**
 * Above this much heap after a batch, collect the garbage before the next (a
 * full collection costs a few hundred ms). Low enough that a large archive is
 * collected after each batch: V8 would otherwise let a batch's garbage grow the
 * heap (at 4,000 reports the peak was 1,050-1,120 MB at 640 MB, 925-955 at 300,
 * with rendering no slower).
 */
const HEAP_SOFT_LIMIT = 300 * 1024 * 1024;

/**
 * Collect the garbage, and give the heap that the next collection waits for:
 * a quarter as much again as is live, and at least HEAP_SOFT_LIMIT. A collection
 * costs in proportion to what is live, so waiting in proportion keeps their
 * cost in proportion to the archive (a collection after every batch took 2.4
 * times the time for twice the reports).
 */
function collectAndLimit(): number {
  collectGarbage();
  return Math.max(HEAP_SOFT_LIMIT, process.memoryUsage().heapUsed * 1.25);
}
