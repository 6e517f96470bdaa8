import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findBrowser } from '../../src/pdf/find-browser.ts';
import { serveDirectory } from '../../src/pdf/serve-directory.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { copyExampleProject, editFile, REPO_ROOT } from '../helpers/project.ts';

const HOSTILE_PAGE = 'committees/x-ppr/2005/051208/07/index.html';
type Node = {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
};

/** Every dangerous thing that must never reach a page, found by walking the parsed HTML. */
function findDangers(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Node, inHead: boolean) => {
    const tag = node.tagName;
    if (
      tag &&
      ['script', 'iframe', 'object', 'embed', 'base', 'form', 'input', 'meta'].includes(tag) &&
      !(tag === 'meta' && inHead) &&
      !isOwnScript(node) &&
      !isSearchForm(node)
    )
      found.push(`<${tag}>`);
    if (tag === 'style' && !inHead) found.push('<style> in body');
    for (const attr of node.attrs ?? []) {
      if (/^on/i.test(attr.name)) found.push(`${tag} ${attr.name}=`);
      if (
        ['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(attr.name) &&
        /^\s*(javascript|vbscript|file|data:text)/i.test(attr.value)
      )
        found.push(`${tag} ${attr.name}=${attr.value}`);
    }
    for (const child of [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])])
      walk(child, inHead || tag === 'head');
  };
  walk(parse(html) as unknown as Node, false);
  return found;
}

/** The site's own scripts: external files under /assets/ or /pagefind/, with no inline code. */
function isOwnScript(node: Node): boolean {
  const src = node.attrs?.find((a) => a.name === 'src')?.value ?? '';
  return node.tagName === 'script' && /^\/(assets|pagefind)\//.test(src) && (node.childNodes ?? []).length === 0;
}

/** The site's own search forms (the header's, the home page's, the search page's) and their inputs. */
function isSearchForm(node: Node): boolean {
  const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
  return (
    (node.tagName === 'form' && attr('action') === '/search/') ||
    (node.tagName === 'input' &&
      attr('type') === 'search' &&
      ['search-input', 'site-search-input', 'home-search-input'].includes(attr('id') ?? ''))
  );
}

