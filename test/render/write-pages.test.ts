import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePages } from '../../src/render/write-pages.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writePages', () => {
  it('writes each page into its folder, making the folders', async () => {
    dir = await makeTempDir('write-pages-');
    const pages = Array.from({ length: 40 }, (_, i) => ({
      path: path.join(dir as string, 'reports', String(i % 7), String(i), 'index.html'),
      content: `<p>Page ${i} – “quoted”</p>`,
    }));
    await writePages(pages);
    for (const page of pages) expect(await readFile(page.path, 'utf8')).toBe(page.content);
  });

  it('fails with the first failure once the writes it started have ended', async () => {
    dir = await makeTempDir('write-pages-');
    await writeFile(path.join(dir, 'taken'), 'a file, not a folder');
    const good = { path: path.join(dir, 'a', 'index.html'), content: 'A' };
    const bad = { path: path.join(dir, 'taken', 'index.html'), content: 'B' };
    await expect(writePages([good, bad])).rejects.toThrow(/taken/);
    expect(await readFile(good.path, 'utf8')).toBe('A');
  });
});
