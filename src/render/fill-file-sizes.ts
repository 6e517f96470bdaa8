import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteModel } from '../model/types.ts';
import { pageFile } from '../domain/urls.ts';

const SLOT_START = Buffer.from('<span class="file-size" data-size-of="');
const SLOT_END = Buffer.from('</span>');

/** "PDF 161 KB", as the archive labels its files. */
export function formatFileSize(bytes: number, kind = 'PDF'): string {
  return bytes < 1024 * 1024
    ? `${kind} ${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${kind} ${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The page with its size slots empty, as rendered: a size filled in later does not change what is printed. */
export function emptyFileSizes(html: string): string {
  return fillSlots(Buffer.from(html), () => '').toString('utf8');
}

/** A page that shows the size of PDFs: its URL, and the URLs of the PDFs it links. */
export interface PageWithPdfs {
  url: string;
  pdfs: string[];
}

/** The pages of the site that give PDF sizes: each report (its own PDF) and each meeting (its pack and its reports'). */
export function listPagesWithPdfs(model: SiteModel): PageWithPdfs[] {
  return [
    ...model.meetings.map((m) => ({
      url: m.url,
      pdfs: [
        m.packPdfUrl,
        ...(m.minutes ? [m.minutes.pdfUrl] : []),
        ...m.agenda.flatMap((item) => (item.report ? [item.report.pdfUrl] : [])),
      ],
    })),
    ...model.reports.map((r) => ({ url: r.url, pdfs: [r.pdfUrl] })),
    ...model.minutes.map((m) => ({ url: m.url, pdfs: [m.pdfUrl] })),
  ];
}

/**
 * Pages are rendered before their PDFs exist; once printed, each size slot of
 * the pages is filled with its PDF's size. A slot whose file is missing says
 * just "PDF", as rendered, so a page none of whose PDFs exist is not read. A
 * page is read and written as bytes, not as text (thousands of large strings
 * would swell the heap), whole and renamed into place: the search indexer,
 * which may be reading the page, sees the old page or the new. The sizes are
 * outside what the search indexes (`data-pagefind-ignore="all"`), so the index
 * is the same whichever it read.
 */
export async function fillFileSizes(siteDir: string, pages: readonly PageWithPdfs[]): Promise<void> {
  for (const page of pages) {
    const sizes = new Map<string, string>();
    for (const pdf of page.pdfs) {
      const info = await stat(path.join(siteDir, ...pdf.split('/').filter(Boolean))).catch(() => undefined);
      if (info) sizes.set(pdf, formatFileSize(info.size));
    }
    if (sizes.size === 0) continue;
    const file = path.join(siteDir, pageFile(page.url));
    const html = await readFile(file).catch(() => undefined);
    if (!html) continue;
    const filled = fillSlots(html, (pdf) => sizes.get(pdf));
    if (filled.equals(html)) continue;
    await writeFile(`${file}.sizes`, filled);
    await rename(`${file}.sizes`, file);
  }
}

/** A page's bytes with its size slots filled from the PDFs in `siteDir` (a page rendered elsewhere, such as the preview's). */
export async function fillSizesFrom(html: Buffer, siteDir: string): Promise<Buffer> {
  const pdfs = new Set<string>();
  fillSlots(html, (pdf) => void pdfs.add(pdf));
  const sizes = new Map<string, string>();
  for (const pdf of pdfs) {
    const info = await stat(path.join(siteDir, ...pdf.split('/').filter(Boolean))).catch(() => undefined);
    if (info?.isFile()) sizes.set(pdf, formatFileSize(info.size));
  }
  return sizes.size === 0 ? html : fillSlots(html, (pdf) => sizes.get(pdf));
}

/** The page's bytes with each slot saying what `textFor` gives for its PDF; a slot it gives nothing for stays as it is. */
export function fillSlots(html: Buffer, textFor: (pdf: string) => string | undefined): Buffer {
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(SLOT_START); at !== -1; at = html.indexOf(SLOT_START, from)) {
    const urlStart = at + SLOT_START.length;
    const urlEnd = html.indexOf('">', urlStart);
    const end = urlEnd === -1 ? -1 : html.indexOf(SLOT_END, urlEnd);
    if (end === -1) break;
    const size = textFor(html.subarray(urlStart, urlEnd).toString('utf8'));
    pieces.push(html.subarray(from, urlEnd + 2));
    pieces.push(size === undefined ? html.subarray(urlEnd + 2, end) : Buffer.from(size));
    from = end;
  }
  pieces.push(html.subarray(from));
  return Buffer.concat(pieces);
}
