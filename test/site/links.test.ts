import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { addExemptPapers } from '../helpers/meeting-papers.ts';
import { buildExampleSite, fileForUrl, listFiles } from '../helpers/site-build.ts';

type Node = { nodeName: string; tagName?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[] };

function collect(html: string): { links: string[]; ids: Set<string> } {
  const links: string[] = [];
  const ids = new Set<string>();
  const walk = (node: Node) => {
    for (const attr of node.attrs ?? []) {
      if (attr.name === 'id') ids.add(attr.value);
      if (['href', 'src'].includes(attr.name)) links.push(attr.value);
    }
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(html) as unknown as Node);
  return { links, ids };
}

describe('every internal link of the built site', () => {
  let siteDir = '';
  const pages = new Map<string, { links: string[]; ids: Set<string> }>();
  beforeAll(async () => {
    // With a two-part agenda, minutes and decisions: their links and anchors are crawled too.
    siteDir = (await buildExampleSite(addExemptPapers)).siteDir;
    for (const file of await listFiles(siteDir, '.html')) pages.set(file, collect(await readFile(file, 'utf8')));
  });

  it('resolves to a file, and every #anchor to an element of that page', async () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [file, { links }] of pages) {
      const pageUrl = `/${path.relative(siteDir, file).replace(/index\.html$/, '')}`;
      for (const link of links) {
        if (/^(mailto:|tel:|https?:)/.test(link)) continue;
        const url = new URL(link, `http://site${pageUrl}`);
        const target = fileForUrl(siteDir, url.pathname);
        checked++;
        try {
          await access(target);
        } catch {
          broken.push(`${pageUrl} → ${link} (no file)`);
          continue;
        }
        if (url.hash && target.endsWith('.html')) {
          const ids = pages.get(target)?.ids ?? new Set();
          if (!ids.has(decodeURIComponent(url.hash.slice(1))))
            broken.push(`${pageUrl} → ${link} (no #${url.hash.slice(1)})`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('has the assets the pages load: styles, fonts, the search script and index', async () => {
    for (const asset of [
      'assets/site.css',
      'assets/print.css',
      'assets/search.js',
      'assets/fonts/noto-sans-latin-400-normal.woff2',
      'assets/fonts/LICENSE.txt',
      'pagefind/bundles.json',
      'pagefind/reports-x-ppr/pagefind.js',
    ]) {
      await expect(access(path.join(siteDir, asset))).resolves.toBeUndefined();
    }
    const css = await readFile(path.join(siteDir, 'assets/site.css'), 'utf8');
    const fonts = [...css.matchAll(/url\("([^"]+)"\)/g)].map(
      (m) => new URL(m[1] ?? '', 'http://site/assets/site.css').pathname,
    );
    expect(fonts).toHaveLength(4);
    for (const font of fonts) await expect(access(fileForUrl(siteDir, font))).resolves.toBeUndefined();
  });

  it('a broken link would be found', () => {
    expect(collect('<a href="/nowhere/">x</a><img src="/missing.png">').links).toEqual(['/nowhere/', '/missing.png']);
  });
});
