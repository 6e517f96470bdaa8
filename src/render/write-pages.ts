import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
  let next = 0;
  let failure: { error: unknown } | undefined;
  const writeInTurn = async (): Promise<void> => {
    while (next < pages.length && !failure) {
      const page = pages[next++] as PageFile;
      try {
        await mkdir(path.dirname(page.path), { recursive: true });
        await writeFile(page.path, page.content);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGES_AT_ONCE, pages.length) }, writeInTurn));
  if (failure) throw failure.error;
}
