import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

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
 * Tags and bookmarks are kept as printed.
 */
export async function finalisePdf(bytes: Uint8Array, meta: PdfMetadata, fingerprint: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const date = new Date(`${meta.date}T00:00:00Z`);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('papers');
  doc.setProducer('papers');
  doc.setLanguage(meta.language);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  // The identifier Chromium derives from the time is replaced by one derived from what was printed.
  const id = createHash('md5').update(fingerprint).update(JSON.stringify(meta)).digest('hex');
  const idArray = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]) as PDFArray;
  doc.context.trailerInfo.ID = idArray;
  return renumberStructureIds(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
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
