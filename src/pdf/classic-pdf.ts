/**
 * Reading and rewriting a PDF as Chromium writes it: a classic cross-reference
 * table, no object streams, every object `N 0 obj … endobj`. The file is held
 * as Latin-1 text (one character per byte), so offsets are byte offsets and
 * binary streams pass through untouched.
 */

export interface XrefEntry {
  offset: number;
  generation: string;
  inUse: boolean;
}

export interface ClassicPdf {
  text: string;
  entries: XrefEntry[];
  xrefAt: number;
  infoNumber: number;
  size: number;
  root: number;
}

/** The cross-reference table and trailer of a PDF as Chromium writes it. */
export function readClassicPdf(text: string): ClassicPdf {
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const xrefAt = Number(tail?.[1] ?? -1);
  const trailerAt = text.lastIndexOf('trailer');
  if (!tail || !text.startsWith('xref', xrefAt) || trailerAt < xrefAt)
    throw new Error('Chromium printed a PDF without the classic cross-reference table papers expects');
  const trailer = text.slice(trailerAt, tail.index);
  const infoNumber = Number(/\/Info (\d+) 0 R/.exec(trailer)?.[1] ?? -1);
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  if (!size || !root) throw new Error('Chromium printed a PDF without the trailer papers expects');
  const entries = readXref(text.slice(xrefAt, trailerAt));
  return { text, entries, xrefAt, infoNumber, size: Number(size), root: Number(root) };
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

/** The text of a dictionary object (one without a stream), from `N 0 obj` to `endobj`. */
export function readDictObject(pdf: ClassicPdf, number: number): string {
  const at = pdf.entries[number]?.offset;
  if (at === undefined) throw new Error(`the PDF has no object ${number}`);
  const end = pdf.text.indexOf('endobj', at);
  return pdf.text.slice(at, end < 0 ? undefined : end);
}

/** A stream object's dictionary and its raw (still encoded) data. */
export function readStreamObject(pdf: ClassicPdf, number: number): { dict: string; data: string } {
  const at = pdf.entries[number]?.offset;
  if (at === undefined) throw new Error(`the PDF has no object ${number}`);
  const open = pdf.text.indexOf('stream', at);
  const dict = pdf.text.slice(pdf.text.indexOf('<<', at), open);
  const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? Number.NaN);
  const start = open + (pdf.text.startsWith('stream\r\n', open) ? 8 : 7);
  if (Number.isNaN(length)) throw new Error(`object ${number} of the PDF is not a stream of known length`);
  return { dict, data: pdf.text.slice(start, start + length) };
}

/** The object numbers of every page, in order, from the catalog's page tree. */
export function listPageObjects(pdf: ClassicPdf): number[] {
  const pages: number[] = [];
  const walk = (number: number, depth: number) => {
    const node = readDictObject(pdf, number);
    if (!/\/Type\s*\/Pages\b/.test(node)) pages.push(number);
    else if (depth < 64)
      for (const kid of (/\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '').matchAll(/(\d+) \d+ R/g))
        walk(Number(kid[1]), depth + 1);
  };
  const pagesRoot = /\/Pages (\d+) \d+ R/.exec(readDictObject(pdf, pdf.root))?.[1];
  if (pagesRoot) walk(Number(pagesRoot), 0);
  return pages;
}

export interface PdfRewrite {
  /** New text of existing objects (each `N 0 obj … endobj\n`), by number. */
  replace: Map<number, string>;
  /** Bodies of new objects (without `N 0 obj`), numbered from the PDF's size on. */
  add: string[];
  /** The file identifier (32 hex digits). */
  id: string;
}

/**
 * Write the PDF again with some objects replaced and some added, in the same
 * order as before, with a new cross-reference table and trailer.
 */
export function rewriteClassicPdf(pdf: ClassicPdf, rewrite: PdfRewrite): string {
  const { text, entries } = pdf;
  const placed = entries
    .map((entry, number) => ({ number, offset: entry.offset, inUse: entry.inUse }))
    .filter((e) => e.inUse && e.offset > 0)
    .sort((a, b) => a.offset - b.offset);
  const first = placed[0]?.offset ?? pdf.xrefAt;
  const parts: string[] = [text.slice(0, first)];
  let length = first;
  const offsets = new Map<number, number>();
  const put = (number: number, body: string) => {
    offsets.set(number, length);
    parts.push(body);
    length += body.length;
  };
  placed.forEach((object, i) => {
    const end = placed[i + 1]?.offset ?? pdf.xrefAt;
    put(object.number, rewrite.replace.get(object.number) ?? text.slice(object.offset, end));
  });
  rewrite.add.forEach((body, i) => {
    put(pdf.size + i, `${pdf.size + i} 0 obj\n${body}\nendobj\n`);
  });
  const size = pdf.size + rewrite.add.length;
  const rows: string[] = [];
  for (let n = 0; n < size; n++) {
    const offset = offsets.get(n);
    const generation = entries[n]?.generation ?? '00000';
    rows.push(
      offset === undefined ? `0000000000 ${n === 0 ? '65535' : generation} f ` : `${pad(offset)} ${generation} n `,
    );
  }
  const info = pdf.infoNumber >= 0 ? `/Info ${pdf.infoNumber} 0 R\n` : '';
  const trailer = `trailer\n<</Size ${size}\n/Root ${pdf.root} 0 R\n${info}/ID [<${rewrite.id}> <${rewrite.id}>]>>\n`;
  return `${parts.join('')}xref\n0 ${size}\n${rows.join('\n')}\n${trailer}startxref\n${length}\n%%EOF\n`;
}

function pad(offset: number): string {
  return String(offset).padStart(10, '0');
}
