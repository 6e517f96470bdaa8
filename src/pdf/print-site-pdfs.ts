import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { hashDirectory } from '../content/hash-directory.ts';
import type { SiteModel } from '../model/types.ts';
import { pageFile } from '../domain/urls.ts';
import { emptyFileSizes } from '../render/fill-file-sizes.ts';
import { hasHiddenPdfLinks, showPdfLinks } from '../render/pdf-links.ts';
import { fillAgendaPages, readAgendaPages, resetAgendaPages } from './fill-agenda-pages.ts';
import { finalisePdf, readDestinationPages, readPageCount } from './finalise-pdf.ts';
import { listPdfTasks, type PdfTask } from './list-pdf-tasks.ts';
import { openPrinter, PrintError, type Printer } from './printer.ts';
import { forEachAtOnce } from '../util/for-each-at-once.ts';
import { copyFileAnew, linkFile, writeFileAnew } from '../util/link-file.ts';
import { readCacheIndex, writeCacheIndex } from './pdf-cache-index.ts';

/** Bump when the way PDFs are made changes, so cached PDFs are printed again. */
const PRINT_VERSION = '4';

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
  /** Work a pack's agenda pages out from its reports' PDFs before printing it (default); `false` prints it to find them. */
  foretellPacks?: boolean;
}

