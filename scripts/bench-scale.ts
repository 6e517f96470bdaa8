// The scale part of the benchmark: synthetic archives of 5,000, 10,000 and 20,000 reports, each checked,
// built (HTML and search), edited and rebuilt, and edited under `papers serve`, with the open-file limit at 1,024.
import { readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateArchive } from '../src/bench/generate-archive.ts';
import { measureServeEdits } from '../src/bench/measure-serve-edits.ts';
import { keepLinksOf } from '../src/util/keep-links.ts';
import { linkTree } from '../src/util/link-file.ts';
import { type ChildBuild, childBuild, settleDisk } from './bench-child.ts';
import { fastestOf } from './bench-context.ts';

/** Committees and sets of a body that met for twelve years: 25,661 files at 20,000 reports. */
const SHAPE = { committees: 100, sets: 100, recommendations: 35, entries: 6 };
export const SCALE_SIZES = [5000, 10_000, 20_000];
/** Many Linux machines' default; a Mac's is about 10,000. */
const OPEN_FILES = 1024;

export interface ScaleFigures {
  files: number;
  /** `papers check` on a fresh clone, with nothing kept. */
  check_seconds: number;
  check_node_peak_mb: number;
  /** `papers check` after a build, reading what that build's check kept (`output/.cache/check.bin`). */
  check_kept_seconds: number;
  build_seconds: number;
  node_peak_mb: number;
  tree_peak_mb: number;
  output_mb: number;
  /** A typical report edited: one of the generated archive's, cited by no other page. */
  incremental_seconds: number;
  /** Of which the check, which reads again only the files that changed, and checks every reference between them. */
  incremental_check_seconds: number;
  incremental_pages: number;
  /**
   * What publishing costs every build, whatever changed: the release before kept as the next one's spare,
   * each of its files looked at against the published one's (DESIGN §8: an earlier release holds nothing
   * the published one does not).
   */
  release_seconds: number;
  /** Built again with nothing changed, after a clean build: what makes the spare every later build starts from. */
  unchanged_seconds: number;
  /** The one edit's build less the two things every build does whole: its check, and publishing a release. */
  incremental_beyond_floor_seconds: number;
  /** The newest report edited: the example's, which every generated recommendation cites (4,090 pages at 20,000 reports). */
  incremental_cited_seconds: number;
  incremental_cited_pages: number;
  serve_edit_seconds: number;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Measure each size in turn, in `work`, saying what it does on `log`. */
export async function measureScale(
  work: string,
  sizes: readonly number[],
  log: (text: string) => void,
): Promise<Record<string, ScaleFigures>> {
  const figures: Record<string, ScaleFigures> = {};
  const roots = sizes.map((reports) => ({ reports, root: path.join(work, `scale-${reports}`) }));
  for (const { reports, root } of roots) {
    log(`Scale: generating an archive of ${reports} reports…`);
    await generateArchive(root, { reports, ...SHAPE });
  }
  // Each size's clean build twice, the sizes in turn, so that a slow spell of the machine slows each size
  // alike: the faster of the two is the size's time (their ratio is a target), the higher peak its memory.
  const builds = roots.map((): ChildBuild[] => []);
  for (let round = 1; round <= BUILDS; round++) {
    for (const [i, { reports, root }] of roots.entries()) {
      log(`Scale: ${reports} reports, HTML build ${round} of ${BUILDS}…`);
      await rm(path.join(root, 'output'), { recursive: true, force: true });
      builds[i]!.push(await childBuild(root, 'html', { openFiles: OPEN_FILES }));
    }
  }
  for (const [i, { reports, root }] of roots.entries()) {
    log(`Scale: ${reports} reports…`);
    figures[String(reports)] = await measureArchive(root, fastestOf(builds[i]!), log);
    log(`Scale: ${reports} reports: ${JSON.stringify(figures[String(reports)])}`);
    await rm(root, { recursive: true, force: true });
  }
  return figures;
}

/** Clean builds of each size. */
const BUILDS = 2;

/** What is measured of an archive once it is built (`build`, whose site is in its output). */
async function measureArchive(root: string, build: ChildBuild, log: (text: string) => void): Promise<ScaleFigures> {
  log('  check…');
  const check = await childBuild(root, 'check', { openFiles: OPEN_FILES });
  const checkKept = await childBuild(root, 'check-kept', { openFiles: OPEN_FILES });
  const outputMb = (await sizeOf(await realpath(path.join(root, 'output/site')))) / 2 ** 20;
  log('  built again with nothing changed…');
  const unchanged = await childBuild(root, 'html', { openFiles: OPEN_FILES });
  log('  one report edited, and built again…');
  await editReport(root, 'typical');
  const incremental = await childBuild(root, 'html', { openFiles: OPEN_FILES });
  const release = await timeRelease(root);
  log('  the report every recommendation cites edited, and built again…');
  await editReport(root, 'cited');
  const cited = await childBuild(root, 'html', { openFiles: OPEN_FILES });
  log('  three edits under papers serve…');
  // A small archive's reports all come before set-01's first position: there the example's set is edited.
  const serve = await measureServeEdits(root, 'set-01', 1, 3).catch(() =>
    measureServeEdits(root, 'cdrp-scrutiny-2003', 1, 3),
  );
  return {
    files: await countFiles(root),
    check_seconds: round(check.seconds),
    check_node_peak_mb: round(check.peakRssMb, 0),
    check_kept_seconds: round(checkKept.seconds),
    build_seconds: round(build.seconds),
    node_peak_mb: round(build.peakRssMb, 0),
    tree_peak_mb: round(build.peakTreeRssMb, 0),
    output_mb: round(outputMb, 0),
    incremental_seconds: round(incremental.seconds),
    incremental_check_seconds: round(incremental.timings.check),
    incremental_pages: incremental.pages?.rendered ?? 0,
    release_seconds: round(release),
    unchanged_seconds: round(unchanged.seconds),
    incremental_beyond_floor_seconds: round(incremental.seconds - incremental.timings.check - release),
    incremental_cited_seconds: round(cited.seconds),
    incremental_cited_pages: cited.pages?.rendered ?? 0,
    serve_edit_seconds: round(median(serve.edits.map((e) => Math.max(e.report, e.recommendation)))),
  };
}

/**
 * Seconds to keep a release as large as the published one as its spare, as a build's publishing does: every
 * file of it looked at against the published file (here a copy of links, so every one is kept).
 */
async function timeRelease(root: string): Promise<number> {
  const published = await realpath(path.join(root, 'output/site'));
  const copy = path.join(root, 'output/.release-timed');
  await linkTree(published, copy);
  await settleDisk();
  const started = performance.now();
  keepLinksOf(copy, published);
  const seconds = (performance.now() - started) / 1000;
  await rm(copy, { recursive: true, force: true });
  return seconds;
}

/**
 * A word of a report's title changed, as an officer's correction would: the newest report (the example's,
 * which every generated recommendation cites), or a typical one (the first of the middle year).
 */
async function editReport(root: string, which: 'typical' | 'cited'): Promise<void> {
  const dir = path.join(root, 'content/reports');
  const years = (await readdir(dir)).sort();
  const yearDir = path.join(dir, (which === 'cited' ? years.at(-1) : years[Math.floor(years.length / 2)]) ?? '');
  const files = (await readdir(yearDir)).sort();
  const file = path.join(yearDir, (which === 'cited' ? files.at(-1) : files[0]) ?? '');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^title: (.*)$/m, 'title: $1, corrected'));
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

