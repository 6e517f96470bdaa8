import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { pickAsAt } from '../../src/domain/as-at.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { pageText } from '../helpers/page-text.ts';
import { copyExampleProject, PAGE_2005, REPORT_2005 } from '../helpers/project.ts';

const REC_3 = 'content/recommendations/cdrp-scrutiny-2003/03.yaml';

/** Add a dated progress entry to the first action of recommendation 3, through the YAML document. */
async function addProgress(root: string, entry: { date: string; status: string; result: string }): Promise<void> {
  const file = path.join(root, REC_3);
  const doc = parseDocument(await readFile(file, 'utf8'));
  doc.addIn(['key_points', 0, 'actions', 0, 'progress'], doc.createNode(entry));
  await writeFile(file, doc.toString());
}

/** A later meeting whose report declares the same appendix as the 2005 report. */
async function addLaterReport(root: string, date: string): Promise<string> {
  const source = await readFile(path.join(root, REPORT_2005), 'utf8');
  const id = `${date}-x-ppr-05-crime-and-disorder-reduction-partnerships-update`;
  await writeFile(
    path.join(root, `content/reports/2005/${id}.md`),
    source.replace('date: 2005-12-08', `date: ${date}`).replace('number: 6', 'number: 5'),
  );
  await writeFile(path.join(root, `content/meetings/x-ppr/${date}.yaml`), `agenda:\n  - report: ${id}\n`);
  return `committees/x-ppr/${date.slice(0, 4)}/${date.slice(2).replaceAll('-', '')}/05/index.html`;
}

function rowOfRecommendation3(html: string): string {
  const text = pageText(html);
  const start = text.indexOf('Recommendation 3 ');
  return text.slice(start, text.indexOf('Recommendation 4 ', start));
}

describe('a report shows each recommendation as at its own date', () => {
  it('picks the latest entry on or before the date', () => {
    const entries = [
      { date: '2004-07-12', v: 'a' },
      { date: '2005-12-08', v: 'b' },
      { date: '2006-06-01', v: 'c' },
    ];
    expect(pickAsAt(entries, '2005-12-08')?.v).toBe('b');
    expect(pickAsAt(entries, '2005-12-07')?.v).toBe('a');
    expect(pickAsAt(entries, '2004-01-01')).toBeUndefined();
  });

  it('a later progress entry leaves the 2005 report as it was and shows in a later report', async () => {
    const root = await copyExampleProject();
    const before = await buildProject({ root, outputDir: path.join(root, 'before') });
    expect(before.ok).toBe(true);
    const page2005Before = await readFile(path.join(before.siteDir, PAGE_2005), 'utf8');

    await addProgress(root, {
      date: '2006-06-01',
      status: 'completed',
      result: 'Completed June 2006. A handover period is now agreed for every borough.',
    });
    const laterPage = await addLaterReport(root, '2006-07-13');
    const after = await buildProject({ root, outputDir: path.join(root, 'after') });
    expect(after.errors).toEqual([]);

    expect(await readFile(path.join(after.siteDir, PAGE_2005), 'utf8')).toBe(page2005Before);
    expect(rowOfRecommendation3(page2005Before)).toContain('Explore the issues surrounding these mechanisms. Awaits');

    const later = rowOfRecommendation3(await readFile(path.join(after.siteDir, laterPage), 'utf8'));
    expect(later).toContain('Explore the issues surrounding these mechanisms. Completed June 2006.');
    expect(later).not.toContain(' Awaits ');
  });
});
