import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { buildMembersPapers } from '../../src/pipeline/build-members-papers.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { UsageError } from '../../src/errors/usage-error.ts';
import { addExemptPapers } from '../helpers/meeting-papers.ts';
import { copyExampleProject, editFile } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { MARKER, readEverything } from '../helpers/read-everything.ts';

const run = promisify(execFile);

/** The example project with an exempt report, recommendation and minute item, each field carrying the marker. */
async function createExemptProject(): Promise<string> {
  const root = await copyExampleProject();
  await addExemptPapers(root);
  return root;
}

describe('exempt papers never reach the public site', () => {
  let root = '';
  let outputDir = '';
  let membersDir = '';
  beforeAll(async () => {
    root = await createExemptProject();
    outputDir = await makeTempDir('exempt-out');
    membersDir = await makeTempDir('exempt-members');
    const result = await buildProject({ root, outputDir });
    expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  }, 240_000);

  it('the marker is in no byte of the public output: pages, search, feeds, sitemap, calendar, open data, changes, packs, PDFs', async () => {
    const everything = await readEverything(outputDir);
    const kinds = new Set(everything.map((f) => path.extname(f.file)));
    for (const kind of ['.html', '.json', '.csv', '.xml', '.ics', '.pdf', '.pf_fragment'])
      expect(kinds).toContain(kind);
    expect(everything.filter((f) => f.text.includes(MARKER)).map((f) => f.file)).toEqual([]);
  });

  it('the public agenda lists the exempt item by its title and paragraph only; the public minutes keep its number', async () => {
    const meeting = await readFile(path.join(outputDir, 'site/committees/x-ppr/2005/051208/index.html'), 'utf8');
    expect(meeting).toContain('Legal advice on a claim');
    expect(meeting).toContain('Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972');
    const minutes = await readFile(
      path.join(outputDir, 'site/committees/x-ppr/2005/051208/minutes/index.html'),
      'utf8',
    );
    expect(minutes).toMatch(/2\. Legal advice on a claim<\/h2>/);
    const decisions = await readFile(path.join(outputDir, 'site/data/decisions.csv'), 'utf8');
    expect(decisions).toContain('noted,exempt-set/02');
    expect(decisions).not.toContain('exempt-set/01');
    // A decision prints as the minutes write it, on the recommendation's page too.
    const recommendation = await readFile(
      path.join(outputDir, 'site/recommendations/exempt-set/02/index.html'),
      'utf8',
    );
    expect(recommendation).toContain('Resolved – That the public recommendation be noted.');
    expect(recommendation).not.toContain('RESOLVED');
  });

  it("the members' build writes the full pack, with the exempt papers, outside the public site", async () => {
    const members = await buildMembersPapers({ root, membersDir, outputDir });
    expect(members.ok).toBe(true);
    expect(members.written).toContain('x-ppr-2005-12-08-pack.pdf');
    const { stdout } = await run('pdftotext', [
      '-enc',
      'UTF-8',
      path.join(membersDir, 'x-ppr-2005-12-08-pack.pdf'),
      '-',
    ]);
    expect(stdout.toLowerCase()).toContain(MARKER);
    // The members' pack prints Part 2 with its exempt report; the public one lists it by title and paragraph only.
    const membersPages = stdout.split('\f').map((p) => p.replace(/\s+/g, ' '));
    for (const text of [
      'Part 2: Items considered after the exclusion of the press and public',
      'Legal advice on a claim',
      'Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972',
    ])
      expect(membersPages[1]).toContain(text);
    expect(membersPages.some((p) => p.startsWith('Part 2, agenda item 1: Legal advice on a claim'))).toBe(true);
    // Marked: the cover, and every page of the Part 2 item; every page of the exempt report's own PDF.
    expect(membersPages[0]).toContain(
      'NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972',
    );
    const part2Pages = membersPages.filter((p) => p.startsWith('Part 2, agenda item 1'));
    for (const page of part2Pages) expect(page).toContain('NOT FOR PUBLICATION: Schedule 12A, paragraph 3');
    const reportPdf = members.written.find((f) => f.includes('-12'))!;
    const reportPages = (await run('pdftotext', ['-enc', 'UTF-8', path.join(membersDir, reportPdf), '-'])).stdout
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(reportPages.length).toBeGreaterThan(0);
    for (const page of reportPages) expect(page).toContain('NOT FOR PUBLICATION: Schedule 12A, paragraph 3');
    // The set exempt as a whole is shown to members, in the exempt report that shows it.
    expect(reportPages.join(' ')).toContain('WHOLESETWORD');
    // Only what members read: no cache, no hidden file.
    for (const name of await readdir(membersDir, { recursive: true })) expect(name).toMatch(/^[^.][^/]*\.pdf$/);
    const publicPack = (
      await run('pdftotext', [
        '-enc',
        'UTF-8',
        path.join(outputDir, 'site/committees/x-ppr/2005/051208/x-ppr-2005-12-08-pack.pdf'),
        '-',
      ])
    ).stdout;
    const publicPages = publicPack.split('\f').map((p) => p.replace(/\s+/g, ' '));
    for (const text of [
      'Part 2: Items considered after the exclusion of the press and public',
      'Legal advice on a claim',
      'Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972',
    ])
      expect(publicPages[1]).toContain(text);
    expect(publicPages.some((p) => p.includes('Part 2, agenda item'))).toBe(false);
    // The public site is as it was.
    expect((await readEverything(outputDir)).filter((f) => f.text.includes(MARKER))).toEqual([]);
  }, 240_000);

  it("refuses to write the members' papers inside the public output", async () => {
    await expect(
      buildMembersPapers({ root, membersDir: path.join(outputDir, 'site', 'members'), outputDir }),
    ).rejects.toThrow(UsageError);
    await expect(buildMembersPapers({ root, membersDir: outputDir, outputDir })).rejects.toThrow(
      /cannot be written in or around the public output/,
    );
  });
});

