// What every part of the benchmark shares: the archives, the figures' rounding, the log, and
// the full build with PDFs that several parts measure from (made once, by the first that needs it).
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveSize } from '../src/bench/generate-archive.ts';
import { summariseProfile } from '../src/bench/summarise-profile.ts';
import { PACKAGE_ROOT } from '../src/render/render-site.ts';
import { type BuildMode, type ChildBuild, childBuild } from './bench-child.ts';

export interface BenchContext {
  work: string;
  quick: boolean;
  size: ArchiveSize;
  doubleSize: ArchiveSize;
  /** The archive, and one of double the size (made by the parts that need it). */
  root: string;
  doubleRoot: string;
  packMeeting: string;
  /** Reports printed by the naive printer. */
  sample: number;
  log: (text: string) => void;
  /** The full build with PDFs of the archive, once made. */
  full?: ChildBuild;
}

/** What one part measured: its figures for results.json, and its targets, met or not. */
export interface PartResult {
  figures: Record<string, unknown>;
  targets: Array<[string, boolean]>;
  /** Said after the figures when a target is missed: which stage holds it back, with a profile. */
  explain?: (missed: ReadonlySet<string>) => Promise<void>;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** One clean HTML build. */
export async function cleanHtmlBuild(root: string): Promise<ChildBuild> {
  await rm(path.join(root, 'output'), { recursive: true, force: true });
  return childBuild(root, 'html');
}

/** The full build with PDFs of the archive, from clean: made by the first part that needs it. */
export async function ensureFullBuild(ctx: BenchContext): Promise<ChildBuild> {
  if (ctx.full) return ctx.full;
  ctx.log('Full build with PDFs…');
  await rm(path.join(ctx.root, 'output'), { recursive: true, force: true });
  ctx.full = await childBuild(ctx.root, 'pdf');
  return ctx.full;
}

/** The faster of some runs (timings on shared machines vary by a third); memory is the largest. */
export function fastestOf(runs: readonly ChildBuild[]): ChildBuild {
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return {
    ...fastest,
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    peakTreeRssMb: Math.max(...runs.map((r) => r.peakTreeRssMb)),
  };
}

/** Every file under `dir`, by its path, with a hash of its bytes. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, string>();
  for (const e of entries) {
    const file = path.join(e.parentPath, e.name);
    out.set(
      path.relative(dir, file),
      createHash('sha1')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return out;
}

/** A build profiled, and where its own time went: said when a target is missed. */
export async function explainWithProfile(
  ctx: BenchContext,
  text: { title: string; stages: string },
  mode: BuildMode,
  args: string[] = [],
): Promise<void> {
  const profiles = path.join(PACKAGE_ROOT, 'output/bench/profiles');
  await rm(path.join(profiles, mode), { recursive: true, force: true });
  if (mode === 'html') await rm(path.join(ctx.root, 'output'), { recursive: true, force: true });
  await childBuild(ctx.root, mode, { args, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${path.join(profiles, mode)}`] });
  const [file] = await readdir(path.join(profiles, mode));
  const summary = await summariseProfile(path.join(profiles, mode, file ?? ''));
  const lines = (list: Array<{ where: string; seconds: number }>) =>
    list.map((l) => `    ${l.seconds.toFixed(2).padStart(6)} s  ${l.where}`).join('\n');
  process.stdout.write(
    `\n${text.title}\n  ${text.stages}\n  Own time, by part of papers or package:\n${lines(summary.parts)}\n  Project files, with what they call:\n${lines(summary.files)}\n  Functions, own time:\n${lines(summary.self)}\n  Profile: ${path.relative(PACKAGE_ROOT, path.join(profiles, mode, file ?? ''))}\n`,
  );
}
