import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import type { AuditPage } from './list-audit-pages.ts';

/** The axe-core rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface PageProblem {
  where: string;
  what: string;
}

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: unknown[] }>;
}

/** The version of axe-core the pages are checked with. */
export async function readAxeVersion(): Promise<string> {
  const require = createRequire(import.meta.url);
  const manifest = JSON.parse(await readFile(require.resolve('axe-core/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Load each page at each width in one tab and run axe-core's WCAG 2.2 AA rules
 * on it; at the narrowest width, check too that it reflows without scrolling
 * sideways (WCAG 1.4.10). Every problem found, with where.
 */
export async function checkPages(
  browser: Browser,
  origin: string,
  pages: readonly AuditPage[],
  widths: readonly number[],
  onPage?: (done: number, total: number) => void,
): Promise<PageProblem[]> {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const tab = await browser.newPage();
  const problems: PageProblem[] = [];
  const narrowest = Math.min(...widths);
  let done = 0;
  try {
    for (const page of pages) {
      for (const width of widths) {
        await openPage(tab, origin, page.url, width);
        const where = `${page.url} (${page.type}, ${width} px)`;
        for (const v of await runAxe(tab, axeSource))
          problems.push({
            where,
            what: `${v.help} (axe rule ${v.id}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})`,
          });
        if (width === narrowest && (await overflowsSideways(tab)))
          problems.push({ where, what: 'the page scrolls sideways: it does not reflow (WCAG 1.4.10)' });
      }
      onPage?.(++done, pages.length);
    }
  } finally {
    await tab.close();
  }
  return problems;
}

async function openPage(tab: Page, origin: string, url: string, width: number): Promise<void> {
  await tab.setViewport({ width, height: 900 });
  await tab.goto(origin + url, { waitUntil: 'load' });
  // The search page fills in its results after loading: they are checked too.
  if (url.startsWith('/search/?q='))
    await tab.waitForSelector('#search-results ol', { timeout: 15_000 }).catch(() => {});
}

async function runAxe(tab: Page, axeSource: string): Promise<AxeResult['violations']> {
  await tab.evaluate(axeSource);
  return tab.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map(() => 0) }));
  }, WCAG_22_AA);
}

async function overflowsSideways(tab: Page): Promise<boolean> {
  return tab.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
