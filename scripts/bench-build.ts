// One build of a benchmark archive in its own process, so its peak memory is its own.
// Usage: tsx scripts/bench-build.ts <root> <import <site>|check|check-kept|html|pdf|packs-foretold|packs-printed-twice|pdf-sample|pdf-bare|packs-sample|packs-bare> [N]; prints one JSON line.
// The two `packs-` modes print only the committee packs of an archive built with its PDFs, into a
// fresh cache, with the agenda's pages worked out from the reports' PDFs or found by printing twice.
// `pdf-sample` prints the first N reports' PDFs of a built archive as papers does, into a fresh cache;
// `pdf-bare` prints the same pages with nothing but the browser (src/bench/print-bare.ts); `packs-sample`
// and `packs-bare` do the same for every committee pack.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { printBare } from '../src/bench/print-bare.ts';
import { pageFile } from '../src/domain/urls.ts';
import { resetAgendaPages } from '../src/pdf/fill-agenda-pages.ts';
import { listPdfTasks } from '../src/pdf/list-pdf-tasks.ts';
import { printSitePdfs } from '../src/pdf/print-site-pdfs.ts';
import { buildProject } from '../src/pipeline/build-project.ts';
import { checkProject } from '../src/pipeline/check-project.ts';
import { importArchive } from '../src/pipeline/import-archive.ts';
import { locateOutput } from '../src/pipeline/output-folders.ts';
import { readCheckStore } from '../src/validate/check-store.ts';

const [root, mode, count] = process.argv.slice(2);
if (!root)
  throw new Error(
    'usage: bench-build.ts <root> <check|html|pdf|packs-foretold|packs-printed-twice|pdf-sample|pdf-bare|packs-sample|packs-bare> [N]',
  );
const printed: Array<{ url: string; seconds: number }> = [];
const started = performance.now();
if (mode === 'import') {
  // `papers import <site>` into the project at root: the site is the third argument.
  const result = await importArchive({ root, folder: count ?? '' });
  const measured = result.pages.filter((p) => p.lines);
  process.stdout.write(
    `${JSON.stringify({
      seconds: (performance.now() - started) / 1000,
      timings: result.timings,
      imported: result.pages.filter((p) => p.status === 'imported').length,
      reports: result.pages.filter((p) => p.status === 'imported' && p.file?.startsWith('content/reports/')).length,
      refused: result.pages.filter((p) => p.status === 'refused').length,
      errors: result.errors.length,
      found: measured.reduce((n, p) => n + p.lines!.found, 0),
      total: measured.reduce((n, p) => n + p.lines!.total, 0),
      missing: measured.flatMap((p) => p.lines!.missing.map((line) => `${p.source}: ${line}`)).slice(0, 10),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
} else if (mode === 'check' || mode === 'check-kept') {
  // `check` as on a fresh clone; `check-kept` as `papers check` runs after a build, reading what its check kept.
  const kept = mode === 'check-kept' ? await readCheckStore(locateOutput(root).checkStore) : undefined;
  const { errors } = await checkProject(root, kept ? { kept } : {});
  if (errors.some((e) => e.severity === 'error')) throw new Error(`the archive does not check: ${errors[0]?.message}`);
  process.stdout.write(
    `${JSON.stringify({ seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
} else if (mode === 'pdf-sample' || mode === 'pdf-bare' || mode === 'packs-sample' || mode === 'packs-bare') {
  // The first N reports, or every pack: printed as papers prints them (into a fresh cache), or by the bare loop over the same pages.
  const { model } = await checkProject(root);
  if (!model) throw new Error('the archive does not check');
  const siteDir = path.join(root, 'output/site');
  const packs = mode.startsWith('packs');
  const sample = (tasks: ReturnType<typeof listPdfTasks>) =>
    packs
      ? tasks.filter((t) => t.kind === 'pack')
      : tasks.filter((t) => t.kind === 'report').slice(0, Number(count ?? 100));
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'papers-bench-print-'));
  const bare = mode.endsWith('bare');
  const timed = performance.now();
  const done = bare
    ? sample(listPdfTasks(model)).length
    : (await printSitePdfs(model, { siteDir, cacheDir: scratch, select: sample })).printed;
  const seconds = bare
    ? await printBare(
        siteDir,
        sample(listPdfTasks(model)).map((t) => t.pageUrl),
        scratch,
      )
    : (performance.now() - timed) / 1000;
  await rm(scratch, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({ seconds, count: done, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
} else if (mode === 'packs-foretold' || mode === 'packs-printed-twice') {
  const { model } = await checkProject(root);
  if (!model) throw new Error('the archive does not check');
  const siteDir = path.join(root, 'output/site');
  // Each pack as rendered, before its agenda's pages were written in: as a fresh build prints it.
  for (const meeting of model.meetings) {
    const file = path.join(siteDir, pageFile(meeting.packUrl));
    await writeFile(file, resetAgendaPages(await readFile(file, 'utf8')));
  }
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'papers-bench-packs-'));
  const result = await printSitePdfs(model, {
    siteDir,
    cacheDir,
    select: (tasks) => tasks.filter((t) => t.kind === 'pack'),
    foretellPacks: mode === 'packs-foretold',
  });
  await rm(cacheDir, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({ seconds: (performance.now() - started) / 1000, pdfs: result, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
} else {
  const result = await buildProject({
    root,
    pdf: mode === 'pdf',
    onPdfProgress: (p) => {
      if (!p.reused) printed.push({ url: p.task.pdfUrl, seconds: p.seconds });
    },
  });
  if (!result.ok) throw new Error(`build failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  process.stdout.write(
    `${JSON.stringify({
      seconds: (performance.now() - started) / 1000,
      timings: result.timings,
      pdfs: result.pdfs ?? null,
      pages: result.pages ?? null,
      search: result.search ?? null,
      printed,
      reports: result.model?.reports.length ?? 0,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}
