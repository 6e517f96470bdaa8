import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { pageText } from '../helpers/page-text.ts';
import { copyExampleProject, editFile, REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { importArchive } from '../../src/pipeline/import-archive.ts';

/** Test reports (not real ones) of the archive's less usual shapes, added to the example project. */
const NO_RECOMMENDATIONS = `---
committee: x-ppr
date: 2005-12-08
number: 8
title: Work of the committee
by: Chair of the committee
opening: Report 8 of the 8 December 2005 meeting of the Planning, Performance & Review Committee, presenting its year's work.
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

/** A report to the committee's annual general meeting, held the same day as its ordinary meeting. */
const AGM = `---
committee: x-ppr
date: 2005-12-08
sitting: agm
number: 3
title: Election of the Chair
by: Clerk
description: asks members to elect a Chair.
summary: Members are asked to elect a Chair for the year.
recommendations:
  lead: That
  items: [members elect a Chair.]
---

## Supporting information

Nominations were sought in advance.
`;

describe('shapes of the archive the format holds', () => {
  let siteDir = '';
  beforeAll(async () => {
    const root = await copyExampleProject();
    await writeFile(path.join(root, 'content/reports/2005/2005-12-08-x-ppr-08-work.md'), NO_RECOMMENDATIONS);
    await writeFile(path.join(root, 'content/reports/2005/2005-12-08-x-ppr-06a-added.md'), LETTERED);
    await writeFile(path.join(root, 'content/reports/2005/2005-12-08-agm-x-ppr-03-election.md'), AGM);
    await writeFile(
      path.join(root, 'content/meetings/x-ppr/2005-12-08-agm.yaml'),
      'agenda:\n  - title: Apologies for absence\n  - title: Declarations of interests\n  - report: 2005-12-08-agm-x-ppr-03-election\n',
    );
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

  it('another meeting the same day (an AGM): its own file, address 051208-agm/, and title', async () => {
    const meeting = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208-agm/index.html'), 'utf8');
    expect(meeting).toMatch(/<title>[^<]*8 December 2005 \(AGM\)/);
    expect(meeting).toContain('href="/committees/x-ppr/2005/051208-agm/03/"');
    const report = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208-agm/03/index.html'), 'utf8');
    expect(pageText(report)).toContain('Report 3 of the 8 December 2005 meeting of the ');
    expect(report).toContain('x-ppr-2005-12-08-agm-03.pdf');
    // The ordinary meeting of the day keeps its own page and agenda.
    const ordinary = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208/index.html'), 'utf8');
    expect(ordinary).not.toContain('051208-agm/03/');
  });

  it('each shape goes back in through `papers import` from its archive address, line for line', async () => {
    const root = await makeTempDir('shapes-import');
    await cp(path.join(REPO_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
    // The example's borough facts cite its recommendation set, which a page import does not bring.
    await rm(path.join(root, 'data/boroughs'), { recursive: true });
    await mkdir(path.join(root, 'content'));
    const result = await importArchive({ root, folder: siteDir });
    const imported = result.pages.filter((p) => p.status === 'imported');
    expect(result.pages.filter((p) => p.status === 'refused')).toEqual([]);
    expect(imported.map((p) => p.source)).toEqual(
      expect.arrayContaining([
        'committees/x-ppr/2005/051208/06a/index.html',
        'committees/x-ppr/2005/051208/08/index.html',
        'committees/x-ppr/2005/051208-agm/03/index.html',
      ]),
    );
    expect(result.errors).toEqual([]);
    for (const page of imported) expect(page.lines?.missing, page.source).toEqual([]);
    const agm = await readFile(path.join(root, 'content/meetings/x-ppr/2005-12-08-agm.yaml'), 'utf8');
    expect(agm).toContain('report: 2005-12-08-agm-x-ppr-03-election');
  }, 120_000);
});
