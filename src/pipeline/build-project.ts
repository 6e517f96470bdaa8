import path from 'node:path';
import { hasErrors, type ContentError } from '../errors/content-error.ts';
import type { SiteModel } from '../model/types.ts';
import { printSitePdfs, type PdfProgress, type PrintSiteResult } from '../pdf/print-site-pdfs.ts';
import { fillFileSizes } from '../render/fill-file-sizes.ts';
import { indexSearch } from '../render/index-search.ts';
import { renderSite } from '../render/render-site.ts';
import { checkProject } from './check-project.ts';
import { publishOutput } from './publish-output.ts';

export interface BuildOptions {
  root: string;
  /** Defaults to `<root>/output`. */
  outputDir?: string;
  /** Print PDFs too (default true). */
  pdf?: boolean;
  concurrency?: number;
  /** Per-PDF timeout in milliseconds (default 60 s). */
  pdfTimeoutMs?: number;
  onPdfProgress?: (progress: PdfProgress) => void;
}

export interface BuildResult {
  ok: boolean;
  errors: ContentError[];
  model?: SiteModel;
  siteDir: string;
  pdfs?: PrintSiteResult;
  /** Seconds spent in each stage, for the benchmark. */
  timings: { check: number; html: number; pdf: number; finish: number };
}

/** Check, then render the site; nothing is written unless the check passed. */
export async function buildProject(options: BuildOptions): Promise<BuildResult> {
  const outputDir = options.outputDir ?? path.join(options.root, 'output');
  const siteDir = path.join(outputDir, 'site');
  const timings = { check: 0, html: 0, pdf: 0, finish: 0 };
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = (now - mark) / 1000;
    mark = now;
    return seconds;
  };
  const checked = await checkProject(options.root);
  timings.check = lap();
  if (!checked.model || hasErrors(checked.errors)) return { ok: false, errors: checked.errors, siteDir, timings };
  const model = checked.model;
  let pdfs: PrintSiteResult | undefined;
  await publishOutput(siteDir, async (staging) => {
    await renderSite(model, staging);
    timings.html = lap();
    if (options.pdf !== false) {
      pdfs = await printSitePdfs(model, {
        siteDir: staging,
        cacheDir: path.join(outputDir, '.cache', 'pdf'),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.pdfTimeoutMs ? { timeoutMs: options.pdfTimeoutMs } : {}),
        ...(options.onPdfProgress ? { onProgress: options.onPdfProgress } : {}),
      });
    }
    timings.pdf = lap();
    await fillFileSizes(staging);
    await indexSearch(staging);
  });
  timings.finish = lap();
  return { ok: true, errors: checked.errors, model, siteDir, timings, ...(pdfs ? { pdfs } : {}) };
}
