import { ImportError } from './import-error.ts';
import type { ImportWarning } from './import-types.ts';

const HTML_START = /^\s*(<!doctype html|<html|<head|<body|<meta|<!--|<div|<p\b|<h1)/i;

/**
 * A saved page's text, decoded as it says or as its bytes show: a byte-order
 * mark (UTF-8, UTF-16), the charset its head declares, else UTF-8, else (bytes
 * that are not UTF-8) Latin-1 with a warning. Not a page: undefined.
 */
export function decodePage(bytes: Uint8Array, name: string, warnings: ImportWarning[]): string | undefined {
  const bom = readBom(bytes);
  if (bom) return looksLikePage(decode(bytes, bom, name));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  if (!HTML_START.test(head)) return undefined;
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1];
  if (declared) return decode(bytes, declared, name);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    warnings.push({
      at: 'the page',
      message:
        'it declares no charset and is not UTF-8: it was read as Latin-1 (Windows-1252); check its accented letters and symbols',
    });
    return decodeWindows1252(bytes);
  }
}

/** What bytes 0x80 to 0x9F are in Windows-1252 (the rest are Latin-1's): Node's own decoder reads them as Latin-1. */
const WINDOWS_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The labels that name Windows-1252 (as browsers read them all). */
const WINDOWS_1252_LABELS =
  /^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii)$/i;

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk.map((b) => b)).replace(
      /[\x80-\x9f]/g,
      (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80]!,
    );
  }
  return text;
}

function readBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function looksLikePage(text: string): string | undefined {
  return HTML_START.test(text.slice(0, 2048)) ? text : undefined;
}

function decode(bytes: Uint8Array, charset: string, name: string): string {
  if (WINDOWS_1252_LABELS.test(charset)) return decodeWindows1252(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new ImportError(
      'E_IMPORT_ENCODING',
      `${name} says its characters are in "${charset}", which papers cannot read`,
      'save the page again as UTF-8 (in a browser: Save Page As, "Web Page, HTML only"), and import that',
    );
  }
  try {
    return decoder.decode(bytes).replace(/^\ufeff/, '');
  } catch {
    throw new ImportError(
      'E_IMPORT_ENCODING',
      `${name} says its characters are in "${charset}", but its bytes are not`,
      'save the page again as UTF-8, and import that',
    );
  }
}
