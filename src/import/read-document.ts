import mammoth from 'mammoth';
import { markWordNumbers } from './word-markers.ts';
import { readWordNumbering } from './word-numbering.ts';
import { checkDocx } from './check-docx.ts';
import { checkDocxXml } from './check-docx-xml.ts';
import { decodePage } from './decode-page.ts';
import { ImportError } from './import-error.ts';
import type { ImportWarning } from './import-types.ts';

export interface ReadDocument {
  html: string;
  /** Footnotes by number, taken out of the text; each reference stands as a mark where it was. */
  notes: Map<string, string>;
  warnings: ImportWarning[];
  source: 'word' | 'page';
}

/** A document's HTML, its footnotes taken out (by number): a Word document converted by mammoth, or a saved page as it is. */
export async function readDocument(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  const warnings: ImportWarning[] = [];
  const page = isZipOrOle(bytes) ? undefined : decodePage(bytes, name, warnings);
  let html: string;
  if (page !== undefined) html = page;
  else {
    checkDocx(bytes, name);
    checkDocxXml(bytes, name);
    html = await convertDocx(bytes, name, warnings);
  }
  const notes = new Map<string, string>();
  // Footnotes: mammoth's (footnote-1) and this site's own (fn1), each reference marked where it stands.
  html = html.replace(
    /<ol>\s*<li id="footnote-\d+">[\s\S]*?<\/ol>|<section class="footnotes">[\s\S]*?<\/section>/g,
    (list) => {
      for (const note of list.matchAll(/<li id="(?:footnote-|fn(?:-[a-z0-9-]+-)?)(\d+)"[^>]*>([\s\S]*?)<\/li>/g)) {
        notes.set(note[1]!, note[2]!.replace(/<a [^>]*href="#(?:footnote-ref-|fnref)[^"]*"[^>]*>[\s\S]*?<\/a>/g, ''));
      }
      return '';
    },
  );
  html = html.replace(
    /<sup[^>]*>\s*<a [^>]*href="#(?:footnote-|fn(?:-[a-z0-9-]+-)?)(\d+)"[^>]*>\[?\d+\]?<\/a>\s*<\/sup>/g,
    (_ref, n: string) => `\uE000${n}\uE001`,
  );
  return { html, notes, warnings, source: page !== undefined ? 'page' : 'word' };
}

/** A zip (a .docx) or an OLE2 file (an old .doc, or a protected one): read as Word, never as text. */
function isZipOrOle(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
}

async function convertDocx(bytes: Uint8Array, name: string, warnings: ImportWarning[]): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: STYLE_MAP,
        includeDefaultStyleMap: true,
        transformDocument: markWordNumbers(readWordNumbering(bytes), warnings),
      },
    );
    for (const message of result.messages.filter((m) => m.type === 'warning').slice(0, 10))
      warnings.push({ at: 'the document', message: message.message });
    return result.value;
  } catch {
    throw new ImportError(
      'E_IMPORT_XML',
      `${name} could not be read: its parts are damaged`,
      'open it in Word and save it again as .docx, then import that',
    );
  }
}

/** Word's styles as the house template uses them: Title, then Heading 1 for A., B. and Heading 2 within them. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
];
