import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.ts';
import { serveDirectory, type StaticServer } from '../../src/pdf/serve-directory.ts';
import { addFormatReport } from '../helpers/format-report.ts';
import { addExemptPapers } from '../helpers/meeting-papers.ts';
import { buildExampleSite } from '../helpers/site-build.ts';

const PAGE_TYPES: Record<string, string> = {
  home: '/',
  committees: '/committees/',
  committee: '/committees/x-ppr/',
  year: '/committees/x-ppr/2005/',
  'meeting (Part 1 and Part 2)': '/committees/x-ppr/2005/051208/',
  minutes: '/committees/x-ppr/2005/051208/minutes/',
  'recommendation with decisions': '/recommendations/exempt-set/02/',
  report: '/committees/x-ppr/2005/051208/06/',
  'report (numbered C and D)': '/committees/x-ppr/2004/041104/06/',
  'report (tables in a section, a plan, a list, clauses, a table)': '/committees/x-ppr/2005/051208/07/',
  tracker: '/recommendations/',
  'recommendation set': '/recommendations/cdrp-scrutiny-2003/',
  'filtered set': '/recommendations/cdrp-scrutiny-2003/status/ongoing/',
  recommendation: '/recommendations/cdrp-scrutiny-2003/05/',
  dashboard: '/recommendations/cdrp-scrutiny-2003/dashboard/',
  boroughs: '/boroughs/',
  borough: '/boroughs/greenwich/',
  'borough map': '/boroughs/map/borough-recruit-training/',
  glossary: '/glossary/',
  search: '/search/?q=borough',
  'open data': '/data/',
  'accessibility statement': '/accessibility/',
  privacy: '/privacy/',
  contact: '/contact/',
  'not found': '/404.html',
};
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('accessibility (axe-core, WCAG 2.2 AA, real Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let axeSource = '';

  beforeAll(async () => {
    const { siteDir } = await buildExampleSite(async (root) => {
      await addFormatReport(root);
      await addExemptPapers(root);
    });
    server = await serveDirectory(siteDir);
    browser = await puppeteer.launch({
      executablePath: findBrowser(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, width = 1024): Promise<void> {
    await page.setViewport({ width, height: 800 });
    await page.goto(server.origin + url, { waitUntil: 'load' });
    if (url.startsWith('/search/?q=')) await page.waitForSelector('.search-results', { timeout: 30_000 });
  }

  const AT_WIDTHS = Object.entries(PAGE_TYPES).flatMap(([type, url]) =>
    [320, 1280].map((width) => [type, width, url] as const),
  );

  it.each(AT_WIDTHS)('%s page has no violations at %i px', async (_type, width, url) => {
    await open(url, width);
    await page.evaluate(axeSource);
    const result = await page.evaluate(async (tags) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: unknown,
              opts: unknown,
            ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>; passes: unknown[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return {
        violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        passes: r.passes.length,
      };
    }, WCAG_22_AA);
    expect(result.violations).toEqual([]);
    expect(result.passes).toBeGreaterThan(5);
  });

  it.each(Object.entries(PAGE_TYPES))('%s page reflows at 320 px with no sideways scrolling', async (_type, url) => {
    await open(url, 320);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it.each(Object.entries(PAGE_TYPES))(
    '%s page on a 320 px phone: no cell of words squeezed to a letter a line, and a table that scrolls says so',
    async (_type, url) => {
      await open(url, 320);
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        for (const cell of Array.from(document.querySelectorAll<HTMLElement>('td, th'))) {
          const text = (cell.innerText ?? '').trim();
          const rect = cell.getBoundingClientRect();
          // A cell of more than a number must be wide enough for a short word (5 characters at 16 px).
          if (rect.width > 0 && text.length > 3 && rect.width < 48)
            found.push(`${rect.width.toFixed(0)} px: ${text.slice(0, 30)}`);
        }
        for (const region of Array.from(document.querySelectorAll<HTMLElement>('.table-wrap'))) {
          if (region.scrollWidth <= region.clientWidth) continue;
          const hint = region.querySelector<HTMLElement>('.scroll-hint');
          if (!hint || hint.offsetParent === null)
            found.push(
              `scrolls without saying so: ${region.getAttribute('aria-label') ?? region.getAttribute('aria-labelledby')}`,
            );
        }
        return found;
      });
      expect(problems).toEqual([]);
    },
  );

  it('on a phone, a tracker list is one block per recommendation, each linked by its number and text', async () => {
    await open('/recommendations/cdrp-scrutiny-2003/', 320);
    const rows = await page.$$eval('.stacked tbody tr', (trs) =>
      trs.map((tr) => ({
        text: (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        link: tr.querySelector('a')?.textContent ?? '',
        width: tr.getBoundingClientRect().width,
      })),
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.text).toMatch(/^Recommendation \d+ /);
      expect(row.text).toMatch(/Owner: \S+/);
      expect(row.text).toMatch(/Latest status: \S/);
      expect(row.link.length).toBeGreaterThan(20);
      expect(row.width).toBeGreaterThan(250);
    }
    await open('/recommendations/cdrp-scrutiny-2003/', 1024);
    const wide = await page.$$eval('.stacked tbody tr:first-child td', (tds) =>
      tds.map((td) => (td as HTMLElement).innerText.trim()),
    );
    expect(wide[0]).toBe('1');
    expect(wide[1]).toMatch(/^Borough commanders should nominate an officer at Inspector rank .*…$/);
  });

  it.each(Object.entries(PAGE_TYPES))(
    '%s page at 1,280 px: no sideways scrolling, and no table cell breaks a date or a status over two lines',
    async (_type, url) => {
      await open(url, 1280);
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth) found.push('page scrolls');
        for (const region of Array.from(document.querySelectorAll<HTMLElement>('.table-wrap')))
          if (region.scrollWidth > region.clientWidth)
            found.push(`table scrolls: ${region.getAttribute('aria-label')}`);
        for (const cell of Array.from(document.querySelectorAll<HTMLElement>('td.status-cell'))) {
          // The lines the cell's words stand on: the distinct tops of their boxes.
          const range = document.createRange();
          range.selectNodeContents(cell);
          const boxes = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          const firstLineEnds = Math.min(...boxes.map((r) => r.bottom));
          if (boxes.some((r) => r.top >= firstLineEnds - 1))
            found.push(`status on more than one line: ${cell.innerText}`);
        }
        return found;
      });
      expect(problems).toEqual([]);
    },
  );

  it('at 1,280 px the tracker list is wider than the column of text, and each status and its date stand on one line', async () => {
    await open('/recommendations/cdrp-scrutiny-2003/', 1280);
    const widths = await page.evaluate(() => ({
      table: document.querySelector('.data-table')?.getBoundingClientRect().width ?? 0,
      text: document.querySelector('main')?.getBoundingClientRect().width ?? 0,
      statusLines: Array.from(document.querySelectorAll<HTMLElement>('.data-table tbody td.status-cell')).map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const boxes = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        const firstLineEnds = Math.min(...boxes.map((r) => r.bottom));
        return boxes.some((r) => r.top >= firstLineEnds - 1) ? 2 : 1;
      }),
    }));
    expect(widths.table).toBeGreaterThan(widths.text);
    expect(widths.statusLines.length).toBeGreaterThan(10);
    expect(widths.statusLines.every((lines) => lines === 1)).toBe(true);
  });

  it('at 320 px each Key points / Actions / Results row is a block of its own, each cell under its column name, its caption whole', async () => {
    await open('/committees/x-ppr/2005/051208/06/', 320);
    const tables = await page.$$eval('.progress-table', (all) =>
      all.map((table) => {
        const caption = table.querySelector('caption') as HTMLElement;
        const wrap = table.closest('.table-wrap') as HTMLElement;
        const cells = Array.from(table.querySelectorAll<HTMLElement>('tbody th, tbody td'));
        return {
          scrolls: wrap.scrollWidth > wrap.clientWidth,
          captionWhole:
            caption.scrollWidth <= caption.clientWidth && caption.getBoundingClientRect().right <= innerWidth,
          cellsInView: cells.every(
            (c) => c.getBoundingClientRect().right <= innerWidth && c.getBoundingClientRect().width > 200,
          ),
          labels: cells.map((c) =>
            getComputedStyle(c, '::before')
              .content.replace(/^"|"$/g, '')
              .replace(/^none$/, ''),
          ),
        };
      }),
    );
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      expect(table).toMatchObject({ scrolls: false, captionWhole: true, cellsInView: true });
      expect(table.labels.filter((l) => l === '')).toEqual([]);
    }
    expect(tables[0]?.labels.slice(0, 3)).toEqual(['Key points', 'Actions', 'Results/timescale']);
    await open('/committees/x-ppr/2005/051208/06/', 1280);
    expect(await page.$eval('.progress-table tbody td', (td) => getComputedStyle(td, '::before').content)).toBe('none');
  });

  it('a borough map has a key to its codes, which stands in for the squares on a phone', async () => {
    await open('/boroughs/map/borough-recruit-training/', 1024);
    const key = await page.$$eval('.map-key li', (items) =>
      items.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
    );
    const tiles = await page.$$eval('.tile-map svg a', (links) => links.length);
    expect(key.length).toBe(tiles);
    expect(key).toContain('CMD Camden: Where the training was initially based');
    expect(key).toContain('GRN Greenwich: Not recorded');
    expect(await page.$eval('.tile-map svg', (svg) => getComputedStyle(svg).display)).not.toBe('none');
    await open('/boroughs/map/borough-recruit-training/', 320);
    expect(await page.$eval('.tile-map svg', (svg) => getComputedStyle(svg).display)).toBe('none');
    expect(await page.$eval('.map-key', (ul) => (ul as HTMLElement).offsetHeight)).toBeGreaterThan(100);
  });

  it('search finds report text in the report, and recommendation text once, on its tracker page', async () => {
    const results = async (query: string) => {
      await open(`/search/?q=${encodeURIComponent(query)}`);
      return page.$$eval('.search-results a', (links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
    };
    const anniversary = await results('third anniversary');
    expect(anniversary[0]).toBe('/committees/x-ppr/2005/051208/06/');
    // The 2005 report's Appendix 1 repeats the tracker's tables, so the recommendation is found on the tracker, not there.
    const found = await results('nominate an officer at Inspector rank');
    expect(found[0]).toBe('/recommendations/cdrp-scrutiny-2003/01/');
    expect(found).not.toContain('/committees/x-ppr/2005/051208/06/');
  });

  it('search shows results as you type, each with its kind, date and committee, titled cleanly, with no site text in them', async () => {
    await open('/search/');
    await page.type('#search-input', 'partnerships');
    // No Enter: the results come as the words are typed.
    await page.waitForFunction(
      () => document.querySelector('#search-results h2')?.textContent?.endsWith('“partnerships”'),
      { timeout: 30_000 },
    );
    expect(await page.$eval('#search-status', (p) => p.textContent)).toMatch(/^\d+ results for “partnerships”$/);
    const search = async (query: string) => {
      await page.$eval('#search-input', (el) => ((el as HTMLInputElement).value = ''));
      await page.type('#search-input', query);
      await page.waitForFunction(
        (q) => document.querySelector('#search-results h2')?.textContent?.endsWith(`“${q}”`),
        { timeout: 30_000 },
        query,
      );
      return page.$$eval('.search-results li', (items) =>
        items.map((li) => ({
          title: li.querySelector('a')?.textContent ?? '',
          about: li.querySelector('.result-meta')?.textContent ?? '',
          text: (li as HTMLElement).innerText,
        })),
      );
    };
    // The archive banner of every report says the Authority "has been replaced": it is not the report's text.
    const banner = await search('replaced');
    for (const result of banner) expect(result.text).not.toMatch(/replaced by/);
    const reports = await search('third anniversary');
    expect(reports[0]).toMatchObject({
      title: 'Crime and Disorder Reduction Partnerships',
      about: 'Report · 8 December 2005 · Planning, Performance & Review Committee',
    });
    const recommendations = await search('Inspector rank');
    expect(recommendations[0]?.title).toMatch(/^Recommendation 1: Borough commanders should nominate/);
    expect(recommendations[0]?.about).toBe(
      'Recommendation · 8 December 2005 · Scrutiny on the contribution the MPS makes to Crime and Disorder Reduction Partnerships',
    );
    const boroughs = await search('Camden');
    expect(boroughs.find((r) => r.about === 'Borough')?.title).toBe('Camden');
    const glossary = await search('Basic Command Unit');
    expect(glossary.find((r) => r.about === 'Glossary')?.title).toBe('Glossary');
    const minutes = await search('public recommendation be noted');
    expect(minutes.find((r) => r.about.startsWith('Minutes'))).toMatchObject({
      title: 'Minutes: Planning, Performance & Review Committee, 8 December 2005',
      about: 'Minutes · 8 December 2005 · Planning, Performance & Review Committee',
    });
    for (const result of [...banner, ...reports, ...recommendations, ...boroughs, ...glossary, ...minutes]) {
      expect(result.text).not.toMatch(/archived material|Skip to main content|Mayor's Office/);
    }
  });

  it('search works with the keyboard alone: type, then Tab to the results, with a visible focus', async () => {
    await open('/search/');
    let focused = '';
    for (let i = 0; i < 30 && focused !== 'search-input'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('search-input');
    await page.keyboard.type('partnerships');
    await page.waitForSelector('.search-results a', { timeout: 30_000 });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        inResults: Boolean(el.closest('.search-results')),
        visible: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
      };
    });
    expect(focus).toEqual({ inResults: true, visible: true });
  });

  it('a report works with the keyboard alone: every link and scrolling table is reached, in order, with a visible focus', async () => {
    await open('/committees/x-ppr/2005/051208/06/');
    const targets = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll<HTMLElement>('a[href], [tabindex="0"], input, button'));
      for (const [i, el] of all.entries()) el.dataset.kb = String(i);
      return all.length;
    });
    const reached: number[] = [];
    for (let i = 0; i < targets; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.dataset.kb) return null;
        const style = getComputedStyle(el);
        return { index: Number(el.dataset.kb), visible: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
      });
      expect(focus, `tab ${i + 1}`).not.toBeNull();
      expect(focus?.visible, `focus ring on element ${focus?.index}`).toBe(true);
      reached.push(focus?.index ?? -1);
    }
    expect(reached).toEqual(Array.from({ length: targets }, (_, i) => i));
    expect(targets).toBeGreaterThan(40);
  });

  it('prints without the site around the report', async () => {
    await open('/committees/x-ppr/2005/051208/06/');
    await page.emulateMediaType('print');
    const hidden = await page.evaluate(() =>
      ['.site-header', '.breadcrumb', '.contents', '.page-actions', '.site-footer'].map(
        (s) => getComputedStyle(document.querySelector(s) as Element).display,
      ),
    );
    await page.emulateMediaType('screen');
    expect(hidden).toEqual(['none', 'none', 'none', 'none', 'none']);
  });
});
