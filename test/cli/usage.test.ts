import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { createGitProject, git } from '../helpers/git-project.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('commands refuse what they cannot do right, and write nothing', () => {
  it('new refuses a set or committee that is not a code, and a number that is not a whole number', async () => {
    const root = await createGitProject();
    const outside = await runCli(['new', 'recommendation', '--set', '../../../x', '--root', root]);
    expect(outside.code).not.toBe(0);
    expect(outside.stderr).toContain('--set ../../../x is not a code');
    const nan = await runCli([
      'new',
      'report',
      '--committee',
      'x-ppr',
      '--date',
      '2005-12-08',
      '--title',
      'T',
      '--number',
      'abc',
      '--root',
      root,
    ]);
    expect(nan.code).not.toBe(0);
    expect(nan.stderr).toContain('--number abc is not a whole number');
    expect(await git(root, ['status', '--porcelain'])).toBe('');
    expect(await readdir(path.dirname(root))).not.toContain('x');
  });

  it('status finds a recommendation written with leading zeros', async () => {
    const root = await createGitProject();
    const run = await runCli([
      'status',
      'cdrp-scrutiny-2003/0003',
      '--action',
      '1',
      '--status',
      'completed',
      '--result',
      'Completed',
      '--date',
      '2006-01-01',
      '--root',
      root,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Recorded in content/recommendations/cdrp-scrutiny-2003/03.yaml');
  });

  it('changes refuses a date after today', async () => {
    const root = await createGitProject();
    const future = await runCli(['changes', '--since', '9999-12-31', '--root', root]);
    expect(future.code).not.toBe(0);
    expect(future.stderr).toContain('is after today');
  });

  it('reports nesting too deep to read as such, not as aliases', async () => {
    const root = await copyExampleProject();
    await writeFile(path.join(root, 'data/facts.yaml'), `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    const { errors } = await checkProject(root);
    const error = errors.find((e) => e.file === 'data/facts.yaml');
    expect(error?.message).toContain('nest too deep');
    expect(error?.hint).not.toContain('alias');
  });
});

describe("the members' build", () => {
  it('refuses a folder inside the public output, in one line, and writes nothing there', async () => {
    const root = await copyExampleProject();
    const run = await runCli(['build', '--root', root, '--exempt', path.join(root, 'output', 'site', 'members')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      "the members' papers hold exempt information and cannot be written in or around the public output",
    );
    expect(await readdir(root)).not.toContain('output');
  });
});

describe('the command line is checked before anything runs', () => {
  it.each([
    [['check', '--foo'], 'unknown option --foo'],
    [['build', '--no-pfd'], 'unknown option --no-pfd'],
    [['build', '--concurrency', 'abc'], '--concurrency abc is not a whole number from 1 to 64'],
    [['check', '--today', '2030-13-01'], '--today 2030-13-01 is not a real date written YYYY-MM-DD'],
    [['status', 'cdrp-scrutiny-2003/3', '--action', '1', '--result', 'x'], '--status is needed'],
    [['new'], 'choose what to do: report, meeting, minutes, recommendation'],
    [['serve', '--port', '99999'], '--port 99999 is not a port number from 0 to 65535'],
    [['build', '--root'], '--root needs a value'],
    [['check', 'extra'], 'unexpected argument "extra"'],
    [
      ['build', '--base-url', 'owner.github.io/repo'],
      '--base-url owner.github.io/repo is not an http or https address',
    ],
  ])('papers %j is refused with the command’s usage and exit code 2', async (args, message) => {
    const root = await copyExampleProject();
    // The project is given first, so an option left without its value stays the last word.
    const run = await runCli(
      args[0] === 'new' ? [...args, '--root', root] : [args[0] as string, '--root', root, ...args.slice(1)],
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout + run.stderr).toMatch(/USAGE/);
    expect(await readdir(root)).not.toContain('output');
  });

  it('prints help and errors without colour codes when they go to no terminal, whatever CI or NO_COLOR say', async () => {
    // Left empty, these would not turn colour off: only the output not being a terminal does.
    const env = { NO_COLOR: '', CI: '', TEST: '', FORCE_COLOR: '' };
    for (const args of [['--help'], ['check', '--help'], ['new', 'report', '--help'], ['check', '--foo']]) {
      const run = await runCli(args, { env });
      expect(run.stdout + run.stderr).toMatch(/USAGE/);
      expect(run.stdout + run.stderr, args.join(' ')).not.toMatch(/\u001b\[/);
    }
  });

  it('says in one line that a folder is no project', async () => {
    const empty = await makeTempDir('no-project');
    const run = await runCli(['check', '--root', empty]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `papers: E_USAGE  ${empty} is not a papers project: it has neither a data/ nor a content/ folder (give the project's folder with --root)`,
    ]);
  });
});
