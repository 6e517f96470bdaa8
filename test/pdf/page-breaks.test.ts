import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/pipeline/build-project.ts';
import { normaliseSpace } from '../helpers/page-text.ts';
import { flattenBookmarks, readBookmarks, readPageLines, readPdfWords } from '../helpers/pdf.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { listFiles } from '../helpers/site-build.ts';

/** The headings of a page's printed part (its article, or the whole pack), as text. */
function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)]
    .map((m) => normaliseSpace((m[2] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')))
    .filter(Boolean);
}

/** A page's own lines: less the running footer ("…, Report 6" or "…: committee pack", and "Page N of M") and a pack's running header. */
function ownLines(lines: readonly string[]): string[] {
  return lines.filter(
    (l) => !/^Page \d+ of \d+$/.test(l) && !/(, Report \d+|: committee pack)$/.test(l) && !/^Agenda item \d+: /.test(l),
  );
}

/** A page whose last lines of text (less the running footer) are a heading, with that heading. */
function findHeadingsAtFoot(
  pages: readonly string[][],
  headings: readonly string[],
): Array<{ page: number; heading: string }> {
  const found: Array<{ page: number; heading: string }> = [];
  pages.forEach((lines, i) => {
    const text = ownLines(lines);
    for (let k = 1; k <= 3 && k <= text.length; k++) {
      const tail = text.slice(-k).join(' ');
      const heading = headings.find((h) => h === tail);
      if (heading) found.push({ page: i + 1, heading });
    }
  });
  return found;
}

describe('page breaks in the printed example archive', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildProject({ root: await copyExampleProject() });
    expect(build.errors.filter((e) => e.severity === 'error')).toEqual([]);
  });

  it('leaves no heading alone at the foot of a page, in any PDF', async () => {
    const pdfs = await listFiles(build.siteDir, '.pdf');
    expect(pdfs.length).toBeGreaterThanOrEqual(4);
    for (const pdf of pdfs) {
      const html = await readFile(
        path.join(path.dirname(pdf), pdf.endsWith('-pack.pdf') ? 'pack/index.html' : 'index.html'),
        'utf8',
      );
      const headings = headingsOf(html);
      expect(headings.length).toBeGreaterThan(3);
      expect({ pdf: path.basename(pdf), found: findHeadingsAtFoot(await readPageLines(pdf), headings) }).toEqual({
        pdf: path.basename(pdf),
        found: [],
      });
    }
  });

  it('ends no PDF with a page of fewer than 5 lines, and prints no web banner', async () => {
    for (const pdf of await listFiles(build.siteDir, '.pdf')) {
      const pages = await readPageLines(pdf);
      expect(pages.length, pdf).toBeGreaterThan(1);
      expect(ownLines(pages.at(-1) ?? []).length, `${path.basename(pdf)}: last page`).toBeGreaterThanOrEqual(5);
      expect(pages.flat().join(' '), pdf).not.toContain('This is archived material');
    }
  });

  it('heads every page of a pack’s item with its agenda number and title, and no other page', async () => {
    const pack = path.join(build.siteDir, 'committees/x-ppr/2005/051208/x-ppr-2005-12-08-pack.pdf');
    const pages = await readPageLines(pack);
    expect(pages.length).toBeGreaterThan(3);
    // The cover and the agenda have no item; every page after them belongs to item 6.
    expect(pages.slice(0, 2).map((lines) => lines[0])).toEqual(['Metropolitan Police Authority', 'Agenda']);
    for (const [i, lines] of pages.slice(2).entries())
      expect(lines[0], `page ${i + 3}`).toBe('Agenda item 6: Crime and Disorder Reduction Partnerships');
  });

  it('spells every bookmark as its heading, spaces and all', async () => {
    for (const pdf of await listFiles(build.siteDir, '.pdf')) {
      const html = await readFile(
        path.join(path.dirname(pdf), pdf.endsWith('-pack.pdf') ? 'pack/index.html' : 'index.html'),
        'utf8',
      );
      const headings = new Set(headingsOf(html));
      const bookmarks = flattenBookmarks(await readBookmarks(pdf));
      expect(bookmarks.length, pdf).toBeGreaterThan(5);
      expect(
        bookmarks.filter((b) => !headings.has(normaliseSpace(b))),
        path.basename(pdf),
      ).toEqual([]);
    }
  });

  it('gives the Key points / Actions / Results columns the same widths in every table of a document', async () => {
    for (const file of [
      'committees/x-ppr/2005/051208/06/x-ppr-2005-12-08-06.pdf',
      'committees/x-ppr/2005/051208/x-ppr-2005-12-08-pack.pdf',
    ]) {
      const words = await readPdfWords(path.join(build.siteDir, file));
      const results = words.filter((w) => w.text === 'Results/timescale');
      const actions = words.filter(
        (w) => w.text === 'Actions' && results.some((r) => r.page === w.page && Math.abs(r.y - w.y) < 1),
      );
      expect(results.length, file).toBeGreaterThan(10);
      expect(actions.length, file).toBe(results.length);
      expect(new Set(results.map((w) => w.x.toFixed(1))).size, file).toBe(1);
      expect(new Set(actions.map((w) => w.x.toFixed(1))).size, file).toBe(1);
    }
  });

  it('would see a heading left at the foot of a page', () => {
    const pages = [
      ['Some text.', 'C. Race and equality impact', 'Committee, 8 December 2005, Report 6', 'Page 1 of 2'],
      ['Text.', 'Committee, 8 December 2005, Report 6', 'Page 2 of 2'],
    ];
    expect(findHeadingsAtFoot(pages, ['C. Race and equality impact'])).toEqual([
      { page: 1, heading: 'C. Race and equality impact' },
    ]);
  });
});
