// npm run bench [-- --quick] [--only html|pdf|memory|editing|import|scale] [--scale] [--scale-sizes 5000,10000,20000]
//               [--reports N] [--committees N] [--sets N] [--recommendations N] [--entries N] [--sample N]
// Builds a synthetic archive and measures papers on it against bare Eleventy, bare Pagefind, a bare
// print loop and a naive printer in the same run, and writes output/bench/results.json. The parts:
//   html     the HTML build like for like, and at double the size
//   pdf      the full build with PDFs, the packs, and printing against the bare loop
//   memory   the full build's memory, at the archive's size and at double it
//   editing  one edit rebuilt, `papers serve` showing edits, and the command's start
//   import   the built site imported into a project with the archive's data alone: the round trip
//   scale    archives of 5,000 to 20,000 reports (about half an hour on 2 cores; only with --scale or --only scale)
// --only <part> runs one part and keeps the other figures already in results.json; each run says how long each part took.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ArchiveSize, DEFAULT_SIZE, generateArchive } from '../src/bench/generate-archive.ts';
import { PACKAGE_ROOT } from '../src/render/render-site.ts';
import type { BenchContext, PartResult } from './bench-context.ts';
import { round } from './bench-context.ts';
import { runEditingPart } from './bench-editing.ts';
import { runImportPart } from './bench-import.ts';
import { runHtmlPart } from './bench-html.ts';
import { runMemoryPart } from './bench-memory.ts';
import { runPdfPart } from './bench-pdf.ts';
import { measureScale, plotScale, SCALE_SIZES, tabulateScale } from './bench-scale.ts';

const PARTS = ['html', 'pdf', 'memory', 'editing', 'import', 'scale'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reports: { type: 'string' },
    committees: { type: 'string' },
    sets: { type: 'string' },
    recommendations: { type: 'string' },
    entries: { type: 'string' },
    sample: { type: 'string' },
    scale: { type: 'boolean', default: false },
    only: { type: 'string' },
    'scale-sizes': { type: 'string' },
  },
});
if (values.only !== undefined && !PARTS.includes(values.only as Part))
  throw new Error(`--only ${values.only}: the parts are ${PARTS.join(', ')}`);
const parts: Part[] = values.only ? [values.only as Part] : PARTS.filter((part) => part !== 'scale' || values.scale);
const base: ArchiveSize = values.quick
  ? { reports: 60, committees: 3, sets: 3, recommendations: 10, entries: 6 }
  : DEFAULT_SIZE;
const size: ArchiveSize = {
  reports: Number(values.reports ?? base.reports),
  committees: Number(values.committees ?? base.committees),
  sets: Number(values.sets ?? base.sets),
  recommendations: Number(values.recommendations ?? base.recommendations),
  entries: Number(values.entries ?? base.entries),
};
const work = await mkdtemp(path.join(os.tmpdir(), 'papers-bench-'));
const log = (text: string) => process.stderr.write(`${text}\n`);
const ctx: BenchContext = {
  work,
  quick: values.quick ?? false,
  size,
  doubleSize: { ...size, reports: size.reports * 2 },
  root: path.join(work, 'archive'),
  doubleRoot: path.join(work, 'double'),
  packMeeting: '',
  sample: Number(values.sample ?? (values.quick ? 3 : 12)),
  log,
};
if (parts.some((part) => part !== 'scale')) {
  log(`Generating an archive of ${size.reports} reports in ${work}…`);
  ctx.packMeeting = (await generateArchive(ctx.root, size)).packMeeting;
}
if (parts.includes('html') || parts.includes('memory')) {
  log(`Generating an archive of ${ctx.doubleSize.reports} reports…`);
  await generateArchive(ctx.doubleRoot, ctx.doubleSize);
}

