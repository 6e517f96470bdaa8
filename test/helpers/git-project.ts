import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyExampleProject } from './project.ts';

const run = promisify(execFile);

/** Run git in a folder, with a fixed author and, when given, a commit date. */
export async function git(root: string, args: string[], date?: string): Promise<string> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Policy Officer',
    GIT_AUTHOR_EMAIL: 'officer@example.org',
    GIT_COMMITTER_NAME: 'Policy Officer',
    GIT_COMMITTER_EMAIL: 'officer@example.org',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  return (await run('git', ['-C', root, ...args], { env })).stdout;
}

/** The example project in a fresh git repository with one commit. */
export async function createGitProject(date = '2006-01-02T10:00:00Z'): Promise<string> {
  const root = await copyExampleProject();
  await git(root, ['init', '-q', '-b', 'main']);
  await git(root, ['add', '-A']);
  await git(root, ['commit', '-q', '-m', 'Example content'], date);
  return root;
}

export async function commitAll(root: string, message: string, date?: string): Promise<void> {
  await git(root, ['add', '-A']);
  await git(root, ['commit', '-q', '-m', message], date);
}
