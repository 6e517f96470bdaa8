import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

const run = promisify(execFile);

/** The text of each page, as poppler's pdftotext reads it (pages are split by form feeds). */
export async function readPageTexts(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((p) => p.replace(/\s+/g, ' ').trim());
}

/** pdfinfo's fields, such as Tagged, Title, Pages. */
export async function readPdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export interface Bookmark {
  title: string;
  children: Bookmark[];
}

/** The document outline (bookmarks) as a tree of titles. */
export async function readBookmarks(file: string): Promise<Bookmark[]> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (first: PDFDict | undefined): Bookmark[] => {
    const out: Bookmark[] = [];
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
      out.push({ title: text, children: walk(item.lookupMaybe(PDFName.of('First'), PDFDict)) });
    }
    return out;
  };
  return outlines ? walk(outlines.lookupMaybe(PDFName.of('First'), PDFDict)) : [];
}

export function flattenBookmarks(marks: Bookmark[]): string[] {
  return marks.flatMap((m) => [m.title, ...flattenBookmarks(m.children)]);
}

/** Each page's lines as poppler's pdftotext reads them, space collapsed, empty lines dropped. */
export async function readPageLines(file: string): Promise<string[][]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((p) =>
    p
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
}

/** The web addresses a PDF's links open, page by page, in order. */
export async function readPdfLinks(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(file));
  const links: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const action = annots?.lookup(i, PDFDict)?.lookup(PDFName.of('A'));
      const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined;
      if (uri instanceof PDFString || uri instanceof PDFHexString) links.push(uri.decodeText());
    }
  }
  return links;
}

export interface PdfWord {
  page: number;
  text: string;
  x: number;
  y: number;
}

/** Every word of a PDF with where it starts on its page, as poppler's pdftotext places it. */
export async function readPdfWords(file: string): Promise<PdfWord[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of stdout.split('\n')) {
    if (line.includes('<page ')) page++;
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/.exec(line);
    if (word) words.push({ page, x: Number(word[1]), y: Number(word[2]), text: word[3] ?? '' });
  }
  return words;
}