describe('check refuses a public paper that would show or cite an exempt one', () => {
  it('a public report showing an exempt recommendation or a set exempt as a whole, a fact citing an exempt report, an exempt report in Part 1, a public decision on either', async () => {
    const root = await createExemptProject();
    await editFile(
      root,
      'content/reports/2005/2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships.md',
      'appendices:\n',
      'appendices:\n  - recommendations:\n      set: exempt-set\n',
    );
    await editFile(root, 'content/minutes/x-ppr/2005-12-08.md', 'noted exempt-set/02', 'noted exempt-set/01');
    await editFile(
      root,
      'content/minutes/x-ppr/2005-12-08.md',
      'None were received.\n',
      'None were received.\n\nResolved (noted whole-exempt-set): That the set be noted.\n',
    );
    await editFile(
      root,
      'content/reports/2004/2004-11-04-x-ppr-06-cdrp-borough-performance.md',
      'summary:',
      'appendices:\n  - recommendations: { set: whole-exempt-set }\nsummary:',
    );
    const borough = (await readdir(path.join(root, 'data/boroughs')))[0]!;
    const text = await readFile(path.join(root, 'data/boroughs', borough), 'utf8');
    await writeFile(
      path.join(root, 'data/boroughs', borough),
      text.replace(/report: [a-z0-9-]+/, 'report: 2005-12-08-x-ppr-12-exempt'),
    );
    const { errors, model } = await checkProject(root);
    expect(model).toBeUndefined();
    const exempt = errors.filter((e) => e.code === 'E_EXEMPT').map((e) => `${e.file}:${e.line}`);
    expect(exempt).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^content\/reports\/2005\/2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships\.md:\d+$/,
        ),
        'content/minutes/x-ppr/2005-12-08.md:12',
        'content/minutes/x-ppr/2005-12-08.md:14',
        expect.stringMatching(/^content\/reports\/2004\/2004-11-04-x-ppr-06-cdrp-borough-performance\.md:\d+$/),
        expect.stringMatching(new RegExp(`^data/boroughs/${borough}:\\d+$`)),
      ]),
    );
    await writeFile(
      path.join(root, 'content/meetings/x-ppr/2005-12-08.yaml'),
      [
        'agenda:',
        '  - report: 2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships',
        '  - report: 2005-12-08-x-ppr-12-exempt',
        '  - kind: exclusion',
        'part_2:',
        '  - title: Legal advice on a claim',
        '    exempt: 3',
        '',
      ].join('\n'),
    );
    const second = await checkProject(root);
    expect(second.errors.filter((e) => e.code === 'E_EXEMPT').map((e) => e.message)).toContain(
      'report `2005-12-08-x-ppr-12-exempt` is exempt, and Part 1 is public',
    );
  });
});
