import { link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSameFile, keepLinksOf, listFiles, removeFilesExcept } from '../../src/util/keep-links.ts';
import { linkFile } from '../../src/util/link-file.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Write each file (relative path → text) under `dir`, making its folders. */
async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

describe('a release kept as the spare of the next', () => {
  it('keeps only the files that are links of the published ones, and no folder left empty', async () => {
    const root = await makeTempDir('keep-links');
    const before = path.join(root, 'before');
    const published = path.join(root, 'published');
    await writeTree(before, {
      'same/index.html': 'unchanged',
      'changed/index.html': 'old text',
      'removed/deep/index.html': 'a paper since removed',
      'assets/site.css': 'body {}',
    });
    await mkdir(path.join(published, 'same'), { recursive: true });
    await link(path.join(before, 'same/index.html'), path.join(published, 'same/index.html'));
    await writeTree(published, {
      'changed/index.html': 'new text',
      'assets/site.css': 'body {}',
      'new/index.html': 'new',
    });

    expect(keepLinksOf(before, published)).toEqual(['same/index.html']);
    expect(listFiles(before)).toEqual(['same/index.html']);
    // The folders emptied went too, the deepest first.
    expect((await readdir(before)).sort()).toEqual(['same']);
    // The published files are untouched, the shared one included.
    expect(await readFile(path.join(published, 'same/index.html'), 'utf8')).toBe('unchanged');
    expect(await readFile(path.join(published, 'changed/index.html'), 'utf8')).toBe('new text');
  });

  it('removes what it is not told to keep, passing over a file already gone', async () => {
    const root = await makeTempDir('keep-links');
    await writeTree(root, { 'a/one.txt': '1', 'a/two.txt': '2', 'b/three.txt': '3' });
    removeFilesExcept(root, ['a/one.txt', 'b/three.txt', 'b/gone.txt'], (file) => file === 'a/one.txt');
    expect(listFiles(root).sort()).toEqual(['a/one.txt', 'a/two.txt']);
    expect((await readdir(root)).sort()).toEqual(['a']);
  });

  it('links a file over the very same file without touching it, and replaces any other', async () => {
    const root = await makeTempDir('keep-links');
    await writeTree(root, { 'from.txt': 'published', 'other.txt': 'something else' });
    const from = path.join(root, 'from.txt');
    const to = path.join(root, 'to.txt');
    await linkFile(from, to);
    await linkFile(from, to);
    expect(isSameFile(from, to)).toBe(true);
    const other = path.join(root, 'other.txt');
    await linkFile(from, other);
    expect(isSameFile(from, other)).toBe(true);
    expect(await readFile(from, 'utf8')).toBe('published');
    expect(isSameFile(from, path.join(root, 'missing.txt'))).toBe(false);
  });
});
