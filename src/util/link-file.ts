import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forEachAtOnce } from './for-each-at-once.ts';

/**
 * Put `from`'s bytes at `to` as a hard link where the file system allows it
 * (no copy), and as a copy where it does not. Whatever was at `to` is removed
 * first, never written through, since it may itself be a link to other bytes.
 */
export async function linkFile(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  await link(from, to).catch(() => copyFile(from, to));
}

/** Write a file as a new one, so a hard link that stood at the path keeps its own bytes. */
export async function writeFileAnew(file: string, data: Uint8Array | string): Promise<void> {
  await rm(file, { force: true });
  await writeFile(file, data);
}

/**
 * Copy a file as a new one, for the same reason, renamed into place: when the copy fails (`from` missing, a
 * full disk), `to` is left as it was and no part of the copy is left beside it.
 */
export async function copyFileAnew(from: string, to: string): Promise<void> {
  const copy = `${to}.copy`;
  try {
    await copyFile(from, copy);
    await rename(copy, to);
  } catch (error) {
    await rm(copy, { force: true });
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
