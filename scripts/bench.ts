// npm run bench [-- --quick] [--reports N] [--committees N] [--sets N] [--recommendations N] [--entries N] [--sample N]
//                [--scale] [--only scale] [--scale-sizes 5000,10000,20000]
// Builds a synthetic archive, measures it against a bare Eleventy build and a naive
// one-Chromium-per-PDF print in the same run, and writes output/bench/results.json.
// --scale adds the scale part (archives of 5,000 to 20,000 reports; about half an hour on 2 cores);
// --only scale runs it alone. Its figures go under `scale` in results.json, with scale.svg and scale.md beside it.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { Eleventy } from '@11ty/eleventy';
import { parse } from 'yaml';
import { DEFAULT_SIZE, generateArchive, type ArchiveSize } from '../src/bench/generate-archive.ts';
import { measureServeEdits } from '../src/bench/measure-serve-edits.ts';
import { summariseProfile } from '../src/bench/summarise-profile.ts';
import { addProgressEntry } from '../src/edit/add-progress-entry.ts';
import { addDays } from '../src/domain/dates.ts';
import { findBrowser } from '../src/pdf/find-browser.ts';
import { serveDirectory } from '../src/pdf/serve-directory.ts';
import { PACKAGE_ROOT } from '../src/render/render-site.ts';
import { measureScale, plotScale, SCALE_SIZES, tabulateScale } from './bench-scale.ts';
import { type BuildMode, type ChildBuild, childBuild, settleDisk } from './bench-child.ts';

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
if (values.only !== undefined && values.only !== 'scale')
  throw new Error(`--only ${values.only}: the part that runs alone is scale`);
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
const sample = Number(values.sample ?? (values.quick ? 3 : 12));
const work = await mkdtemp(path.join(os.tmpdir(), 'papers-bench-'));
const log = (text: string) => process.stderr.write(`${text}\n`);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const partSeconds: Record<string, number> = {};
/** Run one part of the benchmark, saying how long it took. */
async function timePart<T>(name: string, part: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await part();
  partSeconds[name] = round((performance.now() - started) / 1000, 0);
  log(`Part ${name} took ${partSeconds[name]} s.`);
  return result;
}

/** The scale part: its figures under `scale` in results.json (kept with the other figures already there), a plot and a table. */
async function runScale(): Promise<void> {
  const sizes = values['scale-sizes'] ? values['scale-sizes'].split(',').map(Number) : SCALE_SIZES;
  const scale = await timePart('scale', () => measureScale(work, sizes, log));
  const out = path.join(PACKAGE_ROOT, 'output/bench');
  await mkdir(out, { recursive: true });
  const file = path.join(out, 'results.json');
  const kept = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  const at20k = scale['20000'];
  const at10k = scale['10000'];
  const targets = {
    ...(kept.targets as object | undefined),
    ...(at20k
      ? {
          'scale: Node ≤ 1.5 GiB at 20,000 reports': at20k.node_peak_mb <= 1536,
          'scale: incremental ≤ 10 s at 20,000 reports': at20k.incremental_seconds <= 10,
          'scale: serve edit ≤ 1 s at 20,000 reports': at20k.serve_edit_seconds <= 1,
          'scale: check ≤ 15 s at 20,000 reports': at20k.check_seconds <= 15,
          ...(at10k ? { 'scale: build 20,000 / 10,000 ≤ 2.1': at20k.build_seconds / at10k.build_seconds <= 2.1 } : {}),
        }
      : {}),
  };
  await writeFile(
    file,
    `${JSON.stringify({ ...kept, scale, part_seconds: { ...(kept.part_seconds as object | undefined), ...partSeconds }, targets }, null, 2)}\n`,
  );
  await writeFile(path.join(out, 'scale.svg'), plotScale(scale));
  await writeFile(path.join(out, 'scale.md'), `${tabulateScale(scale)}\n`);
  process.stdout.write(
    `${tabulateScale(scale)}\n\n${Object.entries(targets)
      .filter(([t]) => t.startsWith('scale'))
      .map(([t, ok]) => `${ok ? 'met    ' : 'NOT met'}  ${t}`)
      .join('\n')}\n\nwritten to output/bench/results.json, scale.svg and scale.md\n`,
  );
}

if (values.only === 'scale') {
  await runScale();
  await rm(work, { recursive: true, force: true });
  process.exit(0);
}

