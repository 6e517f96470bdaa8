import { readFile } from 'node:fs/promises';
import { collectDescendants, listProcesses } from '../../src/util/process-tree.ts';
import { makeTempDir } from './temp-dir.ts';

/**
 * Give this test file a temporary folder of its own for Chromium's profiles,
 * so the profiles it makes (and any a killed run leaves) are its own.
 */
export async function useOwnTempDir(): Promise<string> {
  const dir = await makeTempDir('tmp');
  process.env.TMPDIR = dir;
  return dir;
}

/**
 * Note every Chromium process this test file starts: the browsers under this
 * process (vitest runs each file in a process of its own), in it or in a
 * `papers` it runs, sampled as they run. `alive` then names those still
 * running, even after their parent was killed and they were handed to another;
 * no other process on the machine is ever looked at or counted.
 */
export function trackChromium(everyMs = 50): { alive(): Promise<number[]>; seen(): number; stop(): void } {
  const seen = new Set<number>();
  const sample = async () => {
    const rows = await listProcesses();
    const ours = collectDescendants(rows, process.pid);
    for (const row of rows) if (ours.has(row.pid) && row.args.includes('papers-chromium-')) seen.add(row.pid);
  };
  const timer = setInterval(() => void sample(), everyMs);
  return {
    async alive() {
      await sample();
      const left: number[] = [];
      // A pid still taken, by a process that is still one of our browsers (not a later process given the same number).
      for (const pid of seen)
        if ((await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).includes('papers-chromium-'))
          left.push(pid);
      return left;
    },
    /** How many browser processes were seen in all: a check that the tracking saw anything. */
    seen: () => seen.size,
    stop: () => clearInterval(timer),
  };
}
