import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { PapersError } from '../errors/papers-error.ts';
import type { SiteModel } from '../model/types.ts';
import { pageFile } from '../domain/urls.ts';
import { linkTree, putFiles } from '../util/link-file.ts';

/** Pagefind's version is part of every index's key (its package exports no package.json, so it is read beside its entry point). */
const PAGEFIND_VERSION = (
  JSON.parse(
    await readFile(
      path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'),
      'utf8',
    ),
  ) as { version: string }
).version;

/** One Pagefind index of the site; the search page merges them. */
export interface SearchBundle {
  /** The folder it is written to in the site, such as `pagefind/recommendations`. */
  dir: string;
  /** The pages it indexes (each marks what to index with `data-pagefind-body`). */
  urls: string[];
  /** A fingerprint of everything the index is made from: the same key gives the same index. */
  key: string;
}

/** Every bundle is a folder of this one; the list of them is written beside them for the search page. */
export const SEARCH_DIR = 'pagefind';
export const BUNDLE_LIST = `${SEARCH_DIR}/bundles.json`;

/**
 * One index per committee of its reports' own text, one of the
 * recommendation tracker, and one of the borough pages and the glossary. The recommendation tables inside reports are left
 * out of the reports' indexes (the template marks them `data-pagefind-ignore`),
 * since the tracker holds each recommendation once; so an edit to a
 * recommendation re-indexes only the tracker, and an edit to a report only
 * its committee's index. Pagefind's time and memory grow faster than the
 * pages of one index, so indexes of one committee each keep a large archive's
 * build in proportion to its size.
 */
export function planSearch(model: SiteModel, renderHash: string): SearchBundle[] {
  const shared = JSON.stringify({ renderHash, PAGEFIND_VERSION, site: model.site, nav: model.nav });
  const key = (items: unknown) => createHash('sha256').update(shared).update(JSON.stringify(items)).digest('hex');
  const bundles: SearchBundle[] = [];
  const byCommittee = new Map<string, SiteModel['reports']>(model.committees.map((c) => [c.code, []]));
  for (const report of model.reports) byCommittee.get(report.committee.code)?.push(report);
  for (const [code, reports] of byCommittee) {
    if (reports.length === 0) continue;
    // The recommendation tables are not indexed (they are found on the tracker's pages), so they do not count
    // here; the report's `textKey` stands for the text of its sections and appendices.
    const text = reports.map((r) =>
      Object.assign({}, r, {
        views: [],
        sections: r.sections.map(({ letter, title, id }) => ({ letter, title, id })),
        appendices: r.appendices.map(({ number, id, heading, title }) => ({ number, id, heading, title })),
      }),
    );
    bundles.push({ dir: `${SEARCH_DIR}/reports-${code}`, urls: reports.map((r) => r.url), key: key(text) });
  }
  // Minutes, one bundle for all committees: their text is what was decided.
  if (model.minutes.length > 0)
    bundles.push({ dir: `${SEARCH_DIR}/minutes`, urls: model.minutes.map((m) => m.url), key: key(model.minutes) });
  const tracked = model.trackedRecommendations;
  if (tracked.length > 0)
    bundles.push({
      dir: `${SEARCH_DIR}/recommendations`,
      urls: tracked.map((r) => r.recommendation.url),
      key: key(tracked),
    });
  // Borough pages and the glossary: what a reader looks up beside the papers.
  bundles.push({
    dir: `${SEARCH_DIR}/reference`,
    urls: [...model.boroughs.map((b) => b.url), '/glossary/'],
    key: key({ boroughs: model.boroughs, glossary: model.glossary }),
  });
  return bundles;
}

export interface SearchResult {
  /** Pages indexed now, and bundles taken whole from the previous build. */
  indexed: number;
  reused: number;
  /** The key of each bundle written, by folder: what the next build compares with. */
  keys: Record<string, string>;
}

/** The search bundles of the published site, to be reused where their keys still match. */
export interface PreviousSearch {
  siteDir: string;
  keys: Record<string, string>;
  /** Whether the release holds a bundle already, as published (kept from its spare): it is not linked again. */
  holds?: (dir: string) => boolean;
}

/**
 * Write each bundle into the site: linked from the published site when it was
 * built from the same key (its files are never written again), otherwise with
 * Pagefind (offline, in its own process). Given `signal`, it stops between
 * bundles (and while linking one) once the signal is aborted.
 */
export async function indexSearch(
  siteDir: string,
  bundles: readonly SearchBundle[],
  previous?: PreviousSearch,
  signal?: AbortSignal,
): Promise<SearchResult> {
  const result: SearchResult = { indexed: 0, reused: 0, keys: {} };
  try {
    for (const bundle of bundles) {
      signal?.throwIfAborted();
      const target = path.join(siteDir, bundle.dir);
      const published =
        previous && previous.keys[bundle.dir] === bundle.key ? path.join(previous.siteDir, bundle.dir) : undefined;
      if (published && (await stat(published).catch(() => undefined))?.isDirectory()) {
        if (!previous?.holds?.(bundle.dir)) await linkTree(published, target, signal);
        result.reused++;
      } else {
        result.indexed += await writeIndex(siteDir, bundle, signal);
      }
      result.keys[bundle.dir] = bundle.key;
    }
    await mkdir(path.join(siteDir, SEARCH_DIR), { recursive: true });
    await writeFile(
      path.join(siteDir, BUNDLE_LIST),
      `${JSON.stringify({ bundles: bundles.map((b) => `${b.dir}/`) })}\n`,
    );
  } finally {
    await close();
  }
  return result;
}

async function writeIndex(siteDir: string, bundle: SearchBundle, signal?: AbortSignal): Promise<number> {
  // Pagefind reads a folder fastest, so the bundle's pages are linked into one of their own (outside the site).
  const pages = `${siteDir}-${path.basename(bundle.dir)}-pages`;
  await rm(pages, { recursive: true, force: true });
  const missing = await putFiles(siteDir, pages, bundle.urls.map(pageFile), signal);
  if (missing.length > 0)
    throw new PapersError('E_SEARCH', `the search index could not be created: ${missing[0]} is not in the site`);
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new PapersError('E_SEARCH', `the search index could not be created: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: pages });
    if (added.errors.length > 0)
      throw new PapersError('E_SEARCH', `the search index of ${bundle.dir}: ${added.errors.join('; ')}`);
    // Whatever stands there goes first: Pagefind writes into its files, which may be links into the published release.
    await rm(path.join(siteDir, bundle.dir), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: path.join(siteDir, bundle.dir) });
    if (written.errors.length > 0)
      throw new PapersError('E_SEARCH', `the search index of ${bundle.dir}: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    return added.page_count;
  } finally {
    await rm(pages, { recursive: true, force: true });
  }
}
