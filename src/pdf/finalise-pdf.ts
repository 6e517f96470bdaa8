import { createHash } from 'node:crypto';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The content's own date (YYYY-MM-DD): the PDF's dates come from it, never from the clock. */
  date: string;
  language: string;
}

/**
 * Set the document information from the content and replace what Chromium
 * takes from the clock (dates, file identifier), so the same content always
 * gives the same bytes. `fingerprint` identifies the input (page and assets).
 * Tags, bookmarks, language and the rest are kept as printed: only the
 * information dictionary, the cross-reference offsets after it and the trailer
 * are rewritten, which costs a few milliseconds where a full parse costs ~60.
 */
export function finalisePdf(bytes: Uint8Array, meta: PdfMetadata, fingerprint: string): Uint8Array {
  const pdf = readClassicPdf(Buffer.from(renumberStructureIds(bytes)).toString('latin1'));
  const { text, entries, xrefAt, infoNumber, size, root } = pdf;
  const infoAt = entries[infoNumber]?.offset;
  if (infoAt === undefined) throw new Error('Chromium printed a PDF without the document information papers expects');
  // The information object runs to the next object (or the table): its strings may contain anything.
  const infoEnd = Math.min(xrefAt, ...entries.filter((e) => e.inUse && e.offset > infoAt).map((e) => e.offset));
  const date = `D:${meta.date.replace(/-/g, '')}000000Z`;
  const info = [
    `${infoNumber} 0 obj`,
    `<</Title ${pdfText(meta.title)}`,
    `/Author ${pdfText(meta.author)}`,
    `/Subject ${pdfText(meta.subject)}`,
    `/Keywords ${pdfText(meta.keywords.join(' '))}`,
    '/Creator (papers)',
    '/Producer (papers)',
    `/CreationDate (${date})`,
    `/ModDate (${date})>>`,
    'endobj',
    '',
  ].join('\n');
  const shift = info.length - (infoEnd - infoAt);
  const body = text.slice(0, infoAt) + info + text.slice(infoEnd, xrefAt);
  // The identifier Chromium leaves out is derived from what was printed, never from the time.
  const id = createHash('md5').update(fingerprint).update(JSON.stringify(meta)).digest('hex');
  const xref = [
    'xref',
    `0 ${entries.length}`,
    ...entries.map(
      (e) =>
        `${String(e.inUse && e.offset > infoAt ? e.offset + shift : e.offset).padStart(10, '0')} ${e.generation} ${e.inUse ? 'n' : 'f'} `,
    ),
    'trailer',
    `<</Size ${size}`,
    `/Root ${root}`,
    `/Info ${infoNumber} 0 R`,
    `/ID [<${id}> <${id}>]>>`,
    'startxref',
    String(body.length),
    '%%EOF',
    '',
  ].join('\n');
  return new Uint8Array(Buffer.from(body + xref, 'latin1'));
}

interface ClassicPdf {
  /** The file as Latin-1 text: one character per byte, so offsets are byte offsets. */
  text: string;
  entries: XrefEntry[];
  xrefAt: number;
  infoNumber: number;
  size: string;
  root: string;
}

/** The cross-reference table and trailer of a PDF as Chromium writes it (a classic table, no object streams). */
function readClassicPdf(text: string): ClassicPdf {
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const xrefAt = Number(tail?.[1] ?? -1);
  const trailerAt = text.lastIndexOf('trailer');
  if (!tail || !text.startsWith('xref', xrefAt) || trailerAt < xrefAt)
    throw new Error('Chromium printed a PDF without the classic cross-reference table papers expects');
  const trailer = text.slice(trailerAt, tail.index);
  const infoNumber = Number(/\/Info (\d+) 0 R/.exec(trailer)?.[1] ?? -1);
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  if (!size || !root) throw new Error('Chromium printed a PDF without the trailer papers expects');
  return { text, entries: readXref(text.slice(xrefAt, trailerAt)), xrefAt, infoNumber, size, root };
}

/** The text of a dictionary object (one without a stream), from `N 0 obj` to `endobj`. */
function readDictObject(pdf: ClassicPdf, number: number): string {
  const at = pdf.entries[number]?.offset;
  if (at === undefined) throw new Error(`the PDF has no object ${number}`);
  const end = pdf.text.indexOf('endobj', at);
  return pdf.text.slice(at, end < 0 ? undefined : end);
}

interface XrefEntry {
  offset: number;
  generation: string;
  inUse: boolean;
}

/** The entries of a classic cross-reference table, by object number. */
function readXref(table: string): XrefEntry[] {
  const entries: XrefEntry[] = [];
  let next = 0;
  for (const line of table.split(/\r?\n/).slice(1)) {
    const section = /^(\d+) (\d+)\s*$/.exec(line);
    if (section) {
      next = Number(section[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (entry) entries[next++] = { offset: Number(entry[1]), generation: entry[2] ?? '00000', inUse: entry[3] === 'n' };
  }
  if (entries.length === 0 || entries.some((e) => e === undefined))
    throw new Error('Chromium printed a PDF whose cross-reference table papers cannot read');
  return entries;
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
  const catalog = readDictObject(pdf, Number.parseInt(pdf.root, 10));
  const pageNumbers = new Map<number, number>();
  const walk = (number: number, depth: number) => {
    const node = readDictObject(pdf, number);
    if (!/\/Type\s*\/Pages\b/.test(node)) pageNumbers.set(number, pageNumbers.size + 1);
    else if (depth < 64)
      for (const kid of (/\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '').matchAll(/(\d+) \d+ R/g))
        walk(Number(kid[1]), depth + 1);
  };
  const pagesRoot = /\/Pages (\d+) \d+ R/.exec(catalog)?.[1];
  if (pagesRoot) walk(Number(pagesRoot), 0);
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
  const catalog = readDictObject(pdf, Number.parseInt(pdf.root, 10));
  const pagesRoot = /\/Pages (\d+) \d+ R/.exec(catalog)?.[1];
  const count = pagesRoot ? /\/Count (\d+)/.exec(readDictObject(pdf, Number(pagesRoot)))?.[1] : undefined;
  if (count === undefined) throw new Error('the PDF has no page tree');
  return Number(count);
}

function decodeName(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
