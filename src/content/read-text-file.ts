import { readFile, stat } from 'node:fs/promises';
import { createError, type ContentError } from '../errors/content-error.ts';

/** Content files above this size are refused: nothing an author writes by hand is this big. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; warning?: ContentError } | { ok: false; error: ContentError };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Read a file as strict UTF-8, turning every way it can fail into a located error. */
export async function readTextFile(absolutePath: string, file: string): Promise<ReadResult> {
  const at = { file, line: 1, col: 1 };
  try {
    const info = await stat(absolutePath);
    if (info.isDirectory()) {
      return fail(createError(at, 'E_READ', 'this is a folder, not a file', 'rename the folder or move its contents; a content file must be a file'));
    }
    if (info.size > MAX_FILE_BYTES) {
      return fail(createError(at, 'E_READ', `the file is ${Math.round(info.size / 1024)} KB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a content file`, 'split it into smaller files, or remove pasted data'));
    }
    const bytes = await readFile(absolutePath);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return fail(createError(at, 'E_ENCODING', 'the file is UTF-16 (it starts with a UTF-16 byte-order mark)', 'save the file as UTF-8 in your editor'));
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      const offset = findInvalidUtf8(bytes);
      const pos = positionOfByte(bytes, offset);
      return fail(createError({ file, ...pos }, 'E_ENCODING', 'the file is not valid UTF-8 (perhaps saved as Latin-1 or Windows-1252)', 'save the file as UTF-8 in your editor'));
    }
    let warning: ContentError | undefined;
    // A UTF-8 byte-order mark is read past (the decoder drops it), but said, since some tools mishandle it.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      warning = createError(at, 'E_ENCODING', 'the file starts with a byte-order mark', 'save it as UTF-8 without BOM', 'warning');
    }
    if (text.trim() === '') {
      return fail(createError(at, 'E_EMPTY_FILE', 'the file is empty', 'add its content, or delete the file'));
    }
    return { ok: true, text, ...(warning ? { warning } : {}) };
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : 'unknown error';
    return fail(createError(at, 'E_READ', `the file could not be read (${reason})`, 'check that it exists and is readable'));
  }
}

function fail(error: ContentError): ReadResult {
  return { ok: false, error };
}

function findInvalidUtf8(bytes: Uint8Array): number {
  // Decode growing prefixes line by line; the first line that fails holds the bad byte.
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return start;
      }
      start = i + 1;
    }
  }
  return 0;
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return { line, col: 1 };
}