async function hashTree(dir: string): Promise<Map<string, string>> {
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

/** One clean HTML build. */
async function cleanHtmlBuild(root: string): Promise<ChildBuild> {
  await rm(path.join(root, 'output'), { recursive: true, force: true });
  return childBuild(root, 'html');
}

/** The faster of some runs (timings on shared machines vary by a third); memory is the largest. */
function fastestOf(runs: readonly ChildBuild[]): ChildBuild {
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return {
    ...fastest,
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    peakTreeRssMb: Math.max(...runs.map((r) => r.peakTreeRssMb)),
  };
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

/**
 * Bare Eleventy over `input`, one clean run into a folder of its own: over the bodies alone, the
 * floor any Eleventy site pays; over the like-for-like input, the same pages in one layout.
 */
async function bareEleventy(input: string): Promise<number> {
  const out = `${input}-out`;
  await rm(out, { recursive: true, force: true });
  await settleDisk();
  const started = performance.now();
  await new Eleventy(input, out, { quietMode: true, configPath: path.join(work, 'bare.config.mjs') }).write();
  return (performance.now() - started) / 1000;
}

/**
 * The like-for-like Eleventy baseline's input: as many pages as the HTML build renders, each one of
 * the reports' Markdown bodies in turn, in one layout like the site's (head, header with the site's
 * navigation, breadcrumbs, main, footer), with Eleventy's defaults otherwise.
 */
async function writeLikeInput(root: string, pages: number): Promise<string> {
  const input = path.join(work, 'like-src');
  await rm(input, { recursive: true, force: true });
  await mkdir(path.join(input, '_includes'), { recursive: true });
  const bodies: string[] = [];
  for (const e of await readdir(path.join(root, 'content/reports'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.md')) continue;
    const text = await readFile(path.join(e.parentPath, e.name), 'utf8');
    bodies.push(text.slice(text.indexOf('\n---\n', 4) + 5));
  }
  for (let i = 0; i < pages; i++) {
    await writeFile(
      path.join(input, `${i}.md`),
      `---\nlayout: page.njk\ntitle: Page ${i}\n---\n${bodies[i % bodies.length]}`,
    );
  }
  await mkdir(path.join(input, '_data'), { recursive: true });
  await writeFile(
    path.join(input, '_data/site.json'),
    JSON.stringify({
      title: 'Committee papers',
      body: 'A public body',
      nav: ['Home', 'Committees', 'Recommendations', 'Boroughs', 'Glossary', 'Search', 'Open data'].map((label) => ({
        label,
        href: `/${label.toLowerCase().replace(/ /g, '-')}/`,
      })),
    }),
  );
  await writeFile(path.join(input, '_includes/page.njk'), LIKE_LAYOUT);
  return input;
}

const LIKE_LAYOUT = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} – {{ site.title }}</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="stylesheet" href="/assets/print.css" media="print">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<p class="site-title"><a href="/">{{ site.title }}</a></p>
<nav class="site-nav" aria-label="Site"><ul>
{%- for link in site.nav %}<li><a href="{{ link.href }}">{{ link.label }}</a></li>{%- endfor %}
</ul></nav>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/committees/">Committees</a></li><li aria-current="page">{{ title }}</li></ol></nav>
<main id="main" tabindex="-1">
<h1>{{ title }}</h1>
<div data-pagefind-body>{{ content | safe }}</div>
</main>
<footer class="site-footer"><p>{{ site.body }}</p></footer>
</body>
</html>
`;

/** Bare `pagefind --site` over a built site, into a folder of its own. */
async function barePagefind(siteDir: string): Promise<number> {
  const out = path.join(work, 'pagefind-out');
  await rm(out, { recursive: true, force: true });
  await settleDisk();
  const started = performance.now();
  await promisify(execFile)(
    path.join(PACKAGE_ROOT, 'node_modules/.bin/pagefind'),
    ['--site', siteDir, '--output-path', out, '--force-language', 'en'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  await rm(out, { recursive: true, force: true });
  return seconds;
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
        const child = spawn(
          browser,
          [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            `--user-data-dir=${profile}`,
            '--no-pdf-header-footer',
            `--print-to-pdf=${path.join(work, `naive-${i}.pdf`)}`,
            server.origin + url,
          ],
          { stdio: 'ignore' },
        );
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

log(`Generating an archive of ${size.reports} reports, and one of double the size, in ${work}…`);
const root = path.join(work, 'archive');
const { packMeeting } = await generateArchive(root, size);
const doubleRoot = path.join(work, 'double');
const doubleSize = { ...size, reports: size.reports * 2 };
await generateArchive(doubleRoot, doubleSize);
const baselineInput = await writeBaselineInput(root);

// The runs whose times are compared are taken in turn, so a machine that slows down
// over the benchmark slows each of them alike; each figure is the faster of two runs.
log(
  `Bare Eleventy over the same Markdown, the HTML build, and the HTML build at ${size.reports * 2} reports, each twice in turn…`,
);
const baselines: number[] = [];
const htmlRuns: ChildBuild[] = [];
const doubleRuns: ChildBuild[] = [];
const likeRuns: number[] = [];
const pagefindRuns: number[] = [];
let likeInput: string | undefined;
for (let i = 0; i < 2; i++) {
  baselines.push(await bareEleventy(baselineInput));
  htmlRuns.push(await cleanHtmlBuild(root));
  // Like for like: bare Pagefind over the HTML just built, and bare Eleventy over as many pages as it rendered.
  pagefindRuns.push(await barePagefind(path.join(root, 'output/site')));
  likeInput ??= await writeLikeInput(root, htmlRuns[0]?.pages?.rendered ?? size.reports);
  likeRuns.push(await bareEleventy(likeInput));
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
const pack = full.printed.find((p) =>
  p.url.includes(`${packMeeting.split('/')[0]}-${packMeeting.split('/')[1]}-pack.pdf`),
);

log(
  'The committee packs alone, their agenda pages worked out beforehand and found by printing twice, each twice in turn…',
);
const packsForetold: ChildBuild[] = [];
const packsTwice: ChildBuild[] = [];
for (let i = 0; i < 2; i++) {
  packsForetold.push(await childBuild(root, 'packs-foretold'));
  packsTwice.push(await childBuild(root, 'packs-printed-twice'));
}
const packsOnce = fastestOf(packsForetold);
const packsBefore = fastestOf(packsTwice);

const printSample = values.quick ? 12 : 300;
log(
  `The first ${printSample} reports' PDFs printed as papers prints them, and by a bare loop through one browser, each twice in turn…`,
);
const sampleRuns: ChildBuild[] = [];
const bareRuns: ChildBuild[] = [];
for (let i = 0; i < 2; i++) {
  sampleRuns.push(await childBuild(root, 'pdf-sample', { args: [String(printSample)] }));
  bareRuns.push(await childBuild(root, 'pdf-bare', { args: [String(printSample)] }));
}
const sampleBest = fastestOf(sampleRuns);
const bareBest = fastestOf(bareRuns);

log(`Naive printing of ${sample} reports…`);
const reportUrls = full.printed
  .filter((p) => !p.url.endsWith('-pack.pdf'))
  .slice(0, sample)
  .map((p) => p.url.replace(/[^/]+\.pdf$/, ''));
const naive = await naivePdfPerSecond(siteDir, reportUrls);

log('Editing one recommendation and rebuilding…');
const before = await hashTree(siteDir);
const recFile = path.join(root, 'content/recommendations/set-01/01.yaml');
// Dated the day after the action's latest entry (entries are kept oldest first), inside the
// archive's span, so the reports after it that show set-01 change.
const recText = await readFile(recFile, 'utf8');
const latest =
  (
    parse(recText) as { key_points: Array<{ actions: Array<{ progress: Array<{ date: string }> }> }> }
  ).key_points[0]?.actions[0]?.progress.at(-1)?.date ?? '2003-09-01';
const editDate = addDays(latest, 1);
await writeFile(
  recFile,
  addProgressEntry(recText, 0, 0, {
    date: editDate,
    status: 'completed',
    result: `Completed ${editDate} (benchmark edit).`,
  }),
);
const incremental = await childBuild(root, 'pdf');
const after = await hashTree(siteDir);
const changedPages = [...after].filter(([file, hash]) => file.endsWith('.html') && before.get(file) !== hash).length;

log(
  'Starting `papers --help` as a whole process, from the compiled build and from the source, five times each in turn…',
);
const startFrom = async (source: boolean) => {
  const started = performance.now();
  await promisify(execFile)(process.execPath, [path.join(PACKAGE_ROOT, 'bin/papers.js'), '--help'], {
    env: { ...process.env, ...(source ? { PAPERS_SOURCE: '1' } : {}) },
  });
  return (performance.now() - started) / 1000;
};
const starts = { compiled: [] as number[], source: [] as number[] };
for (let i = 0; i < 5; i++) {
  starts.compiled.push(await startFrom(false));
  starts.source.push(await startFrom(true));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

log('Five edits of one recommendation with `papers serve` running, on the archive and on the example…');
// The quick archive's reports all come before the first position of its own sets, so there the example's set is edited.
const serveLarge = await measureServeEdits(root, values.quick ? 'cdrp-scrutiny-2003' : 'set-01', 1);
const exampleRoot = path.join(work, 'example');
for (const dir of ['content', 'data'])
  await cp(path.join(PACKAGE_ROOT, dir), path.join(exampleRoot, dir), { recursive: true });
const serveSmall = await measureServeEdits(exampleRoot, 'cdrp-scrutiny-2003', 1);
const slowerOfTwo = (e: { report: number; recommendation: number }) => Math.max(e.report, e.recommendation);
const likeBaseline = Math.min(...likeRuns);
const pagefindBaseline = Math.min(...pagefindRuns);

const pdfPerSecond = pdfCount / Math.max(full.timings.pdf, 0.001);
const results = {
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  size,
  reports: full.reports,
  html_seconds: round(html.seconds),
  // Seconds in each stage: check (load, validate, model), render (Eleventy), finish (mostly the search indexes).
  html_stages: {
    check: round(html.timings.check),
    render: round(html.timings.html),
    finish: round(html.timings.finish),
  },
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
  html_stages_double: {
    check: round(double.timings.check),
    render: round(double.timings.html),
    finish: round(double.timings.finish),
  },
  // `papers --help` as a whole process (median of 5): from dist/ as `npm ci` compiles it, and from the TypeScript source through tsx.
  cli_start_seconds: round(median(starts.compiled)),
  cli_start_seconds_source: round(median(starts.source)),
  // Like for like. Checking and rendering the pages, over bare Eleventy rendering as many pages from the reports' Markdown in one comparable layout.
  like_pages: htmlRuns[0]?.pages?.rendered ?? 0,
  baseline_like_eleventy_seconds: round(likeBaseline),
  pages_like_ratio: round((html.timings.check + html.timings.html) / likeBaseline),
  // The search stage (every bundle indexed, clean), over bare `pagefind --site` on the same built HTML.
  search_stage_seconds: round(html.timings.search),
  baseline_pagefind_seconds: round(pagefindBaseline),
  search_ratio: round(html.timings.search / pagefindBaseline),
  // The whole HTML build over the sum of the two baselines.
  html_like_ratio: round(html.seconds / (likeBaseline + pagefindBaseline)),
  // The same reports' pages printed as papers prints them (cache keys, footers, bookmarks, links) and by a bare loop
  // through one browser with as many tabs and the same print options: papers' PDFs per second over the loop's.
  pdf_limit_sample: sampleBest.count ?? printSample,
  pdf_sample_seconds: round(sampleBest.seconds),
  pdf_bare_seconds: round(bareBest.seconds),
  pdf_limit_ratio: round(bareBest.seconds / sampleBest.seconds),
  // With `papers serve` running: from writing a recommendation file to the first answer carrying the new text, for the
  // report page that shows it and the recommendation's page (the slower of the two; median of 5 edits).
  serve_edit_seconds: round(median(serveLarge.edits.map(slowerOfTwo))),
  serve_edit_report_seconds: round(median(serveLarge.edits.map((e) => e.report))),
  serve_edit_recommendation_seconds: round(median(serveLarge.edits.map((e) => e.recommendation))),
  serve_edit_seconds_small: round(median(serveSmall.edits.map(slowerOfTwo))),
};
const targets: Array<[string, boolean]> = [
  ['pages_like_ratio ≤ 1.2', results.pages_like_ratio <= 1.2],
  ['search_ratio ≤ 1.1', results.search_ratio <= 1.1],
  ['html_like_ratio ≤ 1.2', results.html_like_ratio <= 1.2],
  ['pdf_limit_ratio ≥ 0.9', results.pdf_limit_ratio >= 0.9],
  ['pdf_speedup ≥ 8', results.pdf_speedup >= 8],
  ['serve_edit_seconds < 1', results.serve_edit_seconds < 1],
  ['serve_edit_seconds_small < 0.3', results.serve_edit_seconds_small < 0.3],
  ['incremental < 5% of full', results.incremental_share_of_full < 0.05],
  ['peak_rss_mb ≤ 1024', results.peak_rss_mb <= 1024],
  [
    `Node ≤ 1024 MB in the full build with PDFs at ${doubleSize.reports} reports`,
    results.peak_rss_mb_pdf_double <= 1024,
  ],
  ['scaling ≤ 2.2', results.scaling <= 2.2],
  ['cli_start_seconds < 0.3', results.cli_start_seconds < 0.3],
];
const out = path.join(PACKAGE_ROOT, 'output/bench');
await mkdir(out, { recursive: true });
await writeFile(
  path.join(out, 'results.json'),
  `${JSON.stringify({ ...results, targets: Object.fromEntries(targets) }, null, 2)}\n`,
);
const rows = Object.entries(results).filter(([, v]) => typeof v !== 'object');
const width = Math.max(...rows.map(([k]) => k.length));
process.stdout.write(
  `${rows.map(([k, v]) => `${k.padEnd(width)}  ${String(v)}`).join('\n')}\n\n${targets.map(([t, ok]) => `${ok ? 'met    ' : 'NOT met'}  ${t}`).join('\n')}\n\nwritten to output/bench/results.json\n`,
);

// Where a like-for-like target is missed: which stage holds it back, and a profile of it on this archive.
const missed = new Set(targets.filter(([, ok]) => !ok).map(([t]) => t.split(' ')[0]));
const profiles = path.join(out, 'profiles');
const explain = async (title: string, stages: string, mode: BuildMode, args: string[] = []) => {
  await rm(path.join(profiles, mode), { recursive: true, force: true });
  if (mode === 'html') await rm(path.join(root, 'output'), { recursive: true, force: true });
  await childBuild(root, mode, { args, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${path.join(profiles, mode)}`] });
  const [file] = await readdir(path.join(profiles, mode));
  const summary = await summariseProfile(path.join(profiles, mode, file ?? ''));
  const lines = (list: Array<{ where: string; seconds: number }>) =>
    list.map((l) => `    ${l.seconds.toFixed(2).padStart(6)} s  ${l.where}`).join('\n');
  process.stdout.write(
    `\n${title}\n  ${stages}\n  Own time, by part of papers or package:\n${lines(summary.parts)}\n  Project files, with what they call:\n${lines(summary.files)}\n  Functions, own time:\n${lines(summary.self)}\n  Profile: ${path.relative(PACKAGE_ROOT, path.join(profiles, mode, file ?? ''))}\n`,
  );
};
if (missed.has('pdf_speedup')) {
  const bareRate = results.pdf_limit_sample / Math.max(results.pdf_bare_seconds, 0.001);
  process.stdout.write(
    `\npdf_speedup: the browser's printing is the limit here\n` +
      `  a bare loop through one browser prints ${round(bareRate)} PDFs a second, ${round(bareRate / naive)} times the naive printer; papers prints the same pages at ${results.pdf_limit_ratio} of the loop's rate\n` +
      `  the full build's PDF stage: ${pdfCount} PDFs in ${results.pdf_seconds} s, of which the ${results.packs} packs alone take ${results.packs_seconds} s, while the search index is made beside it (${results.search_stage_seconds} s of Pagefind)\n`,
  );
}
if (missed.has('pdf_limit_ratio') || missed.has('pdf_speedup')) {
  await explain(
    "pdf_limit_ratio, pdf_speedup: the Node side of printing the sample as papers does (the browser's work is not in it)",
    `papers ${results.pdf_sample_seconds} s against the bare loop's ${results.pdf_bare_seconds} s for ${results.pdf_limit_sample} PDFs`,
    'pdf-sample',
    [String(printSample)],
  );
}
if (missed.has('serve_edit_seconds') || missed.has('serve_edit_seconds_small')) {
  process.stdout.write(
    `\nserve_edit_seconds: what papers serve said it did for each edit\n  archive: ${serveLarge.said.join('; ')}\n  example: ${serveSmall.said.join('; ')}\n`,
  );
}
if (missed.has('pages_like_ratio') || missed.has('html_like_ratio') || missed.has('search_ratio')) {
  const stages = `check ${results.html_stages.check} s + render ${results.html_stages.render} s against bare Eleventy's ${results.baseline_like_eleventy_seconds} s; search ${results.search_stage_seconds} s against bare Pagefind's ${results.baseline_pagefind_seconds} s`;
  await explain(
    'pages_like_ratio, search_ratio, html_like_ratio: a clean HTML build (Pagefind runs in a process of its own, not in the profile)',
    stages,
    'html',
  );
}
if (values.scale) await runScale();
await rm(work, { recursive: true, force: true });
