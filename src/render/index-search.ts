import { createHash } from 'node:crypto';
import { copyFile, cp, link, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import type { SiteModel } from '../model/types.ts';
import { pageFile } from '../model/urls.ts';

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
      result.indexed += await writeIndex(siteDir, bundle, cacheDir);
      const earlier = (name: string) => name.startsWith(`${bundle.dir}-`) && /^[0-9a-f]{64}$/.test(name.slice(bundle.dir.length + 1));
      for (const old of (await readdir(cacheDir)).filter(earlier)) await rm(path.join(cacheDir, old), { recursive: true, force: true });
      await cp(target, cached, { recursive: true });
    }
  } finally {
    await close();
  }
  return result;
}

async function writeIndex(siteDir: string, bundle: SearchBundle, workDir: string): Promise<number> {
  // Pagefind reads a folder fastest, so the bundle's pages are linked into one of their own.
  const pages = path.join(workDir, `${bundle.dir}-pages`);
  await rm(pages, { recursive: true, force: true });
  await linkPages(siteDir, bundle.urls, pages);
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`search index could not be created: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: pages });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, bundle.dir) });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    return added.page_count;
  } finally {
    await rm(pages, { recursive: true, force: true });
  }
}

/** Hard links where the file system allows them (the same bytes, no copy), copies where it does not. */
async function linkPages(siteDir: string, urls: readonly string[], dir: string): Promise<void> {
  for (const url of urls) {
    const from = path.join(siteDir, pageFile(url));
    const to = path.join(dir, pageFile(url));
    await mkdir(path.dirname(to), { recursive: true });
    await link(from, to).catch(() => copyFile(from, to));
  }
}
