// npm run bench [-- --quick] [--reports N] [--committees N] [--sets N] [--recommendations N] [--entries N] [--sample N]
// Builds a synthetic archive, measures it against a bare Eleventy build and a naive
// one-Chromium-per-PDF print in the same run, and writes output/bench/results.json.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { Eleventy } from '@11ty/eleventy';
import { parse } from 'yaml';
import { DEFAULT_SIZE, generateArchive, type ArchiveSize } from '../src/bench/generate-archive.ts';
import { addProgressEntry } from '../src/edit/add-progress-entry.ts';
import { addDays } from '../src/model/dates.ts';
import { findBrowser } from '../src/pdf/find-browser.ts';
import { serveDirectory } from '../src/pdf/serve-directory.ts';
import { PACKAGE_ROOT } from '../src/render/render-site.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reports: { type: 'string' },
    committees: { type: 'string' },
    sets: { type: 'string' },
    recommendations: { type: 'string' },
    entries: { type: 'string' },
    sample: { type: 'string' },
  },
});
const base: ArchiveSize = values.quick ? { reports: 60, committees: 3, sets: 3, recommendations: 10, entries: 6 } : DEFAULT_SIZE;
const size: ArchiveSize = {
  reports: Number(values.reports ?? base.reports),
  committees: Number(values.committees ?? base.committees),
  sets: Number(values.sets ?? base.sets),
  recommendations: Number(values.recommendations ?? base.recommendations),
  entries: Number(values.entries ?? base.entries),
};
const sample = Number(values.sample ?? (values.quick ? 3 : 12));
const work = await mkdtemp(path.join(os.tmpdir(), 'papers-bench-'));
const log = (text: string) => process.stderr.write(`${text}\n`);

interface ChildBuild {
  seconds: number;
  timings: { check: number; html: number; pdf: number; finish: number };
  pdfs: { printed: number; reused: number; total: number; packPrintings: number } | null;
  pages: { rendered: number; reused: number } | null;
  search: { indexed: number; reused: number } | null;
  printed: Array<{ url: string; seconds: number }>;
  reports: number;
  peakRssMb: number;
  /** The largest sum of resident memory of the build and every process under it (Chromium, Pagefind), sampled. */
  peakTreeRssMb: number;
}

type BuildMode = 'html' | 'pdf' | 'packs-foretold' | 'packs-printed-twice';

/** Run one build in a process of its own, sampling the memory of its whole process tree as it goes. */
async function childBuild(root: string, mode: BuildMode): Promise<ChildBuild> {
  await settleDisk();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PACKAGE_ROOT, 'scripts/bench-build.ts'), root, mode], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,ppid=,rss=']).catch(() => ({ stdout: '' }));
  const rows = stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, parent] of rows) if (tree.has(parent) && !tree.has(p)) (tree.add(p), (grew = true));
  }
  return rows.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

async function hashTree(dir: string): Promise<Map<string, string>> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, string>();
  for (const e of entries) {
    const file = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, file), createHash('sha1').update(await readFile(file)).digest('hex'));
  }
  return out;
}

/** Write out what earlier steps left in the page cache, so it does not slow the step measured next. */
async function settleDisk(): Promise<void> {
  await promisify(execFile)('sync').catch(() => undefined);
}

/** One clean HTML build. */
async function cleanHtmlBuild(root: string): Promise<ChildBuild> {
  await rm(path.join(root, 'output'), { recursive: true, force: true });
  return childBuild(root, 'html');
}

/** The faster of some runs (timings on shared machines vary by a third); memory is the largest. */
function fastestOf(runs: readonly ChildBuild[]): ChildBuild {
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...fastest, peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)), peakTreeRssMb: Math.max(...runs.map((r) => r.peakTreeRssMb)) };
}

