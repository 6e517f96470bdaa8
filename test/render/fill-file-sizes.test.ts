import { describe, expect, it } from 'vitest';
import { fillSlots, formatFileSize } from '../../src/render/fill-file-sizes.ts';

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
