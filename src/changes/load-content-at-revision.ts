import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadContent } from '../content/load-content.ts';
import { UsageError } from '../errors/usage-error.ts';
import { isRealDate } from '../schemas/common.ts';
import { todayIso } from '../validate/check-targets.ts';
import type { Content } from '../content/content.ts';
import { validateContent } from '../validate/validate-content.ts';

const run = promisify(execFile);

async function git(root: string, args: string[]): Promise<string> {
  try {
    return (await run('git', ['-C', root, ...args], { maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' })).stdout
      .toString('utf8')
      .trim();
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new UsageError(`git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/**
 * The commit to compare against: a revision as given, or for a date the last
 * commit before that day began (none: everything counts as new).
 */
export async function resolveSince(root: string, since: string): Promise<string | undefined> {
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) {
    if (!isRealDate(since)) throw new UsageError(`--since ${since} is not a real date`);
    if (since > todayIso())
      throw new UsageError(`--since ${since} is after today: nothing can have changed since then`);
    const rev = await git(root, ['rev-list', '-1', `--before=${since}T00:00:00Z`, 'HEAD']);
    return rev || undefined;
  }
  return git(root, ['rev-parse', '--verify', '--quiet', `${since}^{commit}`]).catch(() => {
    throw new UsageError(`"${since}" is neither a git revision of this repository nor a date written YYYY-MM-DD`);
  });
}

/** The content and data of the project as they were at a commit. */
export async function loadContentAtRevision(root: string, rev: string): Promise<Content | undefined> {
  const prefix = await git(root, ['rev-parse', '--show-prefix']);
  const tree = `${rev}:${prefix}`;
  const listed = (await git(root, ['ls-tree', '--name-only', tree])).split('\n');
  const paths = ['content', 'data'].filter((p) => listed.includes(p));
  if (!paths.includes('data')) return undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'papers-at-'));
  try {
    const tar = path.join(dir, 'tree.tar');
    await git(root, ['archive', '--format=tar', `--output=${tar}`, tree, ...paths]);
    await run('tar', ['-xf', tar, '-C', dir]);
    const checked = validateContent(await loadContent(dir));
    // Content that did not pass then cannot be compared: saying "everything is new" would be wrong.
    if (!checked.content)
      throw new UsageError(
        `the content at ${rev.slice(0, 7)} does not pass check (${checked.errors.length} problems), so it cannot be compared: give a later revision or date`,
      );
    return checked.content;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
