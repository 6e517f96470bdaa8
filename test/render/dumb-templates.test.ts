import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.ts';

/** Ways a template would work out what it shows, instead of placing what the model gives it. */
const LOGIC: Array<[string, RegExp]> = [
  ['builds a list', /\{%-?\s*set\s+\w+\s*=\s*\[/],
  ['builds a string in its front matter', /=>\s*`/],
  ['reorders a list', /\|\s*(reverse|sort)\b/],
  ['picks an item of the model by its place', /papers\.\w+\[\d+\]/],
  ['cuts a list short by counting', /loop\.index\s*<=?\s*\d/],
];

async function readTemplates(): Promise<Array<{ file: string; text: string }>> {
  const dir = path.join(REPO_ROOT, 'templates');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.njk'));
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(dir, file), 'utf8') })));
}

describe('the templates', () => {
  it('only place what the model gives them: breadcrumbs, latest items, statuses, titles and footers come from src/', async () => {
    const templates = await readTemplates();
    expect(templates.length).toBeGreaterThan(20);
    const found = templates.flatMap(({ file, text }) =>
      LOGIC.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${file} ${what}`),
    );
    expect(found).toEqual([]);
  });

  it('would be caught working out a breadcrumb or a title', () => {
    const caught = (text: string) => LOGIC.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
    expect(caught('{% set crumbs = [{ label: "Home", href: "/" }] %}')).toEqual(['builds a list']);
    expect(caught('pageTitle: (data) => `${data.y.committee.name}, ${data.y.year}`,')).toEqual([
      'builds a string in its front matter',
    ]);
    expect(caught('{%- for report in papers.reports | reverse %}{% if loop.index <= 10 %}')).toEqual([
      'reorders a list',
      'cuts a list short by counting',
    ]);
    expect(caught('{%- for s in papers.sets[0].dashboard.statuses %}')).toEqual([
      'picks an item of the model by its place',
    ]);
  });
});