async function countFiles(root: string): Promise<number> {
  let count = 0;
  for (const dir of ['content', 'data'])
    for (const entry of await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }))
      if (entry.isFile()) count++;
  return count;
}

/** Time and memory against size, as an SVG of two panels: seconds (check, build, incremental) and Node's peak MB. */
export function plotScale(figures: Record<string, ScaleFigures>): string {
  const sizes = Object.keys(figures)
    .map(Number)
    .sort((a, b) => a - b);
  const at = (key: keyof ScaleFigures) => sizes.map((n) => figures[String(n)]?.[key] ?? 0);
  const panel = (x0: number, title: string, unit: string, lines: Array<[string, number[], string]>) => {
    const top = Math.max(1, ...lines.flatMap(([, ys]) => ys)) * 1.1;
    const maxSize = Math.max(...sizes);
    const px = (n: number) => x0 + 50 + (n / maxSize) * 300;
    const py = (v: number) => 230 - (v / top) * 180;
    const series = lines
      .map(
        ([name, ys, colour], i) =>
          `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${ys.map((y, k) => `${px(sizes[k]!).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>` +
          ys
            .map((y, k) => `<circle cx="${px(sizes[k]!).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${colour}"/>`)
            .join('') +
          `<text x="${x0 + 60}" y="${62 + i * 16}" fill="${colour}">${name}</text>`,
      )
      .join('');
    const ticks = sizes
      .map((n) => `<text x="${px(n).toFixed(1)}" y="248" text-anchor="middle">${n.toLocaleString('en-GB')}</text>`)
      .join('');
    return `<g><text x="${x0 + 50}" y="30" font-weight="bold">${title}</text><line x1="${x0 + 50}" y1="230" x2="${x0 + 360}" y2="230" stroke="#444"/><line x1="${x0 + 50}" y1="40" x2="${x0 + 50}" y2="230" stroke="#444"/><text x="${x0 + 45}" y="${py(top / 1.1) + 4}" text-anchor="end">${Math.round(top / 1.1)}</text><text x="${x0 + 45}" y="234" text-anchor="end">0</text><text x="${x0 + 200}" y="266" text-anchor="middle">reports</text><text x="${x0 + 12}" y="140" transform="rotate(-90 ${x0 + 12} 140)" text-anchor="middle">${unit}</text>${ticks}${series}</g>`;
  };
  const time = panel(0, 'Time against size', 'seconds', [
    ['build (HTML and search)', at('build_seconds'), '#1d70b8'],
    ['check', at('check_seconds'), '#00703c'],
    ['one report edited', at('incremental_seconds'), '#d4351c'],
    ['of which the check', at('incremental_check_seconds'), '#f47738'],
  ]);
  const memory = panel(400, 'Memory against size', 'MB', [
    ['Node, build', at('node_peak_mb'), '#1d70b8'],
    ['build with Pagefind', at('tree_peak_mb'), '#6f3c97'],
    ['Node, check', at('check_node_peak_mb'), '#00703c'],
  ]);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 280" font-family="sans-serif" font-size="12" role="img" aria-labelledby="scale-title"><title id="scale-title">papers: time and memory against the size of the archive</title><rect width="800" height="280" fill="#fff"/>${time}${memory}</svg>\n`;
}

/** The figures as a Markdown table, one row per size. */
export function tabulateScale(figures: Record<string, ScaleFigures>): string {
  const rows = Object.entries(figures).map(
    ([n, f]) =>
      `| ${Number(n).toLocaleString('en-GB')} | ${f.files.toLocaleString('en-GB')} | ${f.check_seconds} | ${f.check_kept_seconds ?? ''} | ${f.build_seconds} | ${f.node_peak_mb} | ${f.tree_peak_mb} | ${f.output_mb} | ${f.incremental_seconds} | ${f.incremental_check_seconds} | ${f.release_seconds ?? ''} | ${f.incremental_beyond_floor_seconds ?? ''} | ${f.incremental_cited_seconds} | ${f.serve_edit_seconds} |`,
  );
  return [
    '| reports | files | check s | check after a build s | build s | Node peak MB | tree peak MB | output MB | one edit, build s | of which check s | the release before kept as the spare s | one edit beyond check and release s | cited report edited, build s | serve edit s |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
