import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

const run = promisify(execFile);

/** The marker word every field of the exempt test papers carries. */
export const MARKER = 'markerword';

/**
 * Every file under `dir`, hidden ones included (links are not followed: each
 * file is read where it really is), as the text a reader or a program could
 * get from it: gzip undone, a PDF's text extracted.
 */
export async function readEverything(dir: string): Promise<Array<{ file: string; text: string }>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return Promise.all(
    files.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      let bytes = await readFile(file);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      let text = bytes.toString('utf8');
      if (file.endsWith('.pdf'))
        text += (await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
      return { file: path.relative(dir, file), text: text.toLowerCase() };
    }),
  );
}

/** The files under `dir` in which the marker word can be read. */
export async function findMarker(dir: string): Promise<string[]> {
  return (await readEverything(dir)).filter((f) => f.text.includes(MARKER)).map((f) => f.file);
}

/** One hash of every file's name and bytes under `dir`: equal when nothing was written. */
export async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(path.relative(dir, file)).update(await readFile(file));
  return `${files.length}:${hash.digest('hex')}`;
}
