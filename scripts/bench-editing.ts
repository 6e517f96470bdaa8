// The editing part: one recommendation edited and the site built again, `papers serve` showing
// edits, and how long the command takes to start.
import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { measureServeEdits } from '../src/bench/measure-serve-edits.ts';
import { addDays } from '../src/domain/dates.ts';
import { addProgressEntry } from '../src/edit/add-progress-entry.ts';
import { PACKAGE_ROOT } from '../src/render/render-site.ts';
import { childBuild } from './bench-child.ts';
import { type BenchContext, ensureFullBuild, hashTree, median, type PartResult, round } from './bench-context.ts';

/** One recommendation of set-01 given a new progress entry, dated inside the archive's span. */
async function editRecommendation(root: string): Promise<void> {
  const recFile = path.join(root, 'content/recommendations/set-01/01.yaml');
  // Dated the day after the action's latest entry (entries are kept oldest first), inside the
  // archive's span, so the reports after it that show set-01 change.
  const recText = await readFile(recFile, 'utf8');
  const latest =
    (
      parse(recText) as { key_points: Array<{ actions: Array<{ progress: Array<{ date: string }> }> }> }
    ).key_points[0]?.actions[0]?.progress.at(-1)?.date ?? '2003-09-01';
  const editDate = addDays(latest, 1);
  const result = `Completed ${editDate} (benchmark edit).`;
  await writeFile(recFile, addProgressEntry(recText, 0, 0, { date: editDate, status: 'completed', result }));
}

/** `papers --help` as a whole process: the median of five, from the compiled build and from the source. */
async function timeStarts(): Promise<{ compiled: number; source: number }> {
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
  return { compiled: median(starts.compiled), source: median(starts.source) };
}

export async function runEditingPart(ctx: BenchContext): Promise<PartResult> {
  const full = await ensureFullBuild(ctx);
  const siteDir = path.join(ctx.root, 'output/site');
  ctx.log('Editing one recommendation and rebuilding…');
  const before = await hashTree(siteDir);
  await editRecommendation(ctx.root);
  const incremental = await childBuild(ctx.root, 'pdf');
  const after = await hashTree(siteDir);
  const changedPages = [...after].filter(([file, hash]) => file.endsWith('.html') && before.get(file) !== hash).length;
  ctx.log(
    'Starting `papers --help` as a whole process, from the compiled build and from the source, five times each in turn…',
  );
  const starts = await timeStarts();
  ctx.log('Five edits of one recommendation with `papers serve` running, on the archive and on the example…');
  // The quick archive's reports all come before the first position of its own sets, so there the example's set is edited.
  const serveLarge = await measureServeEdits(ctx.root, ctx.quick ? 'cdrp-scrutiny-2003' : 'set-01', 1);
  const exampleRoot = path.join(ctx.work, 'example');
  for (const dir of ['content', 'data'])
    await cp(path.join(PACKAGE_ROOT, dir), path.join(exampleRoot, dir), { recursive: true });
  const serveSmall = await measureServeEdits(exampleRoot, 'cdrp-scrutiny-2003', 1);
  const slowerOfTwo = (e: { report: number; recommendation: number }) => Math.max(e.report, e.recommendation);
  const figures = {
    incremental_seconds: round(incremental.seconds),
    incremental_share_of_full: round(incremental.seconds / full.seconds, 3),
    // Pages Eleventy rendered again (the rest were copied from the previous build), and pages whose bytes changed.
    incremental_pages: incremental.pages?.rendered ?? 0,
    incremental_pages_reused: incremental.pages?.reused ?? 0,
    incremental_pages_changed: changedPages,
    incremental_search_pages: incremental.search?.indexed ?? 0,
    incremental_pdfs: incremental.pdfs?.printed ?? 0,
    peak_rss_mb_incremental: round(incremental.peakRssMb, 0),
    // `papers --help` as a whole process (median of 5): from dist/ as `npm ci` compiles it, and from the TypeScript source through tsx.
    cli_start_seconds: round(starts.compiled),
    cli_start_seconds_source: round(starts.source),
    // With `papers serve` running: from writing a recommendation file to the first answer carrying the new text, for the
    // report page that shows it and the recommendation's page (the slower of the two; median of 5 edits).
    serve_edit_seconds: round(median(serveLarge.edits.map(slowerOfTwo))),
    serve_edit_report_seconds: round(median(serveLarge.edits.map((e) => e.report))),
    serve_edit_recommendation_seconds: round(median(serveLarge.edits.map((e) => e.recommendation))),
    serve_edit_seconds_small: round(median(serveSmall.edits.map(slowerOfTwo))),
  };
  const targets: Array<[string, boolean]> = [
    ['serve_edit_seconds < 1', figures.serve_edit_seconds < 1],
    ['serve_edit_seconds_small < 0.3', figures.serve_edit_seconds_small < 0.3],
    ['incremental < 5% of full', figures.incremental_share_of_full < 0.05],
    ['cli_start_seconds < 0.3', figures.cli_start_seconds < 0.3],
  ];
  const explain = async (missed: ReadonlySet<string>) => {
    if (!missed.has('serve_edit_seconds') && !missed.has('serve_edit_seconds_small')) return;
    process.stdout.write(
      `\nserve_edit_seconds: what papers serve said it did for each edit\n  archive: ${serveLarge.said.join('; ')}\n  example: ${serveSmall.said.join('; ')}\n`,
    );
  };
  return { figures, targets, explain };
}
