import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import type { SiteModel } from '../model/types.ts';
import { pageFile } from './plan-render.ts';

/** Pagefind's version is part of every index's key (its package exports no package.json, so it is read beside its entry point). */
const PAGEFIND_VERSION = (JSON.parse(await readFile(path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')) as { version: string }).version;

/** One Pagefind index of the site; the search page merges them. */
export interface SearchBundle {
  /** The folder it is written to in the site, such as `pagefind`. */
  dir: string;
  /** The pages it indexes (each marks what to index with `data-pagefind-body`). */
  urls: string[];
  /** A fingerprint of everything the index is made from: the same key gives the same index. */
  key: string;
}

/**
 * Two indexes: the reports' own text, and the recommendation tracker. The
 * recommendation tables inside reports are left out of the first (the
 * template marks them `data-pagefind-ignore`), since the tracker holds each
 * recommendation once; so an edit to a recommendation re-indexes only the tracker.
 */
export function planSearch(model: SiteModel, renderHash: string): SearchBundle[] {
  const shared = JSON.stringify({ renderHash, PAGEFIND_VERSION, site: model.site, nav: model.nav });
  const key = (items: unknown) => createHash('sha256').update(shared).update(JSON.stringify(items)).digest('hex');
  const reportText = model.reports.map((r) => ({ ...r, appendices: r.appendices.map(({ recommendations: _tables, ...rest }) => rest) }));
  return [
    { dir: 'pagefind', urls: model.reports.map((r) => r.url), key: key(reportText) },
    { dir: 'pagefind-recommendations', urls: model.trackedRecommendations.map((r) => r.recommendation.url), key: key(model.trackedRecommendations) },
  ];
}

export interface SearchResult {
  /** Pages indexed now, and bundles taken whole from the cache. */
  indexed: number;
  reused: number;
}

/**
 * Write each bundle into the site: from `cacheDir` when an index with its key
 * was built before, otherwise with Pagefind (offline, in its own process).
 */
export async function indexSearch(siteDir: string, bundles: readonly SearchBundle[], cacheDir: string): Promise<SearchResult> {
  await mkdir(cacheDir, { recursive: true });
  const result: SearchResult = { indexed: 0, reused: 0 };
  try {
    for (const bundle of bundles) {
      const target = path.join(siteDir, bundle.dir);
      const cached = path.join(cacheDir, `${bundle.dir}-${bundle.key}`);
      if (await stat(cached).catch(() => undefined)) {
        await cp(cached, target, { recursive: true });
        result.reused++;
        continue;
      }
      result.indexed += await writeIndex(siteDir, bundle);
      for (const old of (await readdir(cacheDir)).filter((name) => name.startsWith(`${bundle.dir}-`))) await rm(path.join(cacheDir, old), { recursive: true, force: true });
      await cp(target, cached, { recursive: true });
    }
  } finally {
    await close();
  }
  return result;
}

async function writeIndex(siteDir: string, bundle: SearchBundle): Promise<number> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search index could not be created: ${errors.join('; ')}`);
  // Pages are queued in a fixed order (the index depends on it) while Pagefind works through the queue.
  for (let start = 0; start < bundle.urls.length; start += 64) {
    const urls = bundle.urls.slice(start, start + 64);
    const contents = await Promise.all(urls.map((url) => readFile(path.join(siteDir, pageFile(url)), 'utf8')));
    const added = await Promise.all(urls.map((url, i) => index.addHTMLFile({ url, content: contents[i] ?? '' })));
    const failed = added.flatMap((a) => a.errors);
    if (failed.length > 0) throw new Error(`search index: ${failed.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: path.join(siteDir, bundle.dir) });
  if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return bundle.urls.length;
}
