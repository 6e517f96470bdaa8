import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);

/** A command of `papers` in a shell whose limit of open files is `limit`, as on a laptop's defaults or lower. */
async function runLimited(limit: number, args: string[]): Promise<{ code: number; out: string }> {
  const command = `ulimit -n ${limit} && echo "limit $(ulimit -n)" && exec node ${JSON.stringify(path.join(REPO_ROOT, 'bin/papers.js'))} "$@"`;
  try {
    const { stdout, stderr } = await run('bash', ['-c', command, 'papers', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('an archive of 5,000 files within an open-file limit of 256', () => {
  it('check and build --no-pdf succeed: no stage holds more than a fixed number of files open', async () => {
    const root = await makeTempDir('file-limit');
    await generateArchive(root, { reports: 4200, committees: 10, sets: 10, recommendations: 35, entries: 6 });
    const files = await readdir(root, { recursive: true, withFileTypes: true });
    expect(files.filter((f) => f.isFile()).length).toBeGreaterThanOrEqual(5000);
    const check = await runLimited(256, ['check', '--root', root]);
    expect(check.out).toContain('limit 256');
    expect(check.out, check.out.slice(0, 2000)).toContain('check passed: 4200 reports');
    expect(check.code).toBe(0);
    const build = await runLimited(256, ['build', '--no-pdf', '--root', root]);
    expect(build.out.slice(-2000)).toContain('Built 4200 reports');
    expect(build.code).toBe(0);
    expect(build.out).not.toMatch(/EMFILE|too many open files/i);
  }, 600_000);
});
