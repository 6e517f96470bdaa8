import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { commitAll, createGitProject, git } from '../helpers/git-project.ts';
import { runCli } from '../helpers/run-cli.ts';

const REC_5 = 'content/recommendations/cdrp-scrutiny-2003/05.yaml';

describe('papers status', () => {
  it('records a progress entry for the chosen action, adding only its lines, and the result passes check', async () => {
    const root = await createGitProject();
    const run = await runCli([
      'status',
      'cdrp-scrutiny-2003/5',
      '--action',
      '2',
      '--status',
      'done',
      '--result',
      'Completed: career pathways agreed, 100% of "roles"',
      '--date',
      '2006-06-01',
      '--root',
      root,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Recorded in content/recommendations/cdrp-scrutiny-2003/05.yaml: action 2 (Develop Career Pathways)',
    );
    expect(await git(root, ['diff', '--numstat'])).toBe(`3\t0\t${REC_5}\n`);
    const diff = await git(root, ['diff', '-U0']);
    expect(diff).toContain('+          - date: 2006-06-01\n+            status: done\n');
    const data = parse(await readFile(path.join(root, REC_5), 'utf8'));
    expect(data.key_points[0].actions[1].progress.at(-1)).toEqual({
      date: '2006-06-01',
      status: 'done',
      result: 'Completed: career pathways agreed, 100% of "roles"',
    });
    expect((await checkProject(root)).errors.filter((e) => e.severity === 'error')).toEqual([]);
  });

  it('refuses a position dated after today, or before the entry it follows, and leaves the file as it was', async () => {
    const root = await createGitProject();
    const future = await runCli([
      'status',
      'cdrp-scrutiny-2003/5',
      '--action',
      '2',
      '--status',
      'done',
      '--result',
      'Done',
      '--date',
      '2999-01-01',
      '--root',
      root,
    ]);
    expect(future.code).not.toBe(0);
    expect(future.stderr).toContain('--date 2999-01-01 is after today');
    const earlier = await runCli([
      'status',
      'cdrp-scrutiny-2003/5',
      '--action',
      '2',
      '--status',
      'done',
      '--result',
      'Done',
      '--date',
      '2001-01-01',
      '--root',
      root,
    ]);
    expect(earlier.code).not.toBe(0);
    expect(earlier.stderr).toContain('E_DATE');
    expect(earlier.stderr).toContain('before the one above it');
    expect(await git(root, ['status', '--porcelain'])).toBe('');
  });

  it('keeps comments and formatting, and defaults the date to today', async () => {
    const root = await createGitProject();
    const file = 'content/recommendations/cdrp-scrutiny-2003/06.yaml';
    const run = await runCli([
      'status',
      'cdrp-scrutiny-2003/6',
      '--action',
      '2',
      '--status',
      'ongoing',
      '--result',
      'Ongoing',
      '--root',
      root,
    ]);
    expect(run.code).toBe(0);
    const after = await readFile(path.join(root, file), 'utf8');
    expect(after).toContain('          # "As above": the same position as the row above.\n');
    expect(after).toContain(`- date: ${new Date().toISOString().slice(0, 10)}`);
    await commitAll(root, 'status');
    expect(await git(root, ['show', '--numstat', '--format=', 'HEAD'])).toBe(`3\t0\t${file}\n`);
  });

  it('refuses unknown statuses, missing actions and impossible dates, writing nothing', async () => {
    const root = await createGitProject();
    const cases: Array<[string[], RegExp]> = [
      [['--action', '1', '--status', 'dune', '--result', 'x'], /unknown status "dune": did you mean `done`\?/],
      [['--status', 'done', '--result', 'x'], /has 3 actions: choose one with --action N\n {2}1\. Explore the issues/],
      [['--action', '9', '--status', 'done', '--result', 'x'], /there is no action 9/],
      [['--action', '1', '--status', 'done', '--result', 'x', '--date', '2006-02-30'], /not a real date/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['status', 'cdrp-scrutiny-2003/5', ...args, '--root', root]);
      // A date that is no date is a mistake of the command line (exit code 2); the others, of what it asks for.
      expect(run.code).toBe(args.includes('2006-02-30') ? 2 : 1);
      expect(run.stderr).toMatch(message);
    }
    expect(
      (await runCli(['status', 'cdrp-scrutiny-2003/99', '--status', 'done', '--result', 'x', '--root', root])).stderr,
    ).toContain('there is no recommendation 99');
    expect(await git(root, ['status', '--porcelain'])).toBe('');
  });
});
