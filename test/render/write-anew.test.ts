import { link, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFileAnew, writeFileAnew } from '../../src/util/link-file.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('writing a page that may be a link into the published release', () => {
  it('writes and copies a new file, so the file the link shared keeps its bytes', async () => {
    const dir = await makeTempDir('anew');
    const published = path.join(dir, 'published.html');
    await writeFile(published, 'published');
    for (const [i, write] of [
      (to: string) => writeFileAnew(to, 'written'),
      async (to: string) => {
        await writeFile(path.join(dir, 'cached.html'), 'written');
        await copyFileAnew(path.join(dir, 'cached.html'), to);
      },
    ].entries()) {
      const page = path.join(dir, `page-${i}.html`);
      await link(published, page);
      await write(page);
      expect(await readFile(page, 'utf8')).toBe('written');
      expect(await readFile(published, 'utf8')).toBe('published');
    }
  });

  it('leaves the page as it was, and nothing beside it, when the copy cannot be made', async () => {
    const dir = await makeTempDir('anew-missing');
    const page = path.join(dir, 'index.html');
    await writeFile(page, 'as it was');
    await expect(copyFileAnew(path.join(dir, 'missing.html'), page)).rejects.toThrow(/ENOENT/);
    expect(await readFile(page, 'utf8')).toBe('as it was');
    expect(await readdir(dir)).toEqual(['index.html']);
  });
});
