import { type Stats, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteModel } from '../model/types.ts';
import { pageFile } from '../domain/urls.ts';
import { giveWay, writeFileAnew } from '../util/link-file.ts';
import { listPdfLinks, settlePdfLinks, showPdfLinks } from './pdf-links.ts';

const SLOT_START = Buffer.from('<span class="file-size" data-size-of="');
const SLOT_END = Buffer.from('</span>');

/** "PDF 161 KB", as the archive labels its files. */
export function formatFileSize(bytes: number, kind = 'PDF'): string {
  return bytes < 1024 * 1024
    ? `${kind} ${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${kind} ${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The page as rendered, its PDF links shown and their size slots empty: what PDFs a release holds does not change what is printed. */
export function emptyFileSizes(html: string): string {
  return fillSlots(showPdfLinks(Buffer.from(html)), () => '').toString('utf8');
}

/**
 * The URLs of the pages that link PDFs: each meeting (its pack, minutes and
 * reports'), each pack (its papers'), each report and each minutes (their own).
 * Which PDFs each links is read from the page itself.
 */
export function listPagesWithPdfs(model: SiteModel): string[] {
  return [
    ...model.meetings.map((m) => m.url),
    ...model.meetings.map((m) => m.packUrl),
    ...model.reports.map((r) => r.url),
    ...model.minutes.map((m) => m.url),
  ];
}

/** For each page, the size each PDF it links was shown with ('' where the link was hidden). */
export type SettledSizes = Record<string, Record<string, string>>;

/** Pages of the site that are links to those of a release whose pages were settled as `settled` says. */
export interface SettledBefore {
  settled: SettledSizes;
  linked: ReadonlySet<string>;
}

/**
 * Pages are rendered before their PDFs exist; once the release's PDFs are
 * known, each link to a PDF it holds gets the PDF's size, and each link to one
 * it lacks is hidden (`settlePdfLinks`), so no page links to a missing file. A
 * page is read and written as bytes, not as text (thousands of large strings
 * would swell the heap), as a new file renamed into place: the search indexer,
 * which may be reading the page, sees the old page or the new. The links are
 * outside what the search indexes (`data-pagefind-ignore="all"`), so the index
 * is the same whichever it read. A page linked from a release that settled it
 * with the very sizes its PDFs have now is left as it is, unread.
 */
export async function fillFileSizes(
  siteDir: string,
  pageUrls: readonly string[],
  before?: SettledBefore,
  signal?: AbortSignal,
): Promise<SettledSizes> {
  const sizes = new Map<string, string | undefined>();
  const settled: SettledSizes = {};
  for (const [i, url] of pageUrls.entries()) {
    if (signal && i % 1000 === 999) await giveWay(signal);
    const known = before?.linked.has(url) ? before.settled[url] : undefined;
    if (known && isSettledAs(known, siteDir, sizes)) {
      settled[url] = known;
      continue;
    }
    const file = path.join(siteDir, pageFile(url));
    const html = await readFile(file).catch(() => undefined);
    if (!html) continue;
    const filled = settleFrom(html, siteDir, sizes);
    settled[url] = filled.shown;
    if (filled.html.equals(html)) continue;
    await writeFileAnew(file, filled.html);
  }
  return settled;
}

/** Whether each PDF a page links has the size it was shown with. */
function isSettledAs(shown: Record<string, string>, siteDir: string, sizes: Map<string, string | undefined>): boolean {
  for (const [pdf, size] of Object.entries(shown))
    if (sizeOf(pdf, siteDir, sizes) !== (size || undefined)) return false;
  return true;
}

/** A page's bytes with its PDF links settled from the PDFs in `siteDir` (a page rendered elsewhere, such as the preview's). */
export function fillSizesFrom(html: Buffer, siteDir: string): Buffer {
  return settleFrom(html, siteDir, new Map()).html;
}

/** Each PDF link of the page shown with its size, or hidden when `siteDir` lacks the PDF; `sizes` remembers what was found. */
function settleFrom(
  html: Buffer,
  siteDir: string,
  sizes: Map<string, string | undefined>,
): { html: Buffer; shown: Record<string, string> } {
  const slots: string[] = [];
  fillSlots(html, (pdf) => void slots.push(pdf));
  const shown: Record<string, string> = {};
  for (const pdf of new Set([...listPdfLinks(html), ...slots])) shown[pdf] = sizeOf(pdf, siteDir, sizes) ?? '';
  const settled = settlePdfLinks(html, (pdf, region) => (sizes.get(pdf) === undefined ? undefined : region));
  return { html: fillSlots(settled, (pdf) => sizes.get(pdf)), shown };
}

/**
 * "PDF 161 KB" for a PDF `siteDir` holds, nothing for one it lacks; `sizes` remembers what was found.
 * Looked up on this thread: at 20,000 reports a stat through the thread pool cost more than the stat.
 */
function sizeOf(pdf: string, siteDir: string, sizes: Map<string, string | undefined>): string | undefined {
  if (!sizes.has(pdf)) {
    const info = statOrNothing(path.join(siteDir, ...pdf.split('/').filter(Boolean)));
    sizes.set(pdf, info?.isFile() ? formatFileSize(info.size) : undefined);
  }
  return sizes.get(pdf);
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

function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
