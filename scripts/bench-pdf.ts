// The PDF part: the full build with PDFs, the packs alone, and the reports' and packs' PDFs
// printed as papers prints them against a bare loop through one browser and a naive printer.
import path from 'node:path';
import { type ChildBuild, childBuild } from './bench-child.ts';
import { naivePdfPerSecond } from './bench-baselines.ts';
import {
  type BenchContext,
  ensureFullBuild,
  explainWithProfile,
  fastestOf,
  type PartResult,
  round,
} from './bench-context.ts';

/** Each mode run twice, in turn with the others; the faster of each. */
async function inTurn(ctx: BenchContext, modes: ReadonlyArray<[Parameters<typeof childBuild>[1], string[]]>) {
  const runs: ChildBuild[][] = modes.map(() => []);
  for (let i = 0; i < 2; i++)
    for (const [j, [mode, args]] of modes.entries()) runs[j]?.push(await childBuild(ctx.root, mode, { args }));
  return runs.map(fastestOf);
}

export async function runPdfPart(ctx: BenchContext): Promise<PartResult> {
  const full = await ensureFullBuild(ctx);
  const siteDir = path.join(ctx.root, 'output/site');
  const pdfCount = full.pdfs?.printed ?? 0;
  const [meetingCommittee, meetingDate] = ctx.packMeeting.split('/');
  const pack = full.printed.find((p) => p.url.includes(`${meetingCommittee}-${meetingDate}-pack.pdf`));
  ctx.log(
    'The committee packs alone, their agenda pages worked out beforehand and found by printing twice, each twice in turn…',
  );
  const [packsOnce, packsBefore] = await inTurn(ctx, [
    ['packs-foretold', []],
    ['packs-printed-twice', []],
  ]);
  const printSample = ctx.quick ? 12 : 300;
  ctx.log(
    `The first ${printSample} reports' PDFs, and every pack, printed as papers prints them and by a bare loop through one browser, each twice in turn…`,
  );
  const [sampleBest, bareBest, packsSample, packsBare] = await inTurn(ctx, [
    ['pdf-sample', [String(printSample)]],
    ['pdf-bare', [String(printSample)]],
    ['packs-sample', []],
    ['packs-bare', []],
  ]);
  ctx.log(`Naive printing of ${ctx.sample} reports…`);
  const reportUrls = full.printed
    .filter((p) => !p.url.endsWith('-pack.pdf'))
    .slice(0, ctx.sample)
    .map((p) => p.url.replace(/[^/]+\.pdf$/, ''));
  const naive = await naivePdfPerSecond(ctx.work, siteDir, reportUrls);
  const pdfPerSecond = pdfCount / Math.max(full.timings.pdf, 0.001);
  const figures = {
    full_build_seconds: round(full.seconds),
    pdfs: pdfCount,
    pdf_seconds: round(full.timings.pdf),
    pdf_per_second: round(pdfPerSecond),
    naive_pdf_sample: reportUrls.length,
    naive_pdf_per_second: round(naive),
    // A figure without a target: the browser's own printing is the limit (see pdf_limit_ratio).
    pdf_speedup: round(pdfPerSecond / naive),
    pack_reports: 20,
    pack_seconds: round(pack?.seconds ?? 0),
    // Every pack printed alone on the built site, in turn: agenda pages worked out from the reports' PDFs (now), or found by printing each pack twice (before).
    packs: packsOnce?.pdfs?.printed ?? 0,
    pack_printings: packsOnce?.pdfs?.packPrintings ?? 0,
    pack_printings_printed_twice: packsBefore?.pdfs?.packPrintings ?? 0,
    packs_seconds: round(packsOnce?.seconds ?? 0),
    packs_seconds_printed_twice: round(packsBefore?.seconds ?? 0),
    // The PDF stage of the full build, and as it would be with the packs printed twice (their difference added).
    pdf_seconds_packs_printed_twice: round(full.timings.pdf + (packsBefore?.seconds ?? 0) - (packsOnce?.seconds ?? 0)),
    // The same reports' pages printed as papers prints them (cache keys, footers, bookmarks, links) and by a bare loop
    // through one browser with as many tabs and the same print options: papers' PDFs per second over the loop's.
    pdf_limit_sample: sampleBest?.count ?? printSample,
    pdf_sample_seconds: round(sampleBest?.seconds ?? 0),
    pdf_bare_seconds: round(bareBest?.seconds ?? 0),
    pdf_limit_ratio: round((bareBest?.seconds ?? 0) / Math.max(sampleBest?.seconds ?? 0, 0.001)),
    // The same for every pack: printed as papers prints them (agenda pages foretold, PDFs finished), over the bare loop over the same pages.
    pdf_limit_packs: packsSample?.count ?? 0,
    pdf_packs_sample_seconds: round(packsSample?.seconds ?? 0),
    pdf_packs_bare_seconds: round(packsBare?.seconds ?? 0),
    pdf_limit_ratio_packs: round((packsBare?.seconds ?? 0) / Math.max(packsSample?.seconds ?? 0, 0.001)),
  };
  const targets: Array<[string, boolean]> = [
    ['pdf_limit_ratio ≥ 0.9', figures.pdf_limit_ratio >= 0.9],
    ['pdf_limit_ratio_packs ≥ 0.9', figures.pdf_limit_ratio_packs >= 0.9],
  ];
  const explain = async (missed: ReadonlySet<string>) => {
    if (!missed.has('pdf_limit_ratio') && !missed.has('pdf_limit_ratio_packs')) return;
    const packs = missed.has('pdf_limit_ratio_packs');
    await explainWithProfile(
      ctx,
      {
        title: `${packs ? 'pdf_limit_ratio_packs' : 'pdf_limit_ratio'}: the Node side of printing as papers does (the browser's work is not in it)`,
        stages: packs
          ? `papers ${figures.pdf_packs_sample_seconds} s against the bare loop's ${figures.pdf_packs_bare_seconds} s for ${figures.pdf_limit_packs} packs`
          : `papers ${figures.pdf_sample_seconds} s against the bare loop's ${figures.pdf_bare_seconds} s for ${figures.pdf_limit_sample} PDFs`,
      },
      packs ? 'packs-sample' : 'pdf-sample',
      packs ? [] : [String(printSample)],
    );
  };
  return { figures, targets, explain };
}
