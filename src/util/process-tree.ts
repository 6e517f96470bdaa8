import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface ProcessRow {
  pid: number;
  ppid: number;
  /** Resident memory in KB. */
  rss: number;
  args: string;
}

/** The machine's processes as `ps` lists them; none when `ps` cannot run. */
export async function listProcesses(): Promise<ProcessRow[]> {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,ppid=,rss=,args=']).catch(() => ({ stdout: '' }));
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [pid, ppid, rss, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args.join(' ') };
    });
}

/** `root` and every process started under it, however deep. */
export function collectDescendants(rows: readonly ProcessRow[], root: number): Set<number> {
  const family = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (family.has(row.ppid) && !family.has(row.pid)) {
        family.add(row.pid);
        grew = true;
      }
    }
  }
  return family;
}
