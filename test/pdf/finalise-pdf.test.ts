import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalisePdf, readDestinationPages, type PdfMetadata } from '../../src/pdf/finalise-pdf.ts';
import { openPrinter, type Printer } from '../../src/pdf/printer.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const META: PdfMetadata = {
  title: 'Crime & “Disorder” (2005) \\ é',
  author: 'Commissioner',
  subject: 'Report 6',
  keywords: ['CDRP', 'MPS'],
  date: '2005-12-08',
  language: 'en-GB',
};
const REPORT_2005 = '/committees/x-ppr/2005/051208/06/';
const REPORT_2004 = '/committees/x-ppr/2004/041104/06/';
const PACK_2005 = '/committees/x-ppr/2005/051208/pack/';

/** Every in-use cross-reference entry must point at the start of its own object. */
function misplacedObjects(bytes: Uint8Array): number[] {
  const text = Buffer.from(bytes).toString('latin1');
  const xrefAt = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const lines = text.slice(xrefAt).split('\n');
  const count = Number(lines[1]?.split(' ')[1]);
  const wrong: number[] = [];
  for (let n = 1; n < count; n++) {
    const [offset, , kind] = (lines[n + 2] ?? '').split(' ');
    if (kind === 'n' && !text.startsWith(`${n} 0 obj`, Number(offset))) wrong.push(n);
  }
  return wrong;
}

describe('finishing a printed PDF', () => {
  let printer: Printer;
  beforeAll(async () => {
    const root = await copyExampleProject();
    const build = await buildProject({ root, pdf: false, outputDir: await makeTempDir('finalise') });
    expect(build.errors).toEqual([]);
    printer = await openPrinter({ siteDir: build.siteDir, concurrency: 1 });
  });
  afterAll(async () => printer?.close());

  it('sets the information from the content and keeps every object where the table says it is', async () => {
    const printed = await printer.print({ url: REPORT_2005, source: 'test' });
    const final = finalisePdf(printed, META, 'fingerprint');
    expect(misplacedObjects(final)).toEqual([]);
    const doc = await PDFDocument.load(final, { updateMetadata: false, throwOnInvalidObject: true });
    expect(doc.getTitle()).toBe(META.title);
    expect(doc.getAuthor()).toBe('Commissioner');
    expect(doc.getKeywords()).toBe('CDRP MPS');
    expect(doc.getProducer()).toBe('papers');
    expect(doc.getCreationDate()?.toISOString()).toBe('2005-12-08T00:00:00.000Z');
    expect(doc.getPageCount()).toBe((await PDFDocument.load(printed)).getPageCount());
    expect(Buffer.from(final).toString('latin1')).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  });

  it('gives the same bytes for a report printed in a fresh tab and in a tab that printed others first', async () => {
    const first = finalisePdf(await printer.print({ url: REPORT_2005, source: 'test' }), META, 'x');
    await printer.print({ url: REPORT_2004, source: 'test' });
    const again = finalisePdf(await printer.print({ url: REPORT_2005, source: 'test' }), META, 'x');
    expect(Buffer.compare(Buffer.from(first), Buffer.from(again))).toBe(0);
  });

  it('reads where each anchor of a pack landed as a full PDF parser does', async () => {
    const printed = await printer.print({ url: PACK_2005, source: 'test' });
    const doc = await PDFDocument.load(printed, { updateMetadata: false });
    const pageOf = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    const expected = new Map(
      [...dests.entries()].map(([name, value]) => [
        name.decodeText(),
        pageOf.get(doc.context.lookup(value, PDFArray).get(0).toString()),
      ]),
    );
    const read = readDestinationPages(printed);
    expect(read.size).toBeGreaterThan(5);
    expect(new Set(read.values()).size).toBeGreaterThan(2);
    expect(read).toEqual(expected);
    expect(readDestinationPages(finalisePdf(printed, META, 'x'))).toEqual(read);
  });

  it('refuses, with a clear message, a PDF whose cross-references are not a classic table', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const streamed = await doc.save({ useObjectStreams: true });
    expect(() => finalisePdf(streamed, META, 'x')).toThrow(/classic cross-reference table/);
  });
});
