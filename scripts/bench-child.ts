// One build of a benchmark archive in a process of its own (scripts/bench-build.ts), its whole process tree's memory sampled.
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../src/render/render-site.ts';
import { collectDescendants, listProcesses } from '../src/util/process-tree.ts';

export interface ChildBuild {
  seconds: number;
  timings: { check: number; html: number; pdf: number; finish: number; search: number };
  pdfs: { printed: number; reused: number; total: number; packPrintings: number } | null;
  pages: { rendered: number; reused: number } | null;
  search: { indexed: number; reused: number } | null;
  printed: Array<{ url: string; seconds: number }>;
  /** PDFs printed, in the two modes that print a sample. */
  count?: number;
  reports: number;
  peakRssMb: number;
  /** The largest sum of resident memory of the build and every process under it (Chromium, Pagefind), sampled. */
  peakTreeRssMb: number;
}

export type BuildMode =
  | 'import'
  | 'check'
  | 'check-kept'
  | 'html'
  | 'pdf'
  | 'packs-foretold'
  | 'packs-printed-twice'
  | 'pdf-sample'
  | 'pdf-bare'
  | 'packs-sample'
  | 'packs-bare';

/** Run one build in a process of its own, sampling the memory of its whole process tree as it goes. */
export async function childBuild(
  root: string,
  mode: BuildMode,
  extra: { args?: string[]; nodeFlags?: string[]; openFiles?: number } = {},
): Promise<ChildBuild> {
  await settleDisk();
  const node = [
    ...(extra.nodeFlags ?? []),
    '--import',
    'tsx',
    path.join(PACKAGE_ROOT, 'scripts/bench-build.ts'),
    root,
    mode,
    ...(extra.args ?? []),
  ];
  // With a limit of open files, the build runs under it as a shell's `ulimit -n` sets it (the shell becomes the build).
  const child = extra.openFiles
    ? spawn('sh', ['-c', `ulimit -n ${extra.openFiles} && exec "$0" "$@"`, process.execPath, ...node], {
        cwd: PACKAGE_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, node, { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let peakTree = 0;
  const sampler = setInterval(() => {
    void treeRssMb(child.pid ?? 0).then((mb) => (peakTree = Math.max(peakTree, mb)));
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the ${mode} build failed: ${stderr.slice(-2000)}`);
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildBuild), peakTreeRssMb: peakTree };
}

/** Resident memory of a process and all its descendants, in MB (shared pages count once per process: an upper bound). */
async function treeRssMb(pid: number): Promise<number> {
  const rows = await listProcesses();
  const tree = collectDescendants(rows, pid);
  return rows.filter((row) => tree.has(row.pid)).reduce((sum, row) => sum + row.rss, 0) / 1024;
}

/** Write out what earlier steps left in the page cache, so it does not slow the step measured next. */
export async function settleDisk(): Promise<void> {
  await promisify(execFile)('sync').catch(() => undefined);
}
