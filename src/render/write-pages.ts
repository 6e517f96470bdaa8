import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forEachAtOnce } from '../util/for-each-at-once.ts';

/** A rendered page and where it goes. */
export interface PageFile {
  path: string;
  content: string;
}

/** Pages written at once: each holds one file open while it is written. */
export const PAGES_AT_ONCE = 8;

/**
 * Write the pages, PAGES_AT_ONCE at a time, on Node's own threads: the next
 * batch renders on this one meanwhile. Every write has ended, or failed, before
 * this settles, so nothing is written after a build that failed has stopped;
 * it then rejects with the first failure.
 */
export async function writePages(pages: readonly PageFile[]): Promise<void> {
  let failure: { error: unknown } | undefined;
  await forEachAtOnce(pages, PAGES_AT_ONCE, async (page) => {
    if (failure) return;
    try {
      await mkdir(path.dirname(page.path), { recursive: true });
      await writeFile(page.path, page.content);
    } catch (error) {
      failure ??= { error };
    }
  });
  if (failure) throw failure.error;
}
