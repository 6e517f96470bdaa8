import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.ts';
import type { BuildResult } from '../../src/pipeline/build-project.ts';
import { type PreviewServer, startPreviewServer } from '../../src/serve/preview-server.ts';
import { copyExampleProject, editFile } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';
import { buildExampleSite } from '../helpers/site-build.ts';

type Node = { nodeName: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[] };

/** Every address a page or style sheet asks for: links, scripts, styles, images, fonts. */
function linksOf(body: string, type: string): string[] {
  if (type.startsWith('text/css')) return [...body.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
  if (!type.startsWith('text/html')) return [];
  const links: string[] = [];
  const walk = (node: Node) => {
    for (const attr of node.attrs ?? []) if (['href', 'src'].includes(attr.name)) links.push(attr.value);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(body) as unknown as Node);
  return links;
}

describe('a site published under a path prefix (owner.github.io/repo/)', () => {
  let built: BuildResult;
  let server: PreviewServer;
  let browser: Browser | undefined;

  beforeAll(async () => {
    built = await buildExampleSite((root) =>
      editFile(
        root,
        'data/site.yaml',
        'base_url: https://papers.example.org/',
        'base_url: https://owner.github.io/repo/',
      ),
    );
    // Served only under /repo/, as GitHub Pages serves it: a link without the prefix is a 404.
    server = await startPreviewServer(built.siteDir, { port: 0, basePath: () => '/repo/' });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('crawled from /repo/, every link, asset, font, feed, PDF and sitemap entry answers, all under the prefix', async () => {
    const origin = server.origin;
    const queue = [`${origin}/repo/`];
    const seen = new Set(queue);
    const broken: string[] = [];
    let pdfs = 0;
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await fetch(url, { headers: { accept: 'text/html' } });
      if (response.status !== 200) {
        broken.push(`${url} (${response.status})`);
        continue;
      }
      const type = response.headers.get('content-type') ?? '';
      if (type === 'application/pdf') pdfs++;
      for (const link of linksOf(await response.text(), type)) {
        if (/^(mailto:|tel:)/.test(link) || (/^https?:/.test(link) && !link.startsWith(origin))) continue;
        const target = new URL(link, url);
        target.hash = '';
        if (!target.pathname.startsWith('/repo/')) broken.push(`${url} → ${link} (outside the prefix)`);
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push(target.href);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(seen.size).toBeGreaterThan(80);
    expect(pdfs).toBe(4);
    for (const file of [
      '/repo/assets/fonts/noto-sans-latin-400-normal.woff2',
      '/repo/assets/favicon.svg',
      '/repo/feed.xml',
    ])
      expect(seen.has(`${origin}${file}`), file).toBe(true);

    // The feed and the sitemap give the published addresses, each of which is served.
    const sitemap = await (await fetch(`${origin}/repo/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(locs.length).toBeGreaterThan(50);
    for (const loc of locs) {
      expect(loc.startsWith('https://owner.github.io/repo/'), loc).toBe(true);
      expect((await fetch(loc.replace('https://owner.github.io', origin))).status, loc).toBe(200);
    }
    const feed = await (await fetch(`${origin}/repo/feed.xml`)).text();
    expect(feed).toContain('<link href="https://owner.github.io/repo/committees/x-ppr/2005/051208/06/"/>');
    expect(feed).toContain('<link href="https://owner.github.io/repo/feed.xml" rel="self"/>');
  });

  it('the server proves the crawl can fail: a link without the prefix is not served, and / leads to the prefix', async () => {
    expect((await fetch(`${server.origin}/committees/`)).status).toBe(404);
    expect((await fetch(`${server.origin}/repo/committees/`)).status).toBe(200);
    const root = await fetch(`${server.origin}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/repo/']);
  });

  it('the open data gives published addresses', async () => {
    const csv = await readFile(path.join(built.siteDir, 'data/recommendation-status.csv'), 'utf8');
    expect(csv).toContain('https://owner.github.io/repo/committees/x-ppr/2005/051208/06/');
    const json = await readFile(path.join(built.siteDir, 'data/recommendations.json'), 'utf8');
    expect(json).toContain('"https://owner.github.io/repo/recommendations/cdrp-scrutiny-2003/01/"');
    for (const text of [csv, json]) expect(text).not.toMatch(/https:\/\/owner\.github\.io\/(?!repo\/)/);
  });

  it('search finds reports and links them under the prefix (real Chromium)', async () => {
    browser = await puppeteer.launch({
      executablePath: findBrowser(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage();
    await page.goto(`${server.origin}/repo/search/?q=partnerships`, { waitUntil: 'load' });
    await page.waitForSelector('.search-results a', { timeout: 30_000 });
    const hrefs = await page.$$eval('.search-results a', (links) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.startsWith('/repo/'), href).toBe(true);
      expect((await fetch(`${server.origin}${href}`)).status, href).toBe(200);
    }
  });
});

describe('papers build --base-url', () => {
  it('publishes at the address given, in place of data/site.yaml’s', async () => {
    const root = await copyExampleProject();
    const run = await runCli(['build', '--root', root, '--no-pdf', '--base-url', 'https://owner.github.io/repo/']);
    expect(run.code).toBe(0);
    const page = await readFile(path.join(root, 'output/site/committees/x-ppr/2005/051208/06/index.html'), 'utf8');
    expect(page).toContain('href="/repo/assets/site.css"');
    expect(page).not.toContain('href="/assets/');
    expect(await readFile(path.join(root, 'output/site/feed.xml'), 'utf8')).toContain(
      '<link href="https://owner.github.io/repo/feed.xml" rel="self"/>',
    );
  });
});
