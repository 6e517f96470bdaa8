import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { commitAll, createGitProject } from '../helpers/git-project.ts';
import { pageText } from '../helpers/page-text.ts';
import { editFile } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

/** The edits of a pull request: a status, a target, a borough fact, a report and its meeting. */
async function makeChanges(root: string): Promise<void> {
  expect(
    (
      await runCli([
        'status',
        'cdrp-scrutiny-2003/3',
        '--status',
        'completed',
        '--result',
        'Completed June 2006. A handover period is agreed.',
        '--date',
        '2006-06-01',
        '--root',
        root,
      ])
    ).code,
  ).toBe(0);
  await editFile(
    root,
    'content/recommendations/cdrp-scrutiny-2003/17.yaml',
    '      - text: Work with pan-London colleagues to develop information sharing system\n',
    '      - text: Work with pan-London colleagues to develop information sharing system\n        target: 2005-07-31\n        revised_targets:\n          - date: 2006-03-31\n            reason: The information sharing project reports later than planned.\n            decided: 2006-02-01\n',
  );
  await editFile(
    root,
    'data/boroughs/camden.yaml',
    'facts:\n',
    'facts:\n  - fact: laa-pilot\n    value: false\n    held_from: 2006-04\n    source:\n      report: 2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships\n      paragraph: B8\n',
  );
  expect(
    (
      await runCli([
        'new',
        'report',
        '--committee',
        'x-ppr',
        '--date',
        '2006-07-13',
        '--title',
        'Crime and Disorder Reduction Partnerships update',
        '--root',
        root,
      ])
    ).code,
  ).toBe(0);
  // The author writes what the scaffold left to be written.
  const report = path.join(
    root,
    'content/reports/2006/2006-07-13-x-ppr-01-crime-and-disorder-reduction-partnerships-update.md',
  );
  await writeFile(
    report,
    (await readFile(report, 'utf8')).replace(/\[To be written[^\]]*\]/g, 'Written by its author.'),
  );
}

