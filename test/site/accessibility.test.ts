import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.ts';
import { serveDirectory, type StaticServer } from '../../src/pdf/serve-directory.ts';
import { addFormatReport } from '../helpers/format-report.ts';
import { buildExampleSite } from '../helpers/site-build.ts';

const PAGE_TYPES: Record<string, string> = {
  home: '/',
  committees: '/committees/',
  committee: '/committees/x-ppr/',
  year: '/committees/x-ppr/2005/',
  meeting: '/committees/x-ppr/2005/051208/',
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
  'not found': '/404.html',
};
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('accessibility (axe-core, WCAG 2.2 AA, real Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let axeSource = '';

  beforeAll(async () => {
    const { siteDir } = await buildExampleSite(addFormatReport);
    server = await serveDirectory(siteDir);
    browser = await puppeteer.launch({ executablePath: findBrowser(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
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
    if (url.startsWith('/search/')) await page.waitForSelector('.search-results', { timeout: 30_000 });
  }

  it.each(Object.entries(PAGE_TYPES))('%s page has no violations', async (_type, url) => {
    await open(url);
    await page.evaluate(axeSource);
    const result = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>; passes: unknown[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return { violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), passes: r.passes.length };
    }, WCAG_22_AA);
    expect(result.violations).toEqual([]);
    expect(result.passes).toBeGreaterThan(5);
  });

  it.each(Object.entries(PAGE_TYPES))('%s page reflows at 320 px with no sideways scrolling', async (_type, url) => {
    await open(url, 320);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('search finds report text in the report, and recommendation text once, on its tracker page', async () => {
    const results = async (query: string) => {
      await open(`/search/?q=${encodeURIComponent(query)}`);
      return page.$$eval('.search-results a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };
    const anniversary = await results('third anniversary');
    expect(anniversary[0]).toBe('/committees/x-ppr/2005/051208/06/');
    // The 2005 report's Appendix 1 repeats the tracker's tables, so the recommendation is found on the tracker, not there.
    const found = await results('nominate an officer at Inspector rank');
    expect(found[0]).toBe('/recommendations/cdrp-scrutiny-2003/01/');
    expect(found).not.toContain('/committees/x-ppr/2005/051208/06/');
  });

  it('a report works with the keyboard alone: every link and scrolling table is reached, in order, with a visible focus', async () => {
    await open('/committees/x-ppr/2005/051208/06/');
    const targets = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll<HTMLElement>('a[href], [tabindex="0"]'));
      all.forEach((el, i) => (el.dataset.kb = String(i)));
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
    const hidden = await page.evaluate(() => ['.site-header', '.breadcrumb', '.contents', '.page-actions', '.site-footer'].map((s) => getComputedStyle(document.querySelector(s) as Element).display));
    await page.emulateMediaType('screen');
    expect(hidden).toEqual(['none', 'none', 'none', 'none', 'none']);
  });
});
