import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { makeTempDir } from './temp-dir.ts';

/**
 * Give this test file a temporary folder of its own: every Chromium it starts,
 * in this process or in a `papers` it runs, keeps its profile there. A browser
 * left behind is then found by that path alone, never confused with the
 * browsers of other tests or other work on the same machine.
 */
export async function useOwnTempDir(): Promise<string> {
  const dir = await makeTempDir('tmp');
  process.env.TMPDIR = dir;
  return dir;
}

/** The Chromium processes whose profile is in `dir`, one pid a line; empty when there are none. */
export async function chromiumProcessesIn(dir: string): Promise<string> {
  return promisify(execFile)('pgrep', ['-f', `${dir}/papers-chromium-`]).then((r) => r.stdout.trim(), () => '');
}