describe('papers changes', () => {
  it('lists status changes, moved targets, new facts, reports and meetings since a revision, as Markdown', async () => {
    const root = await createGitProject();
    await makeChanges(root);
    await commitAll(root, 'Update progress', '2006-07-01T10:00:00Z');
    const run = await runCli(['changes', '--since', 'HEAD~1', '--root', root]);
    expect(run.code).toBe(0);
    const md = run.stdout;
    expect(md).toMatch(/^## Changes since HEAD~1 \([0-9a-f]{7}\)/);
    expect(md).toContain(
      '- [Recommendation 3](https://papers.example.org/recommendations/cdrp-scrutiny-2003/03/) (cdrp-scrutiny-2003), “Explore the issues surrounding these mechanisms.”: Awaits → **Completed** (1 June 2006). Completed June 2006. A handover period is agreed.',
    );
    expect(md).toContain(
      '### Target dates\n\n- [Recommendation 17](https://papers.example.org/recommendations/cdrp-scrutiny-2003/17/), “Work with pan-London colleagues to develop information sharing system”: 31 July 2005 → **31 March 2006**. Reason: The information sharing project reports later than planned.',
    );
    expect(md).toContain(
      '- [Camden](https://papers.example.org/boroughs/camden/): Piloted Local Area Agreements: **No** (new, held from April 2006)',
    );
    expect(md).toContain(
      '### New reports\n\n- [Crime and Disorder Reduction Partnerships update](https://papers.example.org/committees/x-ppr/2006/060713/01/), Planning, Performance & Review Committee, 13 July 2006',
    );
    expect(md).toContain(
      '### New meetings\n\n- [Planning, Performance & Review Committee, 13 July 2006](https://papers.example.org/committees/x-ppr/2006/060713/)',
    );
    expect(md.match(/^- /gm)).toHaveLength(5);
  });

  it('takes a date, comparing with the last commit before it; nothing changed says so', async () => {
    const root = await createGitProject('2006-01-02T10:00:00Z');
    await makeChanges(root);
    await commitAll(root, 'Update progress', '2006-07-01T10:00:00Z');
    expect((await runCli(['changes', '--since', '2006-03-01', '--root', root])).stdout).toContain(
      'Awaits → **Completed**',
    );
    expect((await runCli(['changes', '--since', '2006-08-01', '--root', root])).stdout).toContain('No changes.');
    const before = await runCli(['changes', '--since', '2005-06-01', '--root', root]);
    expect(before.stdout).toContain('first entry: **Completed** (8 December 2005)');
    const bad = await runCli(['changes', '--since', 'no-such-branch', '--root', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'papers: E_USAGE  "no-such-branch" is neither a git revision of this repository nor a date',
    );
  });

  it('the site shows the changes since the last meeting, from the dates in the content', async () => {
    const root = await createGitProject();
    await makeChanges(root);
    const first = await buildProject({ root, pdf: false });
    const page = pageText(await readFile(path.join(first.siteDir, 'changes/index.html'), 'utf8'));
    expect(page).toContain('Changes since the last meeting (13 July 2006)');
    expect(page).toContain('Nothing has changed since the meeting of 13 July 2006.');
    // Move the new report to an earlier meeting: the progress of 1 June 2006 is now a change since it.
    const report = 'content/reports/2006/2006-07-13-x-ppr-01-crime-and-disorder-reduction-partnerships-update.md';
    await editFile(root, report, 'date: 2006-07-13', 'date: 2006-05-11');
    await rename(
      path.join(root, 'content/meetings/x-ppr/2006-07-13.yaml'),
      path.join(root, 'content/meetings/x-ppr/2006-05-11.yaml'),
    );
    const second = await buildProject({ root, pdf: false });
    expect(second.errors.filter((e) => e.severity === 'error')).toEqual([]);
    const later = pageText(await readFile(path.join(second.siteDir, 'changes/index.html'), 'utf8'));
    expect(later).toContain('Changes since the last meeting (11 May 2006)');
    expect(later).toContain(
      'Recommendation 3 (cdrp-scrutiny-2003), “Explore the issues surrounding these mechanisms.”: Awaits → Completed (1 June 2006).',
    );
    expect(later).not.toContain('Camden');
  });
});

describe('target dates', () => {
  it('check warns about actions past their target with no closed status; the tracker shows original, revised and slippage', async () => {
    const root = await createGitProject();
    await makeChanges(root);
    const early = await runCli(['check', '--root', root, '--today', '2006-03-01']);
    expect(early.code).toBe(0);
    expect(early.stderr).not.toContain('E_PAST_TARGET');
    const late = await runCli(['check', '--root', root, '--today', '2006-04-15']);
    expect(late.code).toBe(0);
    expect(late.stderr).toContain(
      'content/recommendations/cdrp-scrutiny-2003/17.yaml:11:19  E_PAST_TARGET (warning)  recommendation 17: the action is past its target of 31 March 2006 and its latest status is “ongoing”',
    );
    const built = await buildProject({ root, pdf: false });
    const page = pageText(
      await readFile(path.join(built.siteDir, 'recommendations/cdrp-scrutiny-2003/17/index.html'), 'utf8'),
    );
    expect(page).toContain('Target: 31 March 2006 (originally 31 July 2005; slipped 243 days)');
    expect(page).toContain(
      'Revised to 31 March 2006 on 1 February 2006: The information sharing project reports later than planned.',
    );
  });

  it('a revised target needs a reason, and the original target it revises', async () => {
    const root = await createGitProject();
    const file = 'content/recommendations/cdrp-scrutiny-2003/17.yaml';
    await editFile(
      root,
      file,
      '      - text: Work with pan-London colleagues to develop information sharing system\n',
      '      - text: Work with pan-London colleagues to develop information sharing system\n        revised_targets:\n          - date: 2006-03-31\n',
    );
    const noReason = await runCli(['check', '--root', root]);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain(
      '17.yaml:10:13  E_MISSING_FIELD  `reason` is required in key point 1, action 1, revised target 1',
    );
    await editFile(
      root,
      file,
      '          - date: 2006-03-31\n',
      '          - date: 2006-03-31\n            reason: Later than planned.\n',
    );
    const noOriginal = await runCli(['check', '--root', root]);
    expect(noOriginal.code).toBe(1);
    expect(noOriginal.stderr).toContain(
      '`revised_targets` of key point 1, action 1 has revised targets but no original `target`',
    );
  });
});
