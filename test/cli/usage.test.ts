import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { createGitProject, git } from '../helpers/git-project.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('commands refuse what they cannot do right, and write nothing', () => {
  it('new refuses a set or committee that is not a code, and a number that is not a whole number', async () => {
    const root = await createGitProject();
    const outside = await runCli(['new', 'recommendation', '--set', '../../../x', '--root', root]);
    expect(outside.code).not.toBe(0);
    expect(outside.stderr).toContain('--set ../../../x is not a code');
    const nan = await runCli(['new', 'report', '--committee', 'x-ppr', '--date', '2005-12-08', '--title', 'T', '--number', 'abc', '--root', root]);
    expect(nan.code).not.toBe(0);
    expect(nan.stderr).toContain('--number abc is not a whole number');
    expect(await git(root, ['status', '--porcelain'])).toBe('');
    expect(await readdir(path.dirname(root))).not.toContain('x');
  });

  it('status finds a recommendation written with leading zeros', async () => {
    const root = await createGitProject();
    const run = await runCli(['status', 'cdrp-scrutiny-2003/0003', '--action', '1', '--status', 'completed', '--result', 'Completed', '--date', '2006-01-01', '--root', root]);
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
