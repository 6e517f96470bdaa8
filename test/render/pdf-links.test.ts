import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasHiddenPdfLinks, listPdfLinks, settlePdfLinks, showPdfLinks } from '../../src/render/pdf-links.ts';

const PAGE =
  '<p>Agenda</p><!--pdf:/a.pdf--><p class="download-link"><a href="/a.pdf">Report 6 as a PDF</a> ’</p><!--/pdf-->' +
  '<li><a href="/r/">Item</a><!--pdf:/b.pdf--> <a href="/b.pdf">Report 7</a><!--/pdf--></li>';

describe('PDF link regions', () => {
  it('hides a region whose PDF is missing, leaving no link to it, and shows it again as rendered', () => {
    const page = Buffer.from(PAGE);
    const hidden = settlePdfLinks(page, (pdf, shown) => (pdf === '/a.pdf' ? shown : undefined));
    const text = hidden.toString('utf8');
    expect(text).toContain('<a href="/a.pdf">Report 6 as a PDF</a> ’');
    expect(text).not.toContain('href="/b.pdf"');
    expect(text).not.toContain('Report 7');
    expect(text).toContain('<a href="/r/">Item</a><!--pdf:/b.pdf--><!--hidden:');
    expect(hasHiddenPdfLinks(hidden)).toBe(true);
    expect(listPdfLinks(hidden)).toEqual(['/a.pdf', '/b.pdf']);
    expect(showPdfLinks(hidden).toString('utf8')).toBe(PAGE);
    expect(hasHiddenPdfLinks(showPdfLinks(hidden))).toBe(false);
  });

  it('gives back the very page when it has no regions', () => {
    const page = Buffer.from('<p>No PDFs here <!-- a comment --></p>');
    expect(settlePdfLinks(page, () => undefined)).toBe(page);
  });

  it('shows any page as rendered, whichever regions were hidden and however often', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.boolean(), fc.boolean()), { maxLength: 6 }), (regions) => {
        const page = Buffer.from(
          regions
            .map(
              ([text], i) =>
                `<p>${i}</p><!--pdf:/${i}.pdf--><a href="/${i}.pdf">${text.replaceAll('-', '')}</a><!--/pdf-->`,
            )
            .join(''),
        );
        const once = settlePdfLinks(page, (pdf, shown) =>
          regions[Number.parseInt(pdf.slice(1), 10)]![1] ? shown : undefined,
        );
        const twice = settlePdfLinks(once, (pdf, shown) =>
          regions[Number.parseInt(pdf.slice(1), 10)]![2] ? shown : undefined,
        );
        expect(showPdfLinks(twice).equals(page)).toBe(true);
        for (const [i, [, , kept]] of regions.entries()) expect(twice.includes(`href="/${i}.pdf"`)).toBe(kept);
      }),
    );
  });
});
