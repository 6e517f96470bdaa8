import { copyFileSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { copyFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isSameFile } from './keep-links.ts';

/**
 * Put `from`'s bytes at `to` as a hard link where the file system allows it
 * (no copy), and as a copy where it does not. Whatever was at `to` is replaced,
 * never written through, since it may itself be a link to other bytes.
 */
export async function linkFile(from: string, to: string): Promise<void> {
  linkFileNow(from, to);
}

/**
 * As `linkFile`, synchronously: a release links tens of thousands of files,
 * and each call through the thread pool costs more than the link itself
 * (28,000 pages linked in 10-11 s through the pool, 4-4.5 s in turn on one thread).
 */
function linkFileNow(from: string, to: string): void {
  // Linked before anything is looked for: in a new release nothing is there, and a look costs as much as a link.
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    // Already there as a link of the very file (a release filled from its spare holds it): nothing to do.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isSameFile(from, to)) return;
    // Something else is there (replaced below), or this file system cannot link (copied).
  }
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Write a file as a new one, so a hard link that stood at the path keeps its own bytes. It is written beside
 * the path and renamed into place: a reader sees the old file or the new, and when writing fails the path
 * is left as it was, with no part of the new file beside it.
 */
export function writeFileAnew(file: string, data: Uint8Array | string): Promise<void> {
  return replaceFile(file, (beside) => writeFile(beside, data));
}

/** Copy a file as a new one, in the same way: when `from` cannot be read, `to` is left as it was. */
export function copyFileAnew(from: string, to: string): Promise<void> {
  return replaceFile(to, (beside) => copyFile(from, beside));
}

async function replaceFile(file: string, make: (beside: string) => Promise<void>): Promise<void> {
  const beside = `${file}.new`;
  try {
    await make(beside);
    await rename(beside, file);
  } catch (error) {
    await rm(beside, { force: true });
    throw error;
  }
}

/** Files linked between two looks at `signal`: the watcher's events get through, and a build stopped stops soon. */
const LINKS_AT_ONCE = 1000;

/**
 * Each of `files` (paths relative to both folders) put from `fromDir` at the
 * same place under `toDir` with `linkFile`, its folder made first. The files
 * that were not there to put (removed by hand) are given back, and left out.
 * Given `signal`, it stops (throwing its reason) once the signal is aborted.
 */
export async function putFiles(
  fromDir: string,
  toDir: string,
  files: readonly string[],
  signal?: AbortSignal,
): Promise<string[]> {
  const made = new Set<string>();
  const missing: string[] = [];
  for (const [i, file] of files.entries()) {
    if (signal && i % LINKS_AT_ONCE === LINKS_AT_ONCE - 1) await giveWay(signal);
    const to = path.join(toDir, file);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      linkFileNow(path.join(fromDir, file), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(file);
    }
  }
  return missing;
}

/** Let what is waiting run (a watcher's event), then stop if `signal` was aborted meanwhile. */
export async function giveWay(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
}

/** Every file under `from` linked at the same place under `to`. */
export async function linkTree(from: string, to: string, signal?: AbortSignal): Promise<void> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(from, path.join(e.parentPath, e.name)));
  const missing = await putFiles(from, to, files, signal);
  if (missing.length > 0)
    throw Object.assign(new Error(`${missing[0]} was removed while it was linked`), { code: 'ENOENT' });
}
