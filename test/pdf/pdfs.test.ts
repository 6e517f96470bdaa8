import { link, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDestinationPages } from '../../src/pdf/finalise-pdf.ts';
import { printSitePdfs } from '../../src/pdf/print-site-pdfs.ts';
import { buildProject, type BuildResult } from '../../src/pipeline/build-project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { trackChromium, useOwnTempDir } from '../helpers/chromium.ts';
import { flattenBookmarks, readBookmarks, readPageTexts, readPdfInfo, readPdfLinks } from '../helpers/pdf.ts';
import { createPdfProject, PACK_2005, PDF_2004, PDF_2005 } from '../helpers/pdf-project.ts';
import { editFile, REPORT_2004 } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

/** Report 4 of the fuller 8 December 2005 meeting. */
const PDF_2004_IN_PACK = 'committees/x-ppr/2005/051208/04/x-ppr-2005-12-08-04.pdf';
const FOOTER_2005 = 'Planning, Performance & Review Committee, 8 December 2005, Report 6';

/** Every file of a site held by a link of its own, so that what is written through any link to it shows. */
async function holdFiles(siteDir: string): Promise<{ changed: () => Promise<string[]> }> {
  const held = await makeTempDir('held');
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const before = new Map<string, Buffer>();
  for (const [i, e] of files.entries()) {
    const file = path.join(e.parentPath, e.name);
    before.set(file, await readFile(file));
    await link(file, path.join(held, String(i)));
  }
  expect(before.size).toBeGreaterThan(30);
  return {
    changed: async () => {
      const changed: string[] = [];
      for (const [i, [file, bytes]] of [...before].entries())
        if (!(await readFile(path.join(held, String(i)))).equals(bytes)) changed.push(path.relative(siteDir, file));
      return changed;
    },
  };
}

