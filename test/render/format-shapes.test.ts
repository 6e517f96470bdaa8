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

/** An item the agenda added under item 6, as the archive numbered such items (4a, 4b). */
const LETTERED = `---
committee: x-ppr
date: 2005-12-08
number: 6a
title: A paper added under item 6
by: Clerk
description: adds a paper under item 6.
summary: A paper added under item 6.
recommendations:
  lead: That
  items: [members note the paper.]
---

## Supporting information

The paper follows item 6.
`;

describe('shapes of the archive the format holds', () => {
  let siteDir = '';
  beforeAll(async () => {
    const root = await copyExampleProject();
    await writeFile(path.join(root, 'content/reports/2005/2005-12-08-x-ppr-08-work.md'), NO_RECOMMENDATIONS);
    await writeFile(path.join(root, 'content/reports/2005/2005-12-08-x-ppr-06a-added.md'), LETTERED);
    await editFile(
      root,
      'content/meetings/x-ppr/2005-12-08.yaml',
      'partnerships\n',
      'partnerships\n  - report: 2005-12-08-x-ppr-06a-added\n  - title: An item after 6a\n  - report: 2005-12-08-x-ppr-08-work\n',
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

  it('a lettered report number (6a): its own address 06a/, its opening line, and its place on the agenda', async () => {
    const html = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208/06a/index.html'), 'utf8');
    expect(pageText(html)).toContain('Report 6a of the 8 December 2005 meeting of the ');
    expect(html).toContain('x-ppr-2005-12-08-06a.pdf');
    const meeting = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208/index.html'), 'utf8');
    const items = [
      ...meeting.matchAll(/<li[^>]*class="agenda-item[^"]*"[^>]*>(?:<span class="item-marker">([^<]*)<\/span>)?/g),
    ].map((m) => m[0].match(/value="(\d+)"/)?.[1] ?? m[1]);
    // 6a stands under 6 with its own marker, not a list number; the item after it is 7.
    expect(items).toEqual(['6', '6a.', '7', '8']);
  });
});
