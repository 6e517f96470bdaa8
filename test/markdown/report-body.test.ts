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
