import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashDirectory } from '../content/hash-directory.ts';
import type { SiteModel } from '../model/types.ts';
import { pageFile } from '../model/urls.ts';
import { fillAgendaPages, readAgendaPages, resetAgendaPages } from './fill-agenda-pages.ts';
import { finalisePdf, readDestinationPages } from './finalise-pdf.ts';
import { listPdfTasks, type PdfTask } from './list-pdf-tasks.ts';
import { openPrinter, PrintError, type Printer } from './print-pdfs.ts';
import { forEachAtOnce } from '../util/for-each-at-once.ts';
import { linkFile, writeFileAnew } from '../util/link-file.ts';

/** Bump when the way PDFs are made changes, so cached PDFs are printed again. */
const PRINT_VERSION = '2';

export interface PdfProgress {
  done: number;
  total: number;
  task: PdfTask;
  reused: boolean;
  /** Seconds this PDF took to print (0 when reused). */
  seconds: number;
}

export interface PrintSiteOptions {
  siteDir: string;
  /** Content-addressed store of earlier PDFs: a PDF is printed again only when its input changed. */
  cacheDir: string;
  concurrency?: number;
  timeoutMs?: number;
  onProgress?: (progress: PdfProgress) => void;
  /** Print only the tasks that `select` keeps (for sharding across machines). */
  select?: (tasks: PdfTask[]) => PdfTask[];
}

export interface PrintSiteResult {
  printed: number;
  reused: number;
  total: number;
}

/** Print every report PDF and committee pack of a built site into it. */
export async function printSitePdfs(model: SiteModel, options: PrintSiteOptions): Promise<PrintSiteResult> {
  const all = listPdfTasks(model);
  const tasks = options.select ? options.select(all) : all;
  await mkdir(options.cacheDir, { recursive: true });
  const assetsHash = await hashDirectory(path.join(options.siteDir, 'assets'));
  const keys = new Map<PdfTask, string>();
  const restored = new Set<PdfTask>();
  let done = 0;
  // Reading and hashing pages and linking cached PDFs wait mostly on the disk, so several go at once.
  await forEachAtOnce(tasks, 8, async (task) => {
    const read = await readFile(pagePath(options.siteDir, task.pageUrl), 'utf8');
    // A pack printed before has its agenda filled in; its key is that of the pack as rendered.
    const html = task.kind === 'pack' ? resetAgendaPages(read) : read;
    const key = createHash('sha256').update(PRINT_VERSION).update(assetsHash).update(JSON.stringify({ footer: task.footer, meta: task.metadata })).update(html).digest('hex');
    keys.set(task, key);
    if (await restoreFromCache(options, task, key)) {
      restored.add(task);
      options.onProgress?.({ done: ++done, total: tasks.length, task, reused: true, seconds: 0 });
    }
  });
  const toPrint = tasks.filter((task) => !restored.has(task));
  if (toPrint.length > 0) {
    const printer = await openPrinter({ siteDir: options.siteDir, ...(options.concurrency ? { concurrency: options.concurrency } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    try {
      await printer.forEach(toPrint, async (task) => {
        const started = performance.now();
        const bytes = task.kind === 'pack' ? await printPack(printer, options.siteDir, task) : await printer.print({ url: task.pageUrl, source: task.source });
        const final = finalisePdf(bytes, task.metadata, keys.get(task) ?? '');
        await writeFileAnew(pagePath(options.siteDir, task.pdfUrl), final);
        await saveToCache(options, task, keys.get(task) ?? '', final);
        options.onProgress?.({ done: ++done, total: tasks.length, task, reused: false, seconds: (performance.now() - started) / 1000 });
      });
    } finally {
      await printer.close();
    }
  }
  if (!options.select) await pruneCache(options.cacheDir, new Set(keys.values()));
  return { printed: toPrint.length, reused: tasks.length - toPrint.length, total: tasks.length };
}

/**
 * Print the pack, read where each item's anchor landed, write those pages into
 * the agenda and print again. The placeholders are as wide as the numbers, so
 * the second printing keeps the first one's pages; it is checked, not assumed.
 */
async function printPack(printer: Printer, siteDir: string, task: PdfTask): Promise<Uint8Array> {
  const file = pagePath(siteDir, task.pageUrl);
  let html = await readFile(file, 'utf8');
  const request = { url: task.pageUrl, source: task.source };
  for (let attempt = 0; attempt < 3; attempt++) {
    const bytes = await printer.print(request);
    const pages = readDestinationPages(bytes);
    const stated = readAgendaPages(html);
    if ([...stated].every(([id, page]) => String(pages.get(id)) === page)) return bytes;
    html = fillAgendaPages(html, pages);
    await writeFile(file, html);
  }
  throw new PrintError(task.source, `the agenda page numbers of ${task.pageUrl} did not settle`);
}

function pagePath(siteDir: string, url: string): string {
  return path.join(siteDir, pageFile(url));
}

/**
 * Put the cached PDF of this key beside its page, as a hard link to the cache
 * entry where the file system allows (an entry's bytes never change: a new
 * PDF is a new key, and every PDF is written as a new file). A pack's page is
 * copied, since its agenda is written into it when it is printed.
 */
async function restoreFromCache(options: PrintSiteOptions, task: PdfTask, key: string): Promise<boolean> {
  const cached = path.join(options.cacheDir, `${key}.pdf`);
  try {
    if (task.kind === 'pack') await copyFile(path.join(options.cacheDir, `${key}.html`), pagePath(options.siteDir, task.pageUrl));
    await linkFile(cached, pagePath(options.siteDir, task.pdfUrl));
    return true;
  } catch {
    return false;
  }
}

async function saveToCache(options: PrintSiteOptions, task: PdfTask, key: string, bytes: Uint8Array): Promise<void> {
  if (task.kind === 'pack') await copyFile(pagePath(options.siteDir, task.pageUrl), path.join(options.cacheDir, `${key}.html`));
  await writeFileAnew(path.join(options.cacheDir, `${key}.pdf`), bytes);
}

async function pruneCache(cacheDir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    if (!keep.has(name.replace(/\.(pdf|html)$/, ''))) await rm(path.join(cacheDir, name), { force: true });
  }
}
