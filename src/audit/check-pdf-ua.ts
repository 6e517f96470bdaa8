import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import { readOperationsByToken } from '../pdf/mark-artifacts.ts';

/** What the PDF check reads from each file, for the audit's record and README. */
export const PDF_UA_CHECKS =
  "papers' PDF/UA-1 checks with pdf-lib (structure tree, every page's content tagged or an artifact, language, displayed title, tab order, heading levels, table header scope, figures' alternative text, embedded fonts with Unicode maps, XMP identification)";

/**
 * The PDF/UA-1 conditions that can be read from the file itself, checked with
 * pdf-lib: each failure is a sentence. The conditions that need a person
 * (reading order, alternative text that says the right thing, colour) are not.
 */
export async function checkPdfUa(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = doc.catalog;
  const failures: string[] = [];
  const fail = (message: string) => failures.push(message);
  checkMetadata(doc, fail);
  const lang = catalog.lookup(PDFName.of('Lang'));
  if (!(lang instanceof PDFString || lang instanceof PDFHexString) || lang.decodeText() === '')
    fail('the catalog has no /Lang');
  const prefs = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  if (prefs?.lookup(PDFName.of('DisplayDocTitle')) !== PDFBool.True) fail('/DisplayDocTitle is not true');
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  if (markInfo?.lookup(PDFName.of('Marked')) !== PDFBool.True) fail('/MarkInfo /Marked is not true');
  const root = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) fail('there is no structure tree');
  else checkStructure(doc, root, fail);
  doc.getPages().forEach((page, i) => {
    if (page.node.lookup(PDFName.of('Tabs')) !== PDFName.of('S')) fail(`page ${i + 1} has no /Tabs /S`);
    checkContent(doc, page.node, i + 1, fail);
    checkFonts(doc, page.node, i + 1, fail);
  });
  return [...new Set(failures)];
}

type Fail = (message: string) => void;

function checkMetadata(doc: PDFDocument, fail: Fail): void {
  const stream = doc.catalog.lookupMaybe(PDFName.of('Metadata'), PDFStream);
  if (!(stream instanceof PDFRawStream)) return void fail('the catalog has no XMP metadata stream');
  const xmp = Buffer.from(stream.getContents()).toString('utf8');
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp)) fail('the XMP metadata does not say pdfuaid:part 1');
  const title = /<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">([^<]+)<\/rdf:li>/.exec(xmp)?.[1];
  if (!title) fail('the XMP metadata has no dc:title');
  else if (unescapeXml(title) !== doc.getTitle()) fail('the XMP title is not the document title');
  if (!/<dc:language>/.test(xmp)) fail('the XMP metadata has no dc:language');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Headings in order without a skipped level, table headers with their scope, figures with /Alt. */
function checkStructure(doc: PDFDocument, root: PDFDict, fail: Fail): void {
  const state = { level: 0 };
  const visit = (node: unknown, depth: number): void => {
    const item = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (item instanceof PDFArray) {
      for (const kid of item.asArray()) visit(kid, depth);
    } else if (item instanceof PDFDict && depth <= 200) {
      checkElement(doc, item, state, fail);
      visit(item.get(PDFName.of('K')), depth + 1);
    }
  };
  visit(root.get(PDFName.of('K')), 0);
}

/** One structure element: a heading's level after the one before, a header cell's scope, a figure's text. */
function checkElement(doc: PDFDocument, element: PDFDict, state: { level: number }, fail: Fail): void {
  const role = element.lookup(PDFName.of('S'));
  const name = role instanceof PDFName ? role.decodeText() : '';
  const heading = /^H([1-6])$/.exec(name);
  if (heading) {
    const next = Number(heading[1]);
    if (next > state.level + 1) fail(`a heading goes from level ${state.level} to ${next}`);
    state.level = next;
  }
  if (name === 'TH' && !hasScope(doc, element)) fail('a table header cell has no /Scope');
  if (name === 'Figure' && !hasText(element.lookup(PDFName.of('Alt')))) fail('a figure has no /Alt');
}

function hasScope(doc: PDFDocument, th: PDFDict): boolean {
  const attributes = th.lookup(PDFName.of('A'));
  const list = attributes instanceof PDFArray ? attributes.asArray() : [attributes];
  return list.some((a) => {
    const dict = a instanceof PDFRef ? doc.context.lookup(a) : a;
    return dict instanceof PDFDict && dict.lookup(PDFName.of('Scope')) instanceof PDFName;
  });
}

function hasText(value: unknown): boolean {
  return (value instanceof PDFString || value instanceof PDFHexString) && value.decodeText().trim() !== '';
}

const PAINTS = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'EI']);

/** Every operator that paints lies inside marked content: tagged (an MCID) or an artifact. */
function checkContent(doc: PDFDocument, page: PDFDict, number: number, fail: Fail): void {
  const contents = page.lookup(PDFName.of('Contents'));
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const unmarked = findUnmarkedPaint(Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'));
    if (unmarked) return void fail(`page ${number} paints (${unmarked}) outside marked content`);
  }
}

/** The first operator of a content stream that paints outside any marked content. */
function findUnmarkedPaint(content: string): string | undefined {
  let depth = 0;
  for (const { operator } of readOperationsByToken(content)) {
    if (operator === 'BDC' || operator === 'BMC') depth++;
    else if (operator === 'EMC') depth--;
    else if (depth === 0 && PAINTS.has(operator)) return operator;
  }
  return undefined;
}

/** Every font embedded, with a map to Unicode. */
function checkFonts(doc: PDFDocument, page: PDFDict, number: number, fail: Fail): void {
  const fonts = page.lookupMaybe(PDFName.of('Resources'), PDFDict)?.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [, ref] of fonts?.entries() ?? []) {
    const font = doc.context.lookup(ref);
    if (!(font instanceof PDFDict)) continue;
    const name = String(font.lookup(PDFName.of('BaseFont')) ?? '?');
    if (!font.has(PDFName.of('ToUnicode'))) fail(`font ${name} on page ${number} has no /ToUnicode`);
    const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const described = descendants ? doc.context.lookup(descendants.get(0)) : font;
    const descriptor =
      described instanceof PDFDict ? described.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict) : undefined;
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
    if (!embedded) fail(`font ${name} on page ${number} is not embedded`);
  }
}