const RUN: Record<Exclude<Part, 'scale'>, (c: BenchContext) => Promise<PartResult>> = {
  html: runHtmlPart,
  pdf: runPdfPart,
  memory: runMemoryPart,
  editing: runEditingPart,
  import: runImportPart,
};
const partSeconds: Record<string, number> = {};
const figures: Record<string, unknown> = {};
const targets: Array<[string, boolean]> = [];
const explains: Array<PartResult['explain']> = [];
for (const part of parts) {
  const started = performance.now();
  if (part === 'scale') {
    const sizes = values['scale-sizes'] ? values['scale-sizes'].split(',').map(Number) : SCALE_SIZES;
    const scale = await measureScale(work, sizes, log);
    figures.scale = scale;
    targets.push(...scaleTargets(scale));
    const out = path.join(PACKAGE_ROOT, 'output/bench');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'scale.svg'), plotScale(scale));
    await writeFile(path.join(out, 'scale.md'), `${tabulateScale(scale)}\n`);
  } else {
    const result = await RUN[part](ctx);
    Object.assign(figures, result.figures);
    targets.push(...result.targets);
    explains.push(result.explain);
  }
  partSeconds[part] = round((performance.now() - started) / 1000, 0);
  log(`Part ${part} took ${partSeconds[part]} s.`);
}
// A run of one part keeps the figures of the others already in results.json; a whole run keeps only the scale part's.
const out = path.join(PACKAGE_ROOT, 'output/bench');
await mkdir(out, { recursive: true });
const file = path.join(out, 'results.json');
const kept = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
const keptFigures = values.only ? kept : kept.scale && !parts.includes('scale') ? { scale: kept.scale } : {};
// The Node process's peak in the builds measured: HTML, with PDFs, and after one edit.
const known = { ...keptFigures, ...figures };
const peaks = ['peak_rss_mb_html', 'peak_rss_mb_pdf', 'peak_rss_mb_incremental'].map((k) => known[k]);
if (peaks.some((p) => typeof p === 'number')) {
  figures.peak_rss_mb = Math.max(...peaks.filter((p): p is number => typeof p === 'number'));
  targets.push(['peak_rss_mb ≤ 1024', (figures.peak_rss_mb as number) <= 1024]);
}

function scaleTargets(scale: Awaited<ReturnType<typeof measureScale>>): Array<[string, boolean]> {
  const at20k = scale['20000'];
  const at10k = scale['10000'];
  if (!at20k) return [];
  return [
    ['scale: Node ≤ 1.5 GiB at 20,000 reports', at20k.node_peak_mb <= 1536],
    ['scale: incremental ≤ 10 s at 20,000 reports', at20k.incremental_seconds <= 10],
    [
      'scale: incremental beyond its check and its release ≤ 10 s at 20,000 reports',
      at20k.incremental_beyond_floor_seconds <= 10,
    ],
    ['scale: serve edit ≤ 1 s at 20,000 reports', at20k.serve_edit_seconds <= 1],
    ['scale: check ≤ 15 s at 20,000 reports', at20k.check_seconds <= 15],
    ...(at10k
      ? [['scale: build 20,000 / 10,000 ≤ 2.1', at20k.build_seconds / at10k.build_seconds <= 2.1] as [string, boolean]]
      : []),
  ];
}

const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
const results = {
  ...keptFigures,
  machine,
  size,
  ...figures,
  part_seconds: { ...(values.only ? (kept.part_seconds as object | undefined) : {}), ...partSeconds },
  targets: { ...(values.only ? (kept.targets as object | undefined) : {}), ...Object.fromEntries(targets) },
};
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
const rows = Object.entries(figures).filter(([, v]) => typeof v !== 'object');
const width = Math.max(0, ...rows.map(([k]) => k.length));
process.stdout.write(
  `${rows.map(([k, v]) => `${k.padEnd(width)}  ${String(v)}`).join('\n')}\n${figures.scale ? `\n${tabulateScale(figures.scale as Awaited<ReturnType<typeof measureScale>>)}\n` : ''}\n${targets.map(([t, ok]) => `${ok ? 'met    ' : 'NOT met'}  ${t}`).join('\n')}\n\n${Object.entries(
    partSeconds,
  )
    .map(([part, s]) => `part ${part}: ${s} s`)
    .join('\n')}\n\nwritten to output/bench/results.json\n`,
);

// Where a target is missed: which stage holds it back, and a profile of it on this archive.
const missed = new Set(targets.filter(([, ok]) => !ok).map(([t]) => t.split(' ')[0] ?? ''));
for (const explain of explains) await explain?.(missed);
await rm(work, { recursive: true, force: true });
