import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import { findBrowser } from '../../src/pdf/find-browser.ts';
import { serveDirectory, type StaticServer } from '../../src/pdf/serve-directory.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('search over an archive of several committees (real Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const root = await makeTempDir('search');
    await generateArchive(root, { reports: 32, committees: 3, sets: 2, recommendations: 5, entries: 6 });
    // One report says "success" three times, another "succession" once: a search for "succession" finds both by their stem.
    const reports = (await readdir(path.join(root, 'content/reports'), { recursive: true }))
      .filter((f) => f.endsWith('.md'))
      .sort();
    const [first = '', second = ''] = reports;
    await appendFile(
      path.join(root, 'content/reports', first),
      '\nThe success of the plan was a success, a real success.\n',
    );
    await appendFile(path.join(root, 'content/reports', second), '\nThe succession plan was agreed.\n');
    const built = await buildProject({ root, pdf: false });
    if (!built.ok) throw new Error(`archive build failed: ${JSON.stringify(built.errors.slice(0, 3))}`);
    server = await serveDirectory(built.siteDir);
    browser = await puppeteer.launch({
      executablePath: findBrowser(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function search(query: string): Promise<{ heading: string; urls: string[] }> {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await page.waitForSelector('.search-results', { timeout: 30_000 });
    return {
      heading: await page.$eval('#search-results h2', (h) => h.textContent ?? ''),
      urls: await page.$$eval('.search-results a', (links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      ),
    };
  }

  it('finds reports of every committee, each from its own index, in one list', async () => {
    const { heading, urls } = await search('partnership performance');
    // Every generated report has the words in its title: 20 of committee c01, 10 of c02 (the other 2 are the example's).
    expect(Number(heading.match(/^(\d+) results for “partnership performance”$/)?.[1])).toBeGreaterThanOrEqual(30);
    for (const code of ['c01', 'c02'])
      expect(
        urls.some((url) => url.startsWith(`/committees/${code}/`)),
        code,
      ).toBe(true);
  });

  it('finds a recommendation on its tracker page, from the tracker’s index', async () => {
    const recommendation = await search('Recommendation 3 of scrutiny 2');
    expect(recommendation.urls[0]).toBe('/recommendations/set-02/03/');
  });

  it('lists a page with the word as typed before pages with only its stem', async () => {
    const { urls } = await search('succession');
    expect(urls.length).toBeGreaterThanOrEqual(2);
    const exact = await page.$$eval('.search-results li', (items) =>
      items.map((li) => /succession/i.test((li as HTMLElement).innerText)),
    );
    // The first result holds "succession"; one with "success" alone comes after it.
    expect(exact[0]).toBe(true);
    expect(exact).toContain(false);
    expect(exact.indexOf(false)).toBeGreaterThan(exact.lastIndexOf(true));
  });

  it('searches from the header of any page, showing the first results as you type', async () => {
    await page.goto(`${server.origin}/committees/`, { waitUntil: 'load' });
    await page.type('#site-search-input', 'partnership performance');
    await page.waitForSelector('#site-search-results:not([hidden]) .search-results li', { timeout: 30_000 });
    const panel = await page.$eval('#site-search-results', (el) => ({
      results: el.querySelectorAll('.search-results li').length,
      all: el.querySelector<HTMLAnchorElement>(':scope > a')?.getAttribute('href') ?? '',
      status: document.getElementById('site-search-status')?.textContent ?? '',
    }));
    expect(panel.results).toBe(5);
    expect(panel.all).toBe('/search/?q=partnership%20performance');
    expect(panel.status).toMatch(/^\d+ results for “partnership performance”$/);
    await page.keyboard.press('Escape');
    expect(await page.$eval('#site-search-results', (el) => (el as HTMLElement).hidden)).toBe(true);
  });
});
