// One build of a benchmark archive in its own process, so its peak memory is its own.
// Usage: tsx scripts/bench-build.ts <root> <html|pdf>; prints one JSON line.
import { buildProject } from '../src/pipeline/build-project.ts';

const [root, mode] = process.argv.slice(2);
if (!root) throw new Error('usage: bench-build.ts <root> <html|pdf>');
const printed: Array<{ url: string; seconds: number }> = [];
const started = performance.now();
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