describe('PDFs printed by real Chromium', () => {
  let root = '';
  let build: BuildResult;
  const pdf = (url: string) => path.join(build.siteDir, url);

  let chromium: ReturnType<typeof trackChromium>;
  beforeAll(async () => {
    await useOwnTempDir();
    chromium = trackChromium();
    root = await createPdfProject();
    build = await buildProject({ root });
    expect(build.errors).toEqual([]);
  });

  describe('a report PDF', () => {
    it('is a tagged A4 document whose title, author, subject and dates come from the report', async () => {
      const info = await readPdfInfo(pdf(PDF_2005));
      expect(info.Tagged).toBe('yes');
      expect(info['Page size']).toContain('(A4)');
      expect(info.Title).toBe('Crime and Disorder Reduction Partnerships');
      expect(info.Author).toBe('Commissioner');
      expect(info.Subject).toMatch(
        /^Report 6 of the 8 December 2005 meeting of the Planning, Performance & Review Committee/,
      );
      expect(info.CreationDate).toMatch(/Dec +8 00:00:00 2005/);
    });

    it('has the committee, date, report number and "Page N of M" on every page, and no site navigation', async () => {
      const pages = await readPageTexts(pdf(PDF_2005));
      expect(pages.length).toBeGreaterThan(5);
      pages.forEach((text, i) => {
        expect(text).toContain(FOOTER_2005);
        expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
        expect(text).not.toContain('You are in:');
        expect(text).not.toContain('Send an e-mail linking to this page');
      });
    });

    it('has bookmarks for the sections and for each recommendation', async () => {
      const titles = flattenBookmarks(await readBookmarks(pdf(PDF_2005)));
      for (const section of [
        'A. Recommendation',
        'B. Supporting information',
        'C. Race and equality impact',
        'D. Financial implications',
        'E. Background papers',
        'F. Contact details',
        'Appendix 1',
      ]) {
        expect(titles).toContain(section);
      }
      for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 22, 24, 25]) {
        expect(titles).toContain(`Recommendation ${n}`);
      }
    });

    it('links each recommendation to its page on the published site, never to the printer’s own server', async () => {
      for (const file of [PDF_2005, PACK_2005]) {
        const links = await readPdfLinks(pdf(file));
        expect(links.length, file).toBeGreaterThan(10);
        for (const link of links) expect(link, file).toMatch(/^https:\/\/papers\.example\.org\//);
        expect(links, file).toContain('https://papers.example.org/recommendations/cdrp-scrutiny-2003/03/');
      }
    });

    it('repeats a long table’s header on every page it continues on and never splits a row', async () => {
      const pages = await readPageTexts(pdf(PDF_2005));
      const tablePages = pages.filter((text) => /Row \d+ of the long table/.test(text));
      expect(tablePages.length).toBeGreaterThanOrEqual(2);
      for (const text of tablePages) expect(text).toContain('Key points Actions Results/timescale');
      for (let row = 1; row <= 30; row++) {
        const page = pages.findIndex((text) => text.includes(`Row ${row} of the long table.`));
        expect(pages[page]).toContain(`Action ${row} of a long table`);
      }
    });

    it('keeps headings with what follows them', async () => {
      const pages = await readPageTexts(pdf(PDF_2005));
      const openings: Array<[string, string]> = [
        ['Recommendation 1 ', 'Borough commanders should nominate'],
        ['Recommendation 12 ', 'That the MPA considers as high priority'],
        ['Recommendation 24 ', 'The MPS central support and co-ordination unit'],
        ['B. Supporting information ', '1. The third anniversary'],
        ['Appendix 1 ', 'Recommendation 1 '],
      ];
      for (const [heading, next] of openings) {
        const page = pages.find((text) => text.includes(heading) && !text.includes(`Contents ${heading}`));
        expect(page, heading).toContain(next);
      }
    });
  });

  describe('the committee pack', () => {
    it('opens with a cover naming the body, committee, date, time, venue and contact', async () => {
      const [cover] = await readPageTexts(pdf(PACK_2005));
      for (const text of [
        'Metropolitan Police Authority',
        'Planning, Performance & Review Committee',
        '8 December 2005, 14:00',
        'Committee Room 1',
        'MPA general: 020 7202 0202',
      ]) {
        expect(cover).toContain(text);
      }
    });

    it('lists every agenda item with the page its report really starts on', async () => {
      const pages = await readPageTexts(pdf(PACK_2005));
      const agenda = pages[1] ?? '';
      expect(agenda).toContain('1 Apologies for absence');
      const items = [
        ...agenda.matchAll(
          /(\d) (Borough performance overview|Partnership funding review|Crime and Disorder Reduction Partnerships) (\d+)/g,
        ),
      ];
      expect(items.map((m) => m[1])).toEqual(['4', '5', '6']);
      let previous = 2;
      for (const [, number, , page] of items) {
        const start = Number(page);
        expect(start).toBeGreaterThan(previous);
        expect(pages[start - 1]).toMatch(
          new RegExp(`^Agenda item ${number}: [^\\n]+ Report ${number} of the 8 December 2005 meeting`),
        );
        expect(pages[start - 2]).not.toContain(`Report ${number} of the 8 December 2005 meeting`);
        previous = start;
      }
    });

    it('numbers pages continuously, links the agenda to its items and bookmarks every item', async () => {
      const pages = await readPageTexts(pdf(PACK_2005));
      for (const [i, text] of pages.entries()) expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      const destinations = await readDestinationPages(await readFile(pdf(PACK_2005)));
      expect([...destinations.keys()].filter((id) => /^item-\d+$/.test(id)).sort()).toEqual([
        'item-4',
        'item-5',
        'item-6',
      ]);
      const titles = flattenBookmarks(await readBookmarks(pdf(PACK_2005)));
      for (const title of [
        'Agenda',
        'Borough performance overview',
        'Partnership funding review',
        'Crime and Disorder Reduction Partnerships',
      ]) {
        expect(titles).toContain(title);
      }
      expect((await readPdfInfo(pdf(PACK_2005))).Tagged).toBe('yes');
    });

    it('is printed once, its agenda worked out from its reports’ page counts', () => {
      expect(build.pdfs?.packPrintings).toBe(2);
    });

    it('is printed again, with the right pages, when a report’s page count foretells wrongly', async () => {
      // Report 4's PDF replaced by a longer one: the foretold pages of reports 5 and 6 are wrong.
      const kept = await Promise.all([PDF_2004_IN_PACK, PACK_2005].map((url) => readFile(pdf(url))));
      await writeFile(pdf(PDF_2004_IN_PACK), await readFile(pdf(PDF_2005)));
      try {
        const packs = await printSitePdfs(build.model!, {
          siteDir: build.siteDir,
          cacheDir: await makeTempDir('pack-cache'),
          select: (tasks) => tasks.filter((t) => t.pdfUrl === `/${PACK_2005}`),
        });
        expect(packs.packPrintings).toBe(2);
        const pages = await readPageTexts(pdf(PACK_2005));
        const start = Number(/Crime and Disorder Reduction Partnerships (\d+)/.exec(pages[1] ?? '')?.[1]);
        expect(pages[start - 1]).toMatch(
          /^Agenda item 6: Crime and Disorder Reduction Partnerships Report 6 of the 8 December 2005 meeting/,
        );
      } finally {
        await Promise.all([PDF_2004_IN_PACK, PACK_2005].map((url, i) => writeFile(pdf(url), kept[i]!)));
      }
    });
  });

  describe('rebuilding', () => {
    it('prints nothing when nothing changed, and only what changed after an edit', async () => {
      const again = await buildProject({ root });
      expect(again.pdfs).toEqual({ printed: 0, reused: 6, total: 6, packPrintings: 0 });
      await editFile(root, REPORT_2004, 'by: Commissioner', 'by: Deputy Commissioner');
      const published = await holdFiles(again.siteDir);
      const edited = await buildProject({ root });
      expect(edited.pdfs).toEqual({ printed: 2, reused: 4, total: 6, packPrintings: 1 });
      // The new release links the pages it did not render again, and writes the pack's agenda and the pages'
      // file sizes as new files: the published release it replaced was never written through those links.
      expect(await published.changed()).toEqual([]);
      expect((await readPdfInfo(path.join(edited.siteDir, PDF_2004))).Author).toBe('Deputy Commissioner');
    });

    it('gives byte-identical PDFs from a clean build in another folder and time zone', async () => {
      const before = process.env.TZ;
      process.env.TZ = 'Pacific/Kiritimati';
      try {
        const other = await buildProject({ root, outputDir: path.join(root, 'elsewhere') });
        for (const url of [PDF_2005, PDF_2004, PACK_2005]) {
          expect(Buffer.compare(await readFile(path.join(other.siteDir, url)), await readFile(pdf(url))), url).toBe(0);
        }
      } finally {
        process.env.TZ = before;
      }
    });

    it('links a reused PDF to its cache entry, and never writes through that link when the PDF is printed anew', async () => {
      const cacheDir = path.join(root, 'output/.cache/pdf');
      const site = await stat(pdf(PDF_2005));
      const entries = await readdir(cacheDir);
      let entry = '';
      for (const name of entries)
        if ((await stat(path.join(cacheDir, name))).ino === site.ino) entry = path.join(cacheDir, name);
      expect(entry, 'the reused PDF is the cache entry’s own bytes, not a copy').not.toBe('');
      const cached = await readFile(entry);
      // The page changes under the site, so its PDF has a new key and is printed again where the link stood.
      const page = path.join(build.siteDir, path.dirname(PDF_2005), 'index.html');
      await writeFile(page, (await readFile(page, 'utf8')).replace('</body>', '<!-- changed --></body>'));
      const run = await runCli(['pdf', '--root', root, '--shard', '1/1']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('1 PDF printed');
      expect((await stat(pdf(PDF_2005))).ino).not.toBe(site.ino);
      expect(Buffer.compare(await readFile(entry), cached), 'the old cache entry keeps its bytes').toBe(0);
      expect(Buffer.compare(await readFile(pdf(PDF_2005)), cached)).not.toBe(0);
    });

    it('leaves no Chromium process behind', async () => {
      expect(chromium.seen()).toBeGreaterThan(0);
      expect(await chromium.alive()).toEqual([]);
      chromium.stop();
    });
  });
});

describe('without a browser', () => {
  it('says in one line how to get one, and writes nothing', async () => {
    const root = await createPdfProject();
    const run = await runCli(['build', '--root', root], {
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('papers: E_BROWSER  PUPPETEER_EXECUTABLE_PATH is /nonexistent/chromium');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    await expect(readFile(path.join(root, 'output/site/index.html'))).rejects.toThrow();
  });
});
