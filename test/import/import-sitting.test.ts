import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/import-report.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** A constructed page (not of the archive): a report to the committee's annual general meeting. */
const PAGE = `<p>Report 4 of the 8 December 2005 meeting of the Planning, Performance &amp; Review Committee and asks members to elect a Chair.</p>
<h1>Election of the Chair</h1><p>Report: 4</p><p>Date: 8 December 2005</p><p>By: Clerk</p>
<h2>Summary</h2><p>Members are asked to elect a Chair.</p>
<h2>A. Recommendation</h2><p>That members elect a Chair.</p>
<h2>B. Supporting information</h2><p>1. Nominations were sought in advance.</p>`;

describe('papers import --meeting <committee>/<date>-<sitting>', () => {
  it('imports a report of another meeting that day, with its own meeting file and address', async () => {
    const root = await copyExampleProject();
    const input = path.join(await makeTempDir('import-sitting'), 'report.html');
    await writeFile(input, PAGE);
    const result = await importReport({ root, file: input, meeting: 'x-ppr/2005-12-08-agm' });
    const file = 'content/reports/2005/2005-12-08-agm-x-ppr-04-election-of-the-chair.md';
    expect(result.written).toEqual(expect.arrayContaining([file, 'content/meetings/x-ppr/2005-12-08-agm.yaml']));
    expect(await readFile(path.join(root, file), 'utf8')).toMatch(/^date: 2005-12-08\nsitting: agm\n/m);
    const { errors, model } = await checkProject(root);
    expect(errors.filter((e) => e.severity === 'error')).toEqual([]);
    expect(model!.reports.find((r) => r.title === 'Election of the Chair')?.url).toBe(
      '/committees/x-ppr/2005/051208-agm/04/',
    );
    await expect(importReport({ root, file: input, meeting: 'x-ppr/2005-12-08-AGM' })).rejects.toThrow(
      /is not <committee>/,
    );
  });
});
