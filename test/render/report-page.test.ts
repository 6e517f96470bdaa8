import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { pageText } from '../helpers/page-text.ts';
import { copyExampleProject, editFile, PAGE_2004, PAGE_2005, REPORT_2005 } from '../helpers/project.ts';

/** The HTML of one recommendation's section on the 2005 page. */
function recommendationSection(html: string, n: number): string {
  const start = html.indexOf(`<section class="recommendation" aria-labelledby="recommendation-${n}">`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('report pages in the house format', () => {
  let html2005 = '';
  let html2004 = '';
  let root = '';
  beforeAll(async () => {
    root = await copyExampleProject();
    const built = await buildProject({ root });
    expect(built.ok).toBe(true);
    html2005 = await readFile(path.join(built.siteDir, PAGE_2005), 'utf8');
    html2004 = await readFile(path.join(built.siteDir, PAGE_2004), 'utf8');
  });

  it('heads each table Key points / Actions / Results/timescale', () => {
    const section = recommendationSection(html2005, 1);
    expect(section).toContain(
      '<thead><tr><th scope="col">Key points</th><th scope="col">Actions</th><th scope="col">Results/timescale</th></tr></thead>',
    );
  });

  it('spans a key point over its actions, one row per action', () => {
    const section = recommendationSection(html2005, 8);
    expect(section).toContain(
      '<th scope="rowgroup" rowspan="5" data-label="Key points">Corporate unit to define aims and objectives</th>',
    );
    expect(section.match(/<tr>/g)).toHaveLength(1 + 5);
  });

  it('keeps bullet lists inside result cells and commentary after the table', () => {
    const rec7 = recommendationSection(html2005, 7);
    expect(rec7).toMatch(
      /<td data-status="completed" data-label="Results\/timescale"><p>Completed<\/p>\s*<ul>\s*<li>There is currently a team/,
    );
    const rec2 = recommendationSection(html2005, 2);
    expect(rec2.indexOf('<div class="commentary">')).toBeGreaterThan(rec2.indexOf('</table>'));
  });

  it('shows only the recommendations of the declared owner, in number order', () => {
    const numbers = [...html2005.matchAll(/<h3 id="recommendation-(\d+)">/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 22, 24]);
  });

  it('names the section A "Recommendation" or "Recommendations" by count', () => {
    expect(pageText(html2005)).toContain('A. Recommendation That members note');
    expect(pageText(html2004)).toContain('A. Recommendations That the report be noted');
  });

  it('numbers the sections each report declares, and only those', () => {
    expect(pageText(html2004)).toContain('C. Race and equality impact 1. It is not envisaged');
    expect(pageText(html2005)).toContain('C. Race and equality impact The Scrutiny Panel');
  });

  it('takes contact details and abbreviations from shared data', () => {
    const text = pageText(html2005);
    expect(text).toContain(
      'F. Contact details Report author: Commander James Smith, Territorial Policing Headquarters For more information contact: MPA general: 020 7202 0202 Media enquiries: 020 7202 0217/18',
    );
    expect(text).toContain(
      'List of abbreviations MPA – Metropolitan Police Authority MPS – Metropolitan Police Service CDRP',
    );
    expect(pageText(html2004)).not.toContain('List of abbreviations');
  });

  it('heads the third column as the report declares', async () => {
    await editFile(root, REPORT_2005, 'results_heading: Results/timescale', 'results_heading: Position at 22 November');
    const built = await buildProject({ root, outputDir: path.join(root, 'variant') });
    const html = await readFile(path.join(built.siteDir, PAGE_2005), 'utf8');
    expect(recommendationSection(html, 1)).toContain('<th scope="col">Position at 22 November</th>');
  });
});
