import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forEachAtOnce } from './for-each-at-once.ts';

/**
 * Put `from`'s bytes at `to` as a hard link where the file system allows it
 * (no copy), and as a copy where it does not. Whatever was at `to` is replaced,
 * never written through, since it may itself be a link to other bytes.
 */
export async function linkFile(from: string, to: string): Promise<void> {
  // Linked before anything is looked for: in a new release nothing is there, and a look costs as much as a link.
  try {
    await link(from, to);
    return;
  } catch {
    // Something is there (replaced below), or this file system cannot link (copied).
  }
  await rm(to, { force: true });
  await link(from, to).catch(() => copyFile(from, to));
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

/**
 * Each of `files` (paths relative to both folders) put from `fromDir` at the
 * same place under `toDir`, with `linkFile` unless told otherwise; several at a time.
 */
export async function putFiles(
  fromDir: string,
  toDir: string,
  files: readonly string[],
  put: (from: string, to: string) => Promise<void> = linkFile,
): Promise<void> {
  for (const dir of new Set(files.map((file) => path.dirname(path.join(toDir, file)))))
    await mkdir(dir, { recursive: true });
  await forEachAtOnce(files, 16, (file) => put(path.join(fromDir, file), path.join(toDir, file)));
}

/** Every file under `from` linked at the same place under `to`. */
export async function linkTree(from: string, to: string): Promise<void> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(from, path.join(e.parentPath, e.name)));
  await putFiles(from, to, files);
}
