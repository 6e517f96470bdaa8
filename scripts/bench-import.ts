// The import part: the archive built to HTML, then `papers import output/site` into a project with
// the archive's data alone (no content, no borough facts, no sets), as a body adopting papers would.
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { childBuild } from './bench-child.ts';
import { type BenchContext, cleanHtmlBuild, type PartResult, round } from './bench-context.ts';

/** The data a project holds before its archive comes in. */
const DATA = ['site.yaml', 'contacts.yaml', 'glossary.yaml', 'statuses.yaml', 'facts.yaml', 'committees.yaml'];

export async function runImportPart(ctx: BenchContext): Promise<PartResult> {
  const siteDir = path.join(ctx.root, 'output/site');
  if (!(await stat(path.join(siteDir, 'index.html')).catch(() => undefined))) {
    ctx.log('Building the archive to HTML…');
    await cleanHtmlBuild(ctx.root);
  }
  const empty = path.join(ctx.work, 'import-empty');
  await rm(empty, { recursive: true, force: true });
  await mkdir(path.join(empty, 'content'), { recursive: true });
  for (const file of DATA) await cp(path.join(ctx.root, 'data', file), path.join(empty, 'data', file));
  ctx.log(`Importing the built site of ${ctx.size.reports} reports into a project with its data alone…`);
  const run = (await childBuild(empty, 'import', { args: [siteDir] })) as unknown as ImportRun;
  const fidelity = run.total === 0 ? 0 : run.found / run.total;
  // A line not found is said, with its page: the figure alone would not tell what to look at.
  for (const line of run.missing) ctx.log(`Not found on the page built again: ${line}`);
  return {
    figures: {
      import_seconds: round(run.seconds, 1),
      import_timings: Object.fromEntries(Object.entries(run.timings).map(([k, v]) => [k, round(v, 1)])),
      import_pages: run.imported,
      import_report_pages: run.reports,
      import_refused: run.refused,
      import_check_errors: run.errors,
      import_line_fidelity: round(fidelity, 4),
      import_peak_rss_mb: round(run.peakRssMb, 0),
    },
    targets: [
      [
        'import_round_trip',
        run.reports === ctx.size.reports && run.refused === 0 && run.errors === 0 && fidelity === 1,
      ],
      // The whole `papers import`: reading, writing, its check and the build that measures fidelity.
      ['import_seconds', run.seconds < 60],
      ['import_peak_rss_mb', run.peakRssMb < 1024],
    ],
  };
}

interface ImportRun {
  seconds: number;
  timings: Record<string, number>;
  imported: number;
  /** Of those imported, the pages of reports (the rest are meetings' agendas and minutes). */
  reports: number;
  refused: number;
  errors: number;
  found: number;
  total: number;
  /** The first lines not found, each with its page. */
  missing: string[];
  peakRssMb: number;
}
