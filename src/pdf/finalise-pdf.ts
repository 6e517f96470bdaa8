import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import {
  type ClassicPdf,
  listPageObjects,
  readClassicPdf,
  readDictObject,
  readStreamObject,
  rewriteClassicPdf,
} from './classic-pdf.ts';
import { formatXmp, type PdfMetadata } from './format-xmp.ts';
import { markArtifacts } from './mark-artifacts.ts';

export type { PdfMetadata } from './format-xmp.ts';

/**
 * Finish a PDF as Chromium printed it: set the document information and the
 * XMP metadata from the content (PDF/UA-1 identification, title, language),
 * mark what Chromium painted outside the tags (page background, running heads
 * and footers) as artifacts, and replace what Chromium takes from the clock
 * (dates, file identifier), so the same content always gives the same bytes.
 * `fingerprint` identifies the input (page and assets). Tags, bookmarks and
 * the rest are kept as printed: only the objects named here are written again.
 */
export function finalisePdf(bytes: Uint8Array, meta: PdfMetadata, fingerprint: string): Uint8Array {
  const pdf = readClassicPdf(Buffer.from(renumberStructureIds(bytes)).toString('latin1'));
  if (pdf.entries[pdf.infoNumber] === undefined)
    throw new Error('Chromium printed a PDF without the document information papers expects');
  const date = `D:${meta.date.replace(/-/g, '')}000000Z`;
  const info = [
    `<</Title ${pdfText(meta.title)}`,
    `/Author ${pdfText(meta.author)}`,
    `/Subject ${pdfText(meta.subject)}`,
    `/Keywords ${pdfText(meta.keywords.join(' '))}`,
    '/Creator (papers)',
    '/Producer (papers)',
    `/CreationDate (${date})`,
    `/ModDate (${date})>>`,
  ].join('\n');
  const replace = new Map<number, string>([[pdf.infoNumber, objectText(pdf.infoNumber, info)]]);
  for (const number of listContentStreams(pdf)) replace.set(number, markStreamArtifacts(pdf, number));
  const metadataNumber = pdf.size;
  const catalog = readDictObject(pdf, pdf.root)
    .replace(/^\d+ 0 obj\s*/, '')
    .replace(/\/Metadata \d+ 0 R/, '')
    .replace(/>>\s*$/, ` /Metadata ${metadataNumber} 0 R>>`);
  replace.set(pdf.root, objectText(pdf.root, catalog));
  const xmp = Buffer.from(formatXmp(meta), 'utf8').toString('latin1');
  const add = [`<</Type /Metadata /Subtype /XML /Length ${xmp.length}>> stream\n${xmp}\nendstream`];
  // The identifier Chromium leaves out is derived from what was printed, never from the time.
  const id = createHash('md5').update(fingerprint).update(JSON.stringify(meta)).digest('hex');
  return new Uint8Array(Buffer.from(rewriteClassicPdf(pdf, { replace, add, id }), 'latin1'));
}

function objectText(number: number, body: string): string {
  return `${number} 0 obj\n${body}\nendobj\n`;
}

/** The content streams of every page. */
function listContentStreams(pdf: ClassicPdf): number[] {
  const streams = new Set<number>();
  for (const page of listPageObjects(pdf)) {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ \d+ R)/.exec(readDictObject(pdf, page))?.[1] ?? '';
    for (const ref of contents.matchAll(/(\d+) \d+ R/g)) streams.add(Number(ref[1]));
  }
  return [...streams];
}

/** A page's content stream again, its unmarked graphics objects marked as artifacts. */
function markStreamArtifacts(pdf: ClassicPdf, number: number): string {
  const { dict, data } = readStreamObject(pdf, number);
  const flate = /\/Filter\s*\/FlateDecode/.test(dict);
  if (/\/Filter/.test(dict) && !flate) throw new Error(`object ${number} of the PDF is a stream papers cannot read`);
  const raw = Buffer.from(data, 'latin1');
  const content = (flate ? inflateSync(raw) : raw).toString('latin1');
  const marked = Buffer.from(markArtifacts(content), 'latin1');
  const encoded = (flate ? deflateSync(marked) : marked).toString('latin1');
  const filter = flate ? '/Filter /FlateDecode ' : '';
  return objectText(number, `<<${filter}/Length ${encoded.length}>> stream\n${encoded}\nendstream`);
}

/** A PDF text string: UTF-16BE with a byte-order mark, in hex, so any character and no escaping problem. */
function pdfText(value: string): string {
  const utf16 = Buffer.from(`\ufeff${value}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

/**
 * Chromium names tagged-PDF structure elements after its DOM node counters
 * (`node00000137`), which depend on what the renderer did before. Renumber
 * them in order of appearance, at the same width so no byte offset moves.
 */
export function renumberStructureIds(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const ids = new Map<string, string>();
  const renumbered = text.replace(/\(node(\d{8})\)/g, (_whole, digits: string) => {
    let next = ids.get(digits);
    if (next === undefined) {
      next = String(ids.size + 1).padStart(8, '0');
      ids.set(digits, next);
    }
    return `(node${next})`;
  });
  return new Uint8Array(Buffer.from(renumbered, 'latin1'));
}

/**
 * The named destinations of a PDF, as 1-based page numbers: where each anchor
 * landed. Only the catalog, the page tree and the destinations are read, so a
 * pack of hundreds of pages costs a few milliseconds and no copy of its streams.
 */
export function readDestinationPages(bytes: Uint8Array): Map<string, number> {
  const pdf = readClassicPdf(Buffer.from(bytes).toString('latin1'));
  const catalog = readDictObject(pdf, pdf.root);
  const pageNumbers = new Map(listPageObjects(pdf).map((number, i) => [number, i + 1]));
  const result = new Map<string, number>();
  const destsRef = /\/Dests (\d+) \d+ R/.exec(catalog)?.[1];
  if (!destsRef) return result;
  for (const [, name, target] of readDictObject(pdf, Number(destsRef)).matchAll(
    /\/([^\s/[\]<>()]+)\s*\[\s*(\d+) \d+ R/g,
  )) {
    const page = pageNumbers.get(Number(target));
    if (page !== undefined && name) result.set(decodeName(name), page);
  }
  return result;
}

/** How many pages a PDF has, from its page tree's root alone. */
export function readPageCount(bytes: Uint8Array): number {
  const pdf = readClassicPdf(Buffer.from(bytes).toString('latin1'));
  const catalog = readDictObject(pdf, pdf.root);
  const pagesRoot = /\/Pages (\d+) \d+ R/.exec(catalog)?.[1];
  const count = pagesRoot ? /\/Count (\d+)/.exec(readDictObject(pdf, Number(pagesRoot)))?.[1] : undefined;
  if (count === undefined) throw new Error('the PDF has no page tree');
  return Number(count);
}

function decodeName(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
