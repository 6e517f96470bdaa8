import { ImportError } from './import-error.ts';

/** Larger than any committee report; a file this size is refused before it is read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** What the parts of a .docx may unpack to, in all: a report's text and pictures stay far below. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** A part that unpacks to more than this many times its packed size is a zip bomb, not a document. */
const MAX_RATIO = 200;

/**
 * Is this a Word document (.docx) that may be read? Checked from its bytes
 * before any of it is unpacked: not a zip (or an old or password-protected
 * Word file, both stored as OLE2), macro-enabled, or a zip bomb.
 */
export function checkDocx(bytes: Uint8Array, name: string): void {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError(
      'E_IMPORT_PROTECTED',
      `${name} is a password-protected Word document, or one in the old .doc format`,
      'remove the password (File › Info › Protect Document) and save it as a Word Document (.docx), then import that',
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new ImportError(
      'E_IMPORT_FORMAT',
      `${name} is not a Word document (.docx)`,
      'save it from Word as a Word Document (.docx), or import a saved page of the archive (.html)',
    );
  }
  const entries = readZipEntries(bytes);
  if (!entries)
    throw new ImportError(
      'E_IMPORT_FORMAT',
      `${name} is a damaged or incomplete zip file, not a Word document`,
      'open it in Word and save it again as .docx',
    );
  let unpacked = 0;
  for (const entry of entries) {
    unpacked += entry.size;
    if (
      entry.size > MAX_UNPACKED_BYTES ||
      unpacked > MAX_UNPACKED_BYTES ||
      (entry.packed > 0 && entry.size / entry.packed > MAX_RATIO && entry.size > 1024 * 1024)
    ) {
      throw new ImportError(
        'E_IMPORT_ZIP_BOMB',
        `${name} unpacks to far more than it holds (${entry.name}): it is not read`,
        'a report saved by Word is never like this; ask for the document to be saved again',
      );
    }
  }
  const names = new Set(entries.map((e) => e.name));
  if ([...names].some((n) => /vbaProject\.bin$/i.test(n)) || /\.docm$/i.test(name)) {
    throw new ImportError(
      'E_IMPORT_MACROS',
      `${name} is a macro-enabled Word document`,
      'save it as a Word Document (.docx), which has no macros, and import that',
    );
  }
  if (!names.has('word/document.xml'))
    throw new ImportError(
      'E_IMPORT_FORMAT',
      `${name} is a zip file but not a Word document (it has no word/document.xml)`,
      'save it from Word as a Word Document (.docx)',
    );
}

interface ZipEntry {
  name: string;
  packed: number;
  size: number;
}

/** The entries a zip's central directory lists, with their sizes; nothing when it cannot be read. */
function readZipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, and a comment of at most 64 KB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return [{ name: '(zip64)', packed: 1, size: Number.MAX_SAFE_INTEGER }];
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, packed, size: size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}
