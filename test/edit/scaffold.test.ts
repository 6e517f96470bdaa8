import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { addExemptPapers } from '../helpers/meeting-papers.ts';
import { createGitProject, git } from '../helpers/git-project.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

/** What `check` says of a scaffold: only that each place is still to be written, in the files written; the preview builds it. */
async function expectOnlyToBeWritten(root: string, files: readonly string[]) {
  const checked = await checkProject(root);
  const errors = checked.errors.filter((e) => e.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error.code).toBe('E_PLACEHOLDER');
    expect(files).toContain(error.file);
    const line = (await readFile(path.join(root, error.file), 'utf8')).split('\n')[error.line - 1] ?? '';
    expect(line.slice(error.col - 1)).toMatch(/^\[To be written/);
  }
  expect(checked.model).toBeUndefined();
  const preview = await checkProject(root, { preview: true });
  expect(preview.errors.filter((e) => e.severity === 'error')).toEqual([]);
  return preview;
}

describe('papers new', () => {
  it('scaffolds a report with the next free number, on its meeting’s agenda; check lists what is to be written', async () => {
    const root = await createGitProject();
    const run = await runCli([
      'new',
      'report',
      '--committee',
      'x-ppr',
      '--date',
      '2005-12-08',
      '--title',
      'Borough policing plans',
      '--root',
      root,
    ]);
    expect(run.code).toBe(0);
    const file = 'content/reports/2005/2005-12-08-x-ppr-07-borough-policing-plans.md';
    expect(run.stdout).toContain(`Wrote ${file}`);
    expect(await readFile(path.join(root, file), 'utf8')).toMatch(
      /^---\ncommittee: x-ppr\ndate: 2005-12-08\nnumber: 7\ntitle: Borough policing plans\n/,
    );
    expect(await git(root, ['diff', '-U0', 'content/meetings/x-ppr/2005-12-08.yaml'])).toContain(
      '+  - report: 2005-12-08-x-ppr-07-borough-policing-plans',
    );
    expect(run.stdout).toContain(`Still to be written`);
    expect(run.stdout).toMatch(new RegExp(`  ${file}:\\d+:\\d+`));
    const checked = await expectOnlyToBeWritten(root, [file]);
    expect(checked.model?.reports.map((r) => r.number)).toContain(7);
    // The opening line follows the number, whatever it becomes: the placeholder names none.
    expect(await readFile(path.join(root, file), 'utf8')).not.toMatch(/Report 7 of/);
  });

  it('scaffolds a meeting, and a recommendation with the lowest free number; check lists what is to be written', async () => {
    const root = await createGitProject();
    expect(
      (
        await runCli([
          'new',
          'meeting',
          '--committee',
          'x-ppr',
          '--date',
          '2006-03-09',
          '--time',
          '14:00',
          '--venue',
          'Committee Room 1',
          '--root',
          root,
        ])
      ).code,
    ).toBe(0);
    const meeting = parse(await readFile(path.join(root, 'content/meetings/x-ppr/2006-03-09.yaml'), 'utf8'));
    expect(meeting).toEqual({ time: '14:00', venue: 'Committee Room 1', agenda: [] });
    const rec = await runCli([
      'new',
      'recommendation',
      '--set',
      'cdrp-scrutiny-2003',
      '--text',
      'Something should be done.',
      '--root',
      root,
    ]);
    expect(rec.stdout).toContain('Wrote content/recommendations/cdrp-scrutiny-2003/20.yaml');
    const next = await runCli(['new', 'recommendation', '--set', 'cdrp-scrutiny-2003', '--root', root]);
    expect(next.stdout).toContain('Wrote content/recommendations/cdrp-scrutiny-2003/21.yaml');
    await expectOnlyToBeWritten(root, ['content/recommendations/cdrp-scrutiny-2003/21.yaml']);
  });

  it('scaffolds minutes with an item tied to each agenda item, Part 2 too; check lists what is to be written, and they are not written twice', async () => {
    const root = await createGitProject();
    await writeFile(
      path.join(root, 'content/meetings/x-ppr/2005-12-08.yaml'),
      [
        'agenda:',
        '  - kind: standing',
        '    title: Apologies for absence',
        '  - report: 2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships',
        '  - kind: exclusion',
        'part_2:',
        '  - title: Legal advice',
        '    exempt: 5',
        '',
      ].join('\n'),
    );
    const run = await runCli(['new', 'minutes', '--committee', 'x-ppr', '--date', '2005-12-08', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote content/minutes/x-ppr/2005-12-08.md');
    expect(run.stdout).toContain('Wrote exempt/minutes/x-ppr/2005-12-08.md');
    const text = await readFile(path.join(root, 'content/minutes/x-ppr/2005-12-08.md'), 'utf8');
    // The Part 2 item's text is to be written apart, under exempt/; in public its heading stands alone.
    expect(text.trimEnd().endsWith('## Legal advice {agenda=2.1}')).toBe(true);
    expect(await readFile(path.join(root, 'exempt/minutes/x-ppr/2005-12-08.md'), 'utf8')).toMatch(
      /^## Legal advice \{agenda=2\.1\}\n\n\S/,
    );
    expect([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual([
      'Apologies for absence {agenda=1}',
      'Crime and Disorder Reduction Partnerships {agenda=6}',
      'Exclusion of press and public {agenda=7}',
      'Legal advice {agenda=2.1}',
    ]);
    const checked = await expectOnlyToBeWritten(root, [
      'content/minutes/x-ppr/2005-12-08.md',
      'exempt/minutes/x-ppr/2005-12-08.md',
    ]);
    expect(checked.model?.minutes[0]?.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    const again = await runCli(['new', 'minutes', '--committee', 'x-ppr', '--date', '2005-12-08', '--root', root]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('puts a new report before the exclusion of the press and public, and on a project with exempt papers', async () => {
    const root = await createGitProject();
    await addExemptPapers(root);
    const run = await runCli([
      'new',
      'report',
      '--committee',
      'x-ppr',
      '--date',
      '2005-12-08',
      '--title',
      'Another',
      '--root',
      root,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const meeting = parse(await readFile(path.join(root, 'content/meetings/x-ppr/2005-12-08.yaml'), 'utf8'));
    expect(meeting.agenda.map((i: { report?: string; kind?: string }) => i.report ?? i.kind)).toEqual([
      'standing',
      '2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships',
      '2005-12-08-x-ppr-07-another',
      'exclusion',
    ]);
    await expectOnlyToBeWritten(root, ['content/reports/2005/2005-12-08-x-ppr-07-another.md']);
    // What changed lists the new public report, and nothing of the exempt papers.
    const changes = await runCli(['changes', '--since', 'HEAD', '--root', root]);
    expect(changes.code, changes.stderr).toBe(0);
    expect(changes.stdout).toContain('Another');
    expect(changes.stdout.toLowerCase()).not.toContain('markerword');
  });

  it('never overwrites a file', async () => {
    const root = await createGitProject();
    const run = await runCli(['new', 'meeting', '--committee', 'x-ppr', '--date', '2005-12-08', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('content/meetings/x-ppr/2005-12-08.yaml already exists: nothing was written');
    expect(
      (await runCli(['new', 'recommendation', '--set', 'cdrp-scrutiny-2003', '--number', '3', '--root', root])).stderr,
    ).toContain('recommendation 3 of cdrp-scrutiny-2003 already exists');
    expect(
      (
        await runCli([
          'new',
          'report',
          '--committee',
          'x-ppr',
          '--date',
          '2005-12-08',
          '--title',
          'Clash',
          '--number',
          '6',
          '--root',
          root,
        ])
      ).stderr,
    ).toContain('item 6 of x-ppr on 2005-12-08 is taken');
    expect(await git(root, ['status', '--porcelain'])).toBe('');
  });

  it('asks for what the flags do not give, on a terminal', async () => {
    const root = await createGitProject();
    const command = `node ${path.join(REPO_ROOT, 'bin/papers.js')} new report --root ${root}`;
    // `script` gives the command a real terminal; the answers are typed into it.
    const { stdout } = await promisify(execFile)('bash', [
      '-c',
      `printf 'x-ppr\\n2006-03-09\\nAnswered at the prompt\\n' | script -qfec "${command}" /dev/null`,
    ]);
    expect(stdout).toContain('Committee code:');
    expect(stdout).toContain('Title:');
    expect(stdout).toContain('Wrote content/reports/2006/2006-03-09-x-ppr-01-answered-at-the-prompt.md');
    await expectOnlyToBeWritten(root, ['content/reports/2006/2006-03-09-x-ppr-01-answered-at-the-prompt.md']);
  });

  it('without a terminal, names the missing flag', async () => {
    const root = await createGitProject();
    const run = await runCli(['new', 'report', '--committee', 'x-ppr', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('papers: E_USAGE  --date is needed');
  });
});