async function listHtml(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

describe('hostile input (XSS corpus)', () => {
  let siteDir = '';
  let corpus: string[] = [];

  beforeAll(async () => {
    corpus = (await readFile(path.join(REPO_ROOT, 'test/fixtures/xss-corpus.txt'), 'utf8')).split('\n').filter(Boolean);
    const root = await copyExampleProject();
    const id = '2005-12-08-x-ppr-07-hostile';
    const front = {
      committee: 'x-ppr',
      date: '2005-12-08',
      number: 7,
      title: corpus.slice(0, 8).join(' '),
      by: corpus[1],
      description: corpus.slice(8, 16).join(' '),
      summary: corpus.join('\n\n'),
      recommendations: { lead: corpus[3], items: corpus.slice(0, 4) },
      authors: corpus.slice(0, 3),
      background_papers: corpus.slice(5, 15),
      appendices: [
        { title: corpus[2], body: corpus.join('\n\n') },
        { recommendations: { set: 'cdrp-scrutiny-2003', owner: 'MPS', results_heading: corpus[0] } },
      ],
    };
    const body = `## Supporting information\n\n${corpus.join('\n\n')}\n\n${corpus.map((c) => `- ${c}`).join('\n')}\n\n### ${corpus[1]}\n\n> ${corpus[0]}\n`;
    await writeFile(path.join(root, `content/reports/2005/${id}.md`), `---\n${stringify(front)}---\n\n${body}`);
    await editFile(
      root,
      'content/meetings/x-ppr/2005-12-08.yaml',
      'partnerships\n',
      `partnerships\n  - report: ${id}\n`,
    );
    const rec = {
      number: 35,
      owner: 'MPS',
      text: corpus.join('\n\n'),
      key_points: corpus.map((c) => ({
        text: c,
        actions: [{ text: c, progress: [{ date: '2005-12-01', status: 'ongoing', result: c }] }],
      })),
      commentary: [{ date: '2005-12-01', text: corpus.join('\n\n') }],
    };
    await writeFile(path.join(root, 'content/recommendations/cdrp-scrutiny-2003/35.yaml'), stringify(rec));
    await editFile(
      root,
      'data/glossary.yaml',
      'expansion: Basic Command Unit',
      `expansion: ${JSON.stringify(corpus[1])}`,
    );
    await editFile(root, 'data/boroughs/barnet.yaml', 'name: Barnet', `name: ${JSON.stringify(corpus[0])}`);
    // The meeting's papers too: agenda titles and text, minutes' attendance, titles, text and decisions.
    await writeFile(
      path.join(root, 'content/meetings/x-ppr/2005-12-08.yaml'),
      stringify({
        venue: corpus[4],
        agenda: [
          { kind: 'standing', title: corpus[0], text: corpus.join('\n\n') },
          { report: '2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships' },
          { report: id },
          // An agenda item for each minute item: an item is minuted once.
          ...corpus.slice(1, 10).map((c, i) => ({ kind: 'standing', number: 11 + i, title: c })),
          { kind: 'exclusion', text: corpus[1] },
        ],
        part_2: [{ title: corpus[2], exempt: 3, text: corpus[3] }],
      }),
    );
    const minuteItems = corpus
      .slice(0, 10)
      .map(
        (c, i) =>
          `## ${c.replace(/[{}\n]/g, ' ').trim() || 'Item'} {agenda=${i === 0 ? 1 : 10 + i}}\n\n${corpus.join('\n\n')}\n\nResolved (noted cdrp-scrutiny-2003): ${c}`,
      );
    await mkdir(path.join(root, 'content/minutes/x-ppr'), { recursive: true });
    await writeFile(
      path.join(root, 'content/minutes/x-ppr/2005-12-08.md'),
      `---\n${stringify({ present: { members: corpus.slice(0, 5), also: corpus.slice(5, 8), officers: [{ organisation: corpus[8], people: corpus.slice(9, 12) }] }, apologies: corpus.slice(12, 14) })}---\n\n${minuteItems.join('\n\n')}\n`,
    );
    const built = await buildProject({ root, pdf: false });
    expect(built.errors).toEqual([]);
    siteDir = built.siteDir;
  });

  it('the corpus is large enough to mean something', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it('no script, event handler or script URL reaches any page', async () => {
    const pages = await listHtml(siteDir);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(findDangers(await readFile(page, 'utf8')), page).toEqual([]);
    const hostile = await readFile(path.join(siteDir, HOSTILE_PAGE), 'utf8');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('{{ 7*7 }}');
  });

  it('the meeting’s papers carry the corpus as text, and the calendar and decisions as data, never as markup or new entries', async () => {
    const minutes = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208/minutes/index.html'), 'utf8');
    expect(minutes).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const agenda = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208/index.html'), 'utf8');
    expect(agenda).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Every line of the calendar is a property or the folded rest of one: no text opens a line of its own.
    const ics = (await readFile(path.join(siteDir, 'meetings.ics'), 'utf8')).split('\r\n').filter(Boolean);
    for (const line of ics) expect(line).toMatch(/^([A-Z-]+[;:]| )/);
    expect(ics.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    const decisions = (await readFile(path.join(siteDir, 'data/decisions.csv'), 'utf8'))
      .split('\r\n')
      .slice(1)
      .filter(Boolean);
    expect(decisions.length).toBeGreaterThan(5);
    for (const row of decisions) expect(row).not.toMatch(/(^|,)"?[=+\-@]/);
  });

  it('the scan itself finds planted dangers', () => {
    expect(
      findDangers(
        '<p onclick="x">a</p><a href=" javascript:x">b</a><script></script><script src="/assets/x.js">alert(1)</script><script src="https://evil.example/x.js"></script>',
      ),
    ).toHaveLength(5);
  });

  it('in real Chromium, no payload runs', async () => {
    const server = await serveDirectory(siteDir);
    const browser = await puppeteer.launch({
      executablePath: findBrowser(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const url of [
        '/committees/x-ppr/2005/051208/07/',
        '/committees/x-ppr/2005/051208/06/',
        '/committees/x-ppr/2005/051208/',
        '/committees/x-ppr/2005/051208/minutes/',
        '/recommendations/cdrp-scrutiny-2003/01/',
        '/',
      ]) {
        await page.goto(server.origin + url, { waitUntil: 'load' });
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
      }
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
