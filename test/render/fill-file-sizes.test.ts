import { link, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillFileSizes, fillSlots, formatFileSize } from '../../src/render/fill-file-sizes.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('file sizes written into built pages', () => {
  it('fills each slot whose PDF has a size and leaves the others as rendered, byte for byte around them', () => {
    const page = Buffer.from(
      '<p>’<a href="/a.pdf">A</a> <span class="file-size" data-size-of="/a.pdf">PDF</span></p><p><span class="file-size" data-size-of="/b.pdf">PDF</span> end ’</p>',
    );
    const filled = fillSlots(page, (pdf) => new Map([['/a.pdf', formatFileSize(164_864)]]).get(pdf));
    expect(filled.toString('utf8')).toBe(
      '<p>’<a href="/a.pdf">A</a> <span class="file-size" data-size-of="/a.pdf">PDF 161 KB</span></p><p><span class="file-size" data-size-of="/b.pdf">PDF</span> end ’</p>',
    );
    // Filled again with a new size, the slot says the new size.
    expect(fillSlots(filled, (pdf) => (pdf === '/a.pdf' ? 'PDF 2.0 MB' : undefined)).toString('utf8')).toContain(
      'data-size-of="/a.pdf">PDF 2.0 MB</span>',
    );
  });

  it('leaves a page without slots, or with a slot cut short, as it was', () => {
    for (const text of ['<p>No slots here.</p>', '<p><span class="file-size" data-size-of="/a.pdf">PDF']) {
      expect(fillSlots(Buffer.from(text), (pdf) => (pdf === '/a.pdf' ? 'PDF 1 KB' : undefined)).toString('utf8')).toBe(
        text,
      );
    }
  });
});

describe('file sizes settled again after a rebuild', () => {
  const PAGE = 'committees/x/index.html';
  const page = (size = '') =>
    `<p><!--pdf:/x/a.pdf--><a href="/x/a.pdf">A</a> <span class="file-size" data-size-of="/x/a.pdf">${size}</span><!--/pdf--></p>`;

  /** A release whose one page links `a.pdf`, linked from `from` when given (as a rebuild links an unchanged page). */
  async function makeRelease(pdfBytes: number | undefined, from?: string): Promise<string> {
    const dir = await makeTempDir('release');
    await mkdir(path.join(dir, 'committees/x'), { recursive: true });
    await mkdir(path.join(dir, 'x'), { recursive: true });
    if (from) await link(path.join(from, PAGE), path.join(dir, PAGE));
    else await writeFile(path.join(dir, PAGE), page());
    if (pdfBytes !== undefined) await writeFile(path.join(dir, 'x/a.pdf'), Buffer.alloc(pdfBytes));
    return dir;
  }
  const read = (dir: string) => readFile(path.join(dir, PAGE), 'utf8');

  it('leaves a linked page unread while its PDFs keep their sizes, and writes it anew when one changes', async () => {
    const first = await makeRelease(2048);
    const settled = await fillFileSizes(first, ['/committees/x/']);
    expect(settled).toEqual({ '/committees/x/': { '/x/a.pdf': 'PDF 2 KB' } });
    expect(await read(first)).toBe(page('PDF 2 KB'));

    // Same size: the linked page is taken as settled, unread (a page changed behind it stays as it is).
    const same = await makeRelease(2048, first);
    await writeFile(path.join(same, `${PAGE}.new`), 'changed behind it');
    await rename(path.join(same, `${PAGE}.new`), path.join(same, PAGE));
    const before = { settled, linked: new Set(['/committees/x/']) };
    expect(await fillFileSizes(same, ['/committees/x/'], before)).toEqual(settled);
    expect(await read(same)).toBe('changed behind it');

    // A new size, or a missing PDF: settled again, as a new file, so the release it links keeps its bytes.
    for (const [bytes, shown] of [
      [5 * 1024 * 1024, 'PDF 5.0 MB'],
      [undefined, ''],
    ] as const) {
      const next = await makeRelease(bytes, first);
      expect(await fillFileSizes(next, ['/committees/x/'], before)).toEqual({
        '/committees/x/': { '/x/a.pdf': shown },
      });
      if (bytes === undefined) expect(await read(next)).toContain('<!--hidden:');
      else expect(await read(next)).toBe(page(shown));
      expect(await read(first)).toBe(page('PDF 2 KB'));
    }
  });

  it('settles a page that is not linked whatever was known of it', async () => {
    const first = await makeRelease(2048);
    const settled = await fillFileSizes(first, ['/committees/x/']);
    const fresh = await makeRelease(4096);
    const before = { settled, linked: new Set<string>() };
    expect(await fillFileSizes(fresh, ['/committees/x/'], before)).toEqual({
      '/committees/x/': { '/x/a.pdf': 'PDF 4 KB' },
    });
    expect(await read(fresh)).toBe(page('PDF 4 KB'));
  });
});
