import { unzipSync } from 'fflate';
import { ImportError } from './import-error.ts';

/** Deeper than any document Word writes (a table in a table in a list is a few dozen). */
export const MAX_XML_DEPTH = 500;

/**
 * Are the XML parts of a .docx what Word writes? Word never declares a
 * DOCTYPE or entities: one that does is refused before any part is parsed
 * (an external entity could read a file of this machine; nested entities
 * expand to gigabytes), as is one nested deeper than any document is.
 * Called after `checkDocx`, so the sizes unpacked are known to be sane.
 */
export function checkDocxXml(bytes: Uint8Array, name: string): void {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (file) => /\.(xml|rels)$/i.test(file.name) });
  } catch {
    throw new ImportError(
      'E_IMPORT_FORMAT',
      `${name} is a damaged zip file, not a Word document`,
      'open it in Word and save it again as .docx',
    );
  }
  const decoder = new TextDecoder();
  for (const [part, data] of Object.entries(parts)) checkPart(part, decoder.decode(data), name);
}

function checkPart(part: string, xml: string, name: string): void {
  if (/<!ENTITY[^>]*\b(SYSTEM|PUBLIC)\b/i.test(xml))
    throw new ImportError(
      'E_IMPORT_XXE',
      `${name} has an external entity in ${part}, which would read a file or address outside it`,
      'Word never writes one: ask for the document to be saved again from Word, and import that',
    );
  if (/<!(DOCTYPE|ENTITY)/i.test(xml))
    throw new ImportError(
      'E_IMPORT_ENTITIES',
      `${name} declares its own entities in ${part} (which can expand to far more than the file holds)`,
      'Word never writes these: ask for the document to be saved again from Word, and import that',
    );
  const depth = deepestNesting(xml);
  if (depth > MAX_XML_DEPTH)
    throw new ImportError(
      'E_IMPORT_DEPTH',
      `${name} nests its elements ${depth} deep in ${part}, deeper than any document`,
      'ask for the document to be saved again from Word, and import that',
    );
}

/** How deep elements nest, counted from their tags (self-closing ones, comments and declarations aside). */
function deepestNesting(xml: string): number {
  let depth = 0;
  let deepest = 0;
  for (const tag of xml.matchAll(/<(\/?)[A-Za-z_][^>]*?(\/?)>/g)) {
    if (tag[1]) depth--;
    else if (!tag[2]) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}
