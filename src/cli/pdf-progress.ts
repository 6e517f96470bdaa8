import { SingleBar } from 'cli-progress';
import type { PdfProgress, PrintSiteResult } from '../pdf/print-site-pdfs.ts';

export interface ProgressReporter {
  update(progress: PdfProgress): void;
  stop(): void;
}

/** A progress bar on a terminal; plain lines in CI and logs. */
export function createPdfProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY && !process.env.CI) {
    const bar = new SingleBar({
      format: 'PDFs [{bar}] {value}/{total} {file}',
      stream,
      hideCursor: true,
      clearOnComplete: true,
    });
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.total, 0, { file: '' });
        started = true;
        bar.update(p.done, { file: p.task.pdfUrl.split('/').pop() });
      },
      stop: () => started && bar.stop(),
    };
  }
  return {
    update: (p) => stream.write(`PDF ${p.done}/${p.total} ${p.reused ? 'unchanged' : 'printed'} ${p.task.pdfUrl}\n`),
    stop: () => undefined,
  };
}

export function describePdfResult(result: PrintSiteResult): string {
  if (result.total === 0) return 'no PDFs to print';
  if (result.printed === 0) return `no PDF printed: all ${result.total} unchanged`;
  return `${result.printed} PDF${result.printed === 1 ? '' : 's'} printed, ${result.reused} unchanged`;
}
