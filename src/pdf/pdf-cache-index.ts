import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Which page each cached PDF was printed from: `index.json` in the cache, page URL to key. */
const INDEX = 'index.json';

export async function readCacheIndex(cacheDir: string): Promise<Record<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(path.join(cacheDir, INDEX), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export async function writeCacheIndex(cacheDir: string, index: Record<string, string>): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(index).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(path.join(cacheDir, INDEX), JSON.stringify(sorted));
}

/**
 * After a build without PDFs: the cached PDFs of pages that changed or are
 * gone (a paper removed, or made exempt) are deleted, and so is any entry the
 * index does not account for. Only PDFs of unchanged pages stay.
 */
export async function forgetChangedPdfs(cacheDir: string, isUnchanged: (pageUrl: string) => boolean): Promise<void> {
  const index = await readCacheIndex(cacheDir);
  const kept = Object.fromEntries(Object.entries(index).filter(([url]) => isUnchanged(url)));
  const keys = new Set(Object.values(kept));
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names)
    if (name !== INDEX && !keys.has(name.replace(/\.(pdf|html)$/, '')))
      await rm(path.join(cacheDir, name), { force: true });
  if (names.length > 0) await writeCacheIndex(cacheDir, kept);
}
