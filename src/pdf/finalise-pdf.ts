import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';

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
  const text = Buffer.from(renumberStructureIds(bytes)).toString('latin1');
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const xrefAt = Number(tail?.[1] ?? -1);
  const trailerAt = text.lastIndexOf('trailer');
  if (!tail || !text.startsWith('xref', xrefAt) || trailerAt < xrefAt) throw new Error('Chromium printed a PDF without the classic cross-reference table papers expects');
  const trailer = text.slice(trailerAt, tail.index);
  const infoNumber = Number(/\/Info (\d+) 0 R/.exec(trailer)?.[1] ?? -1);
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  const entries = readXref(text.slice(xrefAt, trailerAt));
  const infoAt = entries[infoNumber]?.offset;
  if (infoAt === undefined || !size || !root) throw new Error('Chromium printed a PDF without the document information papers expects');
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
    ...entries.map((e) => `${String(e.inUse && e.offset > infoAt ? e.offset + shift : e.offset).padStart(10, '0')} ${e.generation} ${e.inUse ? 'n' : 'f'} `),
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
  if (entries.length === 0 || entries.some((e) => e === undefined)) throw new Error('Chromium printed a PDF whose cross-reference table papers cannot read');
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

/** The named destinations of a PDF, as 1-based page numbers: where each anchor landed. */
export async function readDestinationPages(bytes: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const result = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), (await import('pdf-lib')).PDFDict);
  if (!dests) return result;
  for (const [name, value] of dests.entries()) {
    const array = doc.context.lookup(value);
    const target = array instanceof PDFArray ? array.get(0) : undefined;
    const page = target ? pageIndex.get(target.toString()) : undefined;
    if (page !== undefined) result.set(decodeName(name.asString()), page);
  }
  return result;
}

function decodeName(name: string): string {
  return name.replace(/^\//, '').replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
