import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBodyEnv } from '../../src/markdown/body-env.ts';
import { createMarkdown } from '../../src/markdown/create-markdown.ts';
import { letterFor } from '../../src/markdown/letters.ts';
import { REPO_ROOT } from '../helpers/project.ts';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/markdown');
const NUMBERED = ['Supporting information', 'Financial implications'];

describe('report bodies (golden fixtures)', async () => {
  const names = (await readdir(FIXTURES)).filter((f) => f.endsWith('.md'));

  it.each(names)('%s renders as expected', async (name) => {
    const input = await readFile(path.join(FIXTURES, name), 'utf8');
    const expected = await readFile(path.join(FIXTURES, name.replace(/\.md$/, '.html')), 'utf8');
    const env = createBodyEnv(NUMBERED);
    expect(createMarkdown().render(input, env)).toBe(expected);
    expect(env.problems).toEqual([]);
  });
});

describe('paragraph numbering', () => {
  it('inserting a paragraph renumbers those after it, and references follow', () => {
    const render = (body: string) => createMarkdown().render(body, createBodyEnv(['S']));
    const before = render('## S\n\nOne.\n\n{#target} Two.\n\nSee [[target]].\n');
    const after = render('## S\n\nOne.\n\nInserted.\n\n{#target} Two.\n\nSee [[target]].\n');
    expect(before).toContain('<span class="paragraph-number">2.</span> Two.');
    expect(before).toContain('See <a class="paragraph-ref" href="#target">2</a>');
    expect(after).toContain('<span class="paragraph-number">3.</span> Two.');
    expect(after).toContain('See <a class="paragraph-ref" href="#target">3</a>');
  });

  it('reports text before the first section, a level-1 heading, and a duplicate label', () => {
    const env = createBodyEnv(['S']);
    createMarkdown().render('Stray text.\n\n# Title\n\n## S\n\n{#a} One.\n\n{#a} Two.\n', env);
    expect(env.problems.map((p) => [p.code, p.line])).toEqual([
      ['E_MARKDOWN', 0],
      ['E_MARKDOWN', 2],
      ['E_DUPLICATE_ID', 8],
    ]);
  });

  it('letters sections A to Z and on', () => {
    expect([0, 1, 25, 26, 27].map(letterFor)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});

describe('clause lists', () => {
  const render = (body: string) => createMarkdown().render(body);

  it('tells a lettered (i) after (h) from a roman (i)', () => {
    expect(render('(h) eighth\n(i) ninth\n')).toContain('<ol start="8" type="a" class="clauses clauses-paren">');
    expect(render('(i) first\n(ii) second\n')).toContain('<ol type="i" class="clauses clauses-paren">');
    expect(render('(i) first\n(ii) second\n')).toMatch(/<li>first<\/li>\n<li>second<\/li>/);
  });

  it('starts a list where its first clause does, in capitals too', () => {
    expect(render('(iii) third\n(iv) fourth\n')).toContain('<ol start="3" type="i"');
    expect(render('A. first\nB. second\n')).toContain('<ol type="A" class="clauses">');
  });

  it('leaves escaped markers, and markers inside code, as text', () => {
    expect(render('\\(a) not a clause\n')).toBe('<p>(a) not a clause</p>\n');
    expect(render('```\n(a) code\n```\n')).toContain('(a) code');
    expect(render('```\n(a) code\n```\n')).not.toContain('<ol');
  });

  it('renders the four ways terms of reference are written as the same nested clauses', () => {
    const nested =
      '<ol type="i" class="clauses clauses-paren"><li><ol type="a" class="clauses clauses-paren"><li>To consider one;</li><li>To consider two;</li></ol></li><li>To consider three.</li></ol>';
    for (const source of [
      '(i) (a) To consider one;\n(b) To consider two;\n(ii) To consider three.\n',
      '(i)\n    (a) To consider one;\n    (b) To consider two;\n(ii) To consider three.\n',
      '(i) (a) To consider one;\n    (b) To consider two;\n(ii) To consider three.\n',
      '(i) (a) To consider one;\n\n    (b) To consider two;\n\n(ii) To consider three.\n',
    ])
      expect(render(source).replace(/<\/?p>|\n/g, ''), source).toBe(nested);
  });

  it('keeps the number a clause is written with: none is renumbered', () => {
    expect(render('(a) one\n(c) three\n')).toContain('<li>one</li>\n<li value="3">three</li>');
  });

  it('keeps a lettered item from merging into the paragraph before it', () => {
    expect(render('The options are:\na. one\nb. two\n')).toContain(
      '<p>The options are:</p>\n<ol type="a" class="clauses">',
    );
  });
});

describe('recommendations blocks', () => {
  it('leaves a marker for the model where the block stands, and keeps its YAML', () => {
    const env = createBodyEnv(['S']);
    const html = createMarkdown().render(
      '## S\n\nBefore.\n\n::: recommendations\nset: x\nowner: MPS\n:::\n\nAfter.\n',
      env,
    );
    expect(html).toContain('<!--papers-view:0-->');
    expect(env.views).toEqual([{ line: 4, source: 'set: x\nowner: MPS', closed: true, nested: false }]);
    expect(html.indexOf('Before.')).toBeLessThan(html.indexOf('papers-view'));
    expect(html.indexOf('papers-view')).toBeLessThan(html.indexOf('After.'));
  });

  it('shows a block as text where views are not allowed, and cannot be forged in raw HTML', () => {
    expect(createMarkdown().render('::: recommendations\nset: x\n:::\n')).toContain(
      '<pre>::: recommendations\nset: x\n:::</pre>',
    );
    expect(createMarkdown().render('<!--papers-view:0-->\n', createBodyEnv([]))).toContain(
      '&lt;!--papers-view:0--&gt;',
    );
  });
});

describe('section addresses', () => {
  it('gives a heading of no Latin letters an address of its letter', () => {
    const env = createBodyEnv([]);
    expect(createMarkdown().render('## ٢٠٠٥\n\nText.\n', env)).toContain('<h2 id="section-b">B. ٢٠٠٥</h2>');
    expect(env.problems).toEqual([]);
  });
});
