import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { pageText } from '../helpers/page-text.ts';
import { copyExampleProject, editFile } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { writeFile } from 'node:fs/promises';

/** Test reports (not real ones) of the archive's less usual shapes, added to the example project. */
const NO_RECOMMENDATIONS = `---
committee: x-ppr
date: 2005-12-08
number: 8
title: Work of the committee
by: Chair of the committee
opening: Report of the Planning, Performance & Review Committee to the full Authority.
summary: The committee reports on its year; it makes no recommendation.
numbered_sections: [Work in the year]
contacts: false
---

## Work in the year

The committee met four times.

It reviewed two scrutinies.

## Next year

The committee will meet again in June.
`;

describe('shapes of the archive the format holds', () => {
  let siteDir = '';
  beforeAll(async () => {
    const root = await copyExampleProject();
    await writeFile(path.join(root, 'content/reports/2005/2005-12-08-x-ppr-08-work.md'), NO_RECOMMENDATIONS);
    await editFile(
      root,
      'content/meetings/x-ppr/2005-12-08.yaml',
      'partnerships\n',
      'partnerships\n  - report: 2005-12-08-x-ppr-08-work\n',
    );
    const result = await buildProject({ root, outputDir: await makeTempDir('shapes'), pdf: false });
    expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
    siteDir = result.siteDir;
  });

  it('a report with no recommendations section: its sections are lettered from A, its paragraphs A1, A2', async () => {
    const html = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208/08/index.html'), 'utf8');
    const text = pageText(html.slice(html.indexOf('<main')));
    expect(text).not.toMatch(/Recommendations?\b/);
    expect(text).toMatch(/A\. Work in the year/);
    expect(text).toMatch(/B\. Next year/);
    expect(html).toContain('<a href="#work-in-the-year">A. Work in the year</a>');
    expect(text).toMatch(/A\. Work in the year 1\. The committee met four times\. 2\. It reviewed two scrutinies\./);
    expect(html).toMatch(/<p id="para-A2" class="numbered">/);
  });
});
