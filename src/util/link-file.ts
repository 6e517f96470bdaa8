import { copyFile, link, rm, writeFile } from 'node:fs/promises';

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