/** The reports' Markdown bodies, without front matter, as the bare baseline's input. */
async function writeBaselineInput(root: string): Promise<string> {
  const input = path.join(work, 'baseline-src');
  await mkdir(input, { recursive: true });
  const reportsDir = path.join(root, 'content/reports');
  let n = 0;
  for (const e of await readdir(reportsDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.md')) continue;
    const text = await readFile(path.join(e.parentPath, e.name), 'utf8');
    await writeFile(path.join(input, `${n++}.md`), text.slice(text.indexOf('\n---\n', 4) + 5));
  }
  await writeFile(path.join(work, 'bare.config.mjs'), 'export default function () {}\n');
  return input;
}

/** The same Markdown bodies through a bare Eleventy config, one clean run: the floor any Eleventy site pays. */
async function baselineEleventy(input: string): Promise<number> {
  await rm(path.join(work, 'baseline-out'), { recursive: true, force: true });
  await settleDisk();
  const started = performance.now();
  await new Eleventy(input, path.join(work, 'baseline-out'), { quietMode: true, configPath: path.join(work, 'bare.config.mjs') }).write();
  return (performance.now() - started) / 1000;
}

/** One `chromium --headless --print-to-pdf` process per report: what a simple script would do. */
async function naivePdfPerSecond(siteDir: string, urls: readonly string[]): Promise<number> {
  const server = await serveDirectory(siteDir);
  const browser = findBrowser();
  const started = performance.now();
  try {
    for (const [i, url] of urls.entries()) {
      const profile = await mkdtemp(path.join(work, 'naive-profile-'));
      await new Promise<void>((resolve, reject) => {
        const child = spawn(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${path.join(work, `naive-${i}.pdf`)}`, server.origin + url], { stdio: 'ignore' });
        child.on('error', reject);
        child.on('close', () => resolve());
      });
      await rm(profile, { recursive: true, force: true });
    }
  } finally {
    await server.close();
  }
  return urls.length / ((performance.now() - started) / 1000);
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

log(`Generating an archive of ${size.reports} reports, and one of double the size, in ${work}…`);
const root = path.join(work, 'archive');
const { packMeeting } = await generateArchive(root, size);
const doubleRoot = path.join(work, 'double');
const doubleSize = { ...size, reports: size.reports * 2 };
await generateArchive(doubleRoot, doubleSize);
const baselineInput = await writeBaselineInput(root);

// The runs whose times are compared are taken in turn, so a machine that slows down
// over the benchmark slows each of them alike; each figure is the faster of two runs.
log(`Bare Eleventy over the same Markdown, the HTML build, and the HTML build at ${size.reports * 2} reports, each twice in turn…`);
const baselines: number[] = [];
const htmlRuns: ChildBuild[] = [];
const doubleRuns: ChildBuild[] = [];
for (let i = 0; i < 2; i++) {
  baselines.push(await baselineEleventy(baselineInput));
  htmlRuns.push(await cleanHtmlBuild(root));
  doubleRuns.push(await cleanHtmlBuild(doubleRoot));
}
log(`Full build with PDFs at ${size.reports * 2} reports, for its memory…`);
await rm(path.join(doubleRoot, 'output'), { recursive: true, force: true });
const doubleFull = await childBuild(doubleRoot, 'pdf');
await rm(doubleRoot, { recursive: true, force: true });
const baseline = Math.min(...baselines);
const html = fastestOf(htmlRuns);
const double = fastestOf(doubleRuns);
log('Full build with PDFs…');
await rm(path.join(root, 'output'), { recursive: true, force: true });
const full = await childBuild(root, 'pdf');
const siteDir = path.join(root, 'output/site');
const pdfCount = full.pdfs?.printed ?? 0;
const pack = full.printed.find((p) => p.url.includes(`${packMeeting.split('/')[0]}-${packMeeting.split('/')[1]}-pack.pdf`));

log('The committee packs alone, their agenda pages worked out beforehand and found by printing twice, each twice in turn…');
const packsForetold: ChildBuild[] = [];
const packsTwice: ChildBuild[] = [];
for (let i = 0; i < 2; i++) {
  packsForetold.push(await childBuild(root, 'packs-foretold'));
  packsTwice.push(await childBuild(root, 'packs-printed-twice'));
}
const packsOnce = fastestOf(packsForetold);
const packsBefore = fastestOf(packsTwice);

log(`Naive printing of ${sample} reports…`);
const reportUrls = full.printed.filter((p) => !p.url.endsWith('-pack.pdf')).slice(0, sample).map((p) => p.url.replace(/[^/]+\.pdf$/, ''));
const naive = await naivePdfPerSecond(siteDir, reportUrls);

log('Editing one recommendation and rebuilding…');
const before = await hashTree(siteDir);
const recFile = path.join(root, 'content/recommendations/set-01/01.yaml');
// Dated the day after the action's latest entry (entries are kept oldest first), inside the
// archive's span, so the reports after it that show set-01 change.
const recText = await readFile(recFile, 'utf8');
const latest = (parse(recText) as { key_points: Array<{ actions: Array<{ progress: Array<{ date: string }> }> }> }).key_points[0]?.actions[0]?.progress.at(-1)?.date ?? '2003-09-01';
const editDate = addDays(latest, 1);
await writeFile(recFile, addProgressEntry(recText, 0, 0, { date: editDate, status: 'completed', result: `Completed ${editDate} (benchmark edit).` }));
const incremental = await childBuild(root, 'pdf');
const after = await hashTree(siteDir);
const changedPages = [...after].filter(([file, hash]) => file.endsWith('.html') && before.get(file) !== hash).length;

log('Starting `papers --help` as a whole process, from the compiled build and from the source, five times each in turn…');
const startFrom = async (source: boolean) => {
  const started = performance.now();
  await promisify(execFile)(process.execPath, [path.join(PACKAGE_ROOT, 'bin/papers.js'), '--help'], { env: { ...process.env, ...(source ? { PAPERS_SOURCE: '1' } : {}) } });
  return (performance.now() - started) / 1000;
};
const starts = { compiled: [] as number[], source: [] as number[] };
for (let i = 0; i < 5; i++) {
  starts.compiled.push(await startFrom(false));
  starts.source.push(await startFrom(true));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const pdfPerSecond = pdfCount / Math.max(full.timings.pdf, 0.001);
const results = {
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  size,
  reports: full.reports,
  html_seconds: round(html.seconds),
  // Seconds in each stage: check (load, validate, model), render (Eleventy), finish (mostly the search indexes).
  html_stages: { check: round(html.timings.check), render: round(html.timings.html), finish: round(html.timings.finish) },
  baseline_eleventy_seconds: round(baseline),
  html_ratio: round(html.seconds / baseline),
  // The part of the HTML build that the baseline does too (check and render, no search index), and its ratio.
  pages_seconds: round(html.timings.check + html.timings.html),
  pages_ratio: round((html.timings.check + html.timings.html) / baseline),
  search_seconds: round(html.seconds - html.timings.check - html.timings.html),
  full_build_seconds: round(full.seconds),
  pdfs: pdfCount,
  pdf_seconds: round(full.timings.pdf),
  pdf_per_second: round(pdfPerSecond),
  naive_pdf_sample: reportUrls.length,
  naive_pdf_per_second: round(naive),
  pdf_speedup: round(pdfPerSecond / naive),
  pack_reports: 20,
  pack_seconds: round(pack?.seconds ?? 0),
  // Every pack printed alone on the built site, in turn: agenda pages worked out from the reports' PDFs (now), or found by printing each pack twice (before).
  packs: packsOnce.pdfs?.printed ?? 0,
  pack_printings: packsOnce.pdfs?.packPrintings ?? 0,
  pack_printings_printed_twice: packsBefore.pdfs?.packPrintings ?? 0,
  packs_seconds: round(packsOnce.seconds),
  packs_seconds_printed_twice: round(packsBefore.seconds),
  // The PDF stage of the full build, and as it would be with the packs printed twice (their difference added).
  pdf_seconds_packs_printed_twice: round(full.timings.pdf + packsBefore.seconds - packsOnce.seconds),
  incremental_seconds: round(incremental.seconds),
  incremental_share_of_full: round(incremental.seconds / full.seconds, 3),
  // Pages Eleventy rendered again (the rest were copied from the previous build), and pages whose bytes changed.
  incremental_pages: incremental.pages?.rendered ?? 0,
  incremental_pages_reused: incremental.pages?.reused ?? 0,
  incremental_pages_changed: changedPages,
  incremental_search_pages: incremental.search?.indexed ?? 0,
  incremental_pdfs: incremental.pdfs?.printed ?? 0,
  // The Node process of each build at the default size (Chromium and Pagefind run as processes of their own).
  peak_rss_mb: round(Math.max(html.peakRssMb, full.peakRssMb, incremental.peakRssMb), 0),
  peak_rss_mb_double: round(double.peakRssMb, 0),
  // The full build with PDFs: the Node process alone, and the whole process tree (Node, Chromium, Pagefind), at the default and double size.
  peak_rss_mb_pdf: round(full.peakRssMb, 0),
  peak_rss_mb_tree: round(full.peakTreeRssMb, 0),
  peak_rss_mb_pdf_double: round(doubleFull.peakRssMb, 0),
  peak_rss_mb_tree_double: round(doubleFull.peakTreeRssMb, 0),
  scaling: round(double.seconds / html.seconds),
  html_stages_double: { check: round(double.timings.check), render: round(double.timings.html), finish: round(double.timings.finish) },
  // `papers --help` as a whole process (median of 5): from dist/ as `npm ci` compiles it, and from the TypeScript source through tsx.
  cli_start_seconds: round(median(starts.compiled)),
  cli_start_seconds_source: round(median(starts.source)),
};
const targets: Array<[string, boolean]> = [
  ['html_ratio ≤ 1.5', results.html_ratio <= 1.5],
  ['pdf_speedup ≥ 5', results.pdf_speedup >= 5],
  ['incremental < 5% of full', results.incremental_share_of_full < 0.05],
  ['peak_rss_mb ≤ 1024', results.peak_rss_mb <= 1024],
  [`Node ≤ 1024 MB in the full build with PDFs at ${doubleSize.reports} reports`, results.peak_rss_mb_pdf_double <= 1024],
  ['scaling ≤ 2.2', results.scaling <= 2.2],
  ['cli_start_seconds < 0.3', results.cli_start_seconds < 0.3],
];
const out = path.join(PACKAGE_ROOT, 'output/bench');
await mkdir(out, { recursive: true });
await writeFile(path.join(out, 'results.json'), `${JSON.stringify({ ...results, targets: Object.fromEntries(targets) }, null, 2)}\n`);
const rows = Object.entries(results).filter(([, v]) => typeof v !== 'object');
const width = Math.max(...rows.map(([k]) => k.length));
process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(width)}  ${String(v)}`).join('\n')}\n\n${targets.map(([t, ok]) => `${ok ? 'met    ' : 'NOT met'}  ${t}`).join('\n')}\n\nwritten to output/bench/results.json\n`);
await rm(work, { recursive: true, force: true });