export interface PrintSiteResult {
  printed: number;
  reused: number;
  total: number;
  /** Times packs went through the printer: once each when their reports' page counts foretold the agenda. */
  packPrintings: number;
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
    const page = pagePath(options.siteDir, task.pageUrl);
    let bytes: Buffer = await readFile(page);
    // A page whose PDF links were hidden (its release lacked their PDFs) is printed as rendered.
    if (hasHiddenPdfLinks(bytes)) {
      bytes = showPdfLinks(bytes);
      await writeFileAnew(page, bytes);
    }
    const read = bytes.toString('utf8');
    // A pack printed before has its agenda filled in, and a page its PDF's size: the key is that of the page as rendered.
    const html = emptyFileSizes(task.kind === 'pack' ? resetAgendaPages(read) : read);
    const key = createHash('sha256')
      .update(PRINT_VERSION)
      .update(assetsHash)
      .update(JSON.stringify({ footer: task.footer, meta: task.metadata }))
      .update(html)
      .digest('hex');
    keys.set(task, key);
    if (await restoreFromCache(options, task, key)) {
      restored.add(task);
      options.onProgress?.({ done: ++done, total: tasks.length, task, reused: true, seconds: 0 });
    }
  });
  const toPrint = tasks.filter((task) => !restored.has(task));
  let packPrintings = 0;
  if (toPrint.length > 0) {
    const printer = await openPrinter({
      siteDir: options.siteDir,
      basePath: model.site.basePath,
      publishedAt: model.site.baseUrl,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    const printTask = async (task: PdfTask) => {
      const started = performance.now();
      let bytes: Uint8Array;
      if (task.kind === 'pack') {
        const pack = await printPack(printer, options.siteDir, task, options.foretellPacks ?? true);
        packPrintings += pack.printings;
        bytes = pack.bytes;
      } else bytes = await printer.print({ url: task.pageUrl, source: task.source });
      const final = finalisePdf(bytes, task.metadata, keys.get(task) ?? '');
      await writeFileAnew(pagePath(options.siteDir, task.pdfUrl), final);
      await saveToCache(options, task, keys.get(task) ?? '', final);
      options.onProgress?.({
        done: ++done,
        total: tasks.length,
        task,
        reused: false,
        seconds: (performance.now() - started) / 1000,
      });
    };
    try {
      // Reports first: a pack's agenda pages are worked out from its reports' page counts.
      await printer.forEach(
        toPrint.filter((task) => task.kind !== 'pack'),
        printTask,
      );
      await printer.forEach(
        toPrint.filter((task) => task.kind === 'pack'),
        printTask,
      );
    } finally {
      await printer.close();
    }
  }
  const index = options.select ? await readCacheIndex(options.cacheDir) : {};
  for (const [task, key] of keys) index[task.pageUrl] = key;
  if (!options.select) await pruneCache(options.cacheDir, new Set(keys.values()));
  await writeCacheIndex(options.cacheDir, index);
  return { printed: toPrint.length, reused: tasks.length - toPrint.length, total: tasks.length, packPrintings };
}

/**
 * Print the pack once with the agenda's page numbers worked out from the page
 * counts of its reports' own PDFs (a cover page and an agenda page, then each
 * report from a new page). The printed pack is checked: where an item landed
 * elsewhere, those pages are written in and it is printed again, until the
 * numbers settle. The placeholders are as wide as the numbers, so a second
 * printing keeps the first one's pages; that too is checked, not assumed.
 */
async function printPack(
  printer: Printer,
  siteDir: string,
  task: PdfTask,
  foretell: boolean,
): Promise<{ bytes: Uint8Array; printings: number }> {
  const file = pagePath(siteDir, task.pageUrl);
  let html = await readFile(file, 'utf8');
  const foretold = foretell ? await foretellAgendaPages(siteDir, task) : undefined;
  if (foretold) {
    html = fillAgendaPages(html, foretold);
    await writeFileAnew(file, html);
  }
  const request = { url: task.pageUrl, source: task.source };
  for (let attempt = 0; attempt < 3; attempt++) {
    const bytes = await printer.print(request);
    const pages = readDestinationPages(bytes);
    const stated = readAgendaPages(html);
    if ([...stated].every(([id, page]) => String(pages.get(id)) === page)) return { bytes, printings: attempt + 1 };
    html = fillAgendaPages(html, pages);
    await writeFileAnew(file, html);
  }
  throw new PrintError(task.source, `the agenda page numbers of ${task.pageUrl} did not settle`);
}

/** Where each report of a pack should start, from the page counts of the reports' PDFs; nothing when one cannot be read. */
async function foretellAgendaPages(siteDir: string, task: PdfTask): Promise<Map<string, number> | undefined> {
  const pages = new Map<string, number>();
  // The cover, then the agenda, each one page; the first report starts on the next.
  let next = 3;
  for (const item of task.items ?? []) {
    try {
      pages.set(item.id, next);
      next += readPageCount(await readFile(pagePath(siteDir, item.pdfUrl)));
    } catch {
      return undefined;
    }
  }
  return pages;
}

function pagePath(siteDir: string, url: string): string {
  return path.join(siteDir, pageFile(url));
}

/**
 * Put the cached PDF of this key beside its page, as a hard link to the cache
 * entry where the file system allows (an entry's bytes never change: a new
 * PDF is a new key, and every PDF is written as a new file). A pack's page is
 * copied, since its agenda is written into it when it is printed; as a new file,
 * since the page may be a link to the published release's.
 */
async function restoreFromCache(options: PrintSiteOptions, task: PdfTask, key: string): Promise<boolean> {
  const cached = path.join(options.cacheDir, `${key}.pdf`);
  try {
    if (task.kind === 'pack')
      await copyFileAnew(path.join(options.cacheDir, `${key}.html`), pagePath(options.siteDir, task.pageUrl));
    await linkFile(cached, pagePath(options.siteDir, task.pdfUrl));
    return true;
  } catch {
    return false;
  }
}

async function saveToCache(options: PrintSiteOptions, task: PdfTask, key: string, bytes: Uint8Array): Promise<void> {
  if (task.kind === 'pack')
    await copyFileAnew(pagePath(options.siteDir, task.pageUrl), path.join(options.cacheDir, `${key}.html`));
  await writeFileAnew(path.join(options.cacheDir, `${key}.pdf`), bytes);
}

async function pruneCache(cacheDir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    if (name !== 'index.json' && !keep.has(name.replace(/\.(pdf|html)$/, '')))
      await rm(path.join(cacheDir, name), { force: true });
  }
}
