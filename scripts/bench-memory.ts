// The memory part: the Node process and the whole process tree (Node, Chromium, Pagefind) of the
// full build with PDFs, at the archive's size and at double it.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { childBuild } from './bench-child.ts';
import { type BenchContext, ensureFullBuild, type PartResult, round } from './bench-context.ts';

export async function runMemoryPart(ctx: BenchContext): Promise<PartResult> {
  const full = await ensureFullBuild(ctx);
  ctx.log(`Full build with PDFs at ${ctx.doubleSize.reports} reports, for its memory…`);
  await rm(path.join(ctx.doubleRoot, 'output'), { recursive: true, force: true });
  const doubleFull = await childBuild(ctx.doubleRoot, 'pdf');
  const figures = {
    // The full build with PDFs: the Node process alone, and the whole process tree, at the default and double size.
    peak_rss_mb_pdf: round(full.peakRssMb, 0),
    peak_rss_mb_tree: round(full.peakTreeRssMb, 0),
    peak_rss_mb_pdf_double: round(doubleFull.peakRssMb, 0),
    peak_rss_mb_tree_double: round(doubleFull.peakTreeRssMb, 0),
  };
  const targets: Array<[string, boolean]> = [
    ['peak_rss_mb_pdf ≤ 1024', figures.peak_rss_mb_pdf <= 1024],
    [
      `Node ≤ 1024 MB in the full build with PDFs at ${ctx.doubleSize.reports} reports`,
      figures.peak_rss_mb_pdf_double <= 1024,
    ],
  ];
  return { figures, targets };
}
