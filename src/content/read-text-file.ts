import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';

/** Content files above this size are refused: nothing an author writes by hand is this big. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult =
  /** `bytes` are the UTF-8 of `text`: what a caller keeps in place of a slice of it. */
  { ok: true; text: string; bytes: Uint8Array; warning?: ContentProblem } | { ok: false; error: ContentProblem };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Read a file as strict UTF-8, turning every way it can fail into a located error. */
export function readTextFile(absolutePath: string, file: string): ReadResult {
  const bytes = readFileBytes(absolutePath, file);
  return bytes instanceof Uint8Array ? decodeText(bytes, file) : fail(bytes);
}

/** The bytes of a plain file, or why they could not be read, as a located error. */
export function readFileBytes(absolutePath: string, file: string): Uint8Array | ContentProblem {
  try {
    return readPlainFile(absolutePath, file);
  } catch (err) {
    const reason =
      err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : 'unknown error';
    return createProblem(
      { file, line: 1, col: 1 },
      'E_READ',
      `the file could not be read (${reason})`,
      'check that it exists and is readable',
    );
  }
}

/**
 * The bytes of a plain file of at most MAX_FILE_BYTES, or why it is not one.
 * Read synchronously: one file is open at a time, and an archive's 25,000 small
 * files are read in a fifth of the time the thread pool's round trips took.
 */
function readPlainFile(absolutePath: string, file: string): Uint8Array | ContentProblem {
  const at = { file, line: 1, col: 1 };
  let fd: number;
  try {
    // Never following a link (it could lead out of the project), nor waiting on a pipe or device.
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    // Said as what is there (a link, a socket), when there is something there.
    const what = describeNotAFile(lstatSync(absolutePath));
    if (what) return notAFileError(file, what);
    throw err;
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory())
      return createProblem(
        at,
        'E_READ',
        'this is a folder, not a file',
        'rename the folder or move its contents; a content file must be a file',
      );
    const notAFile = describeNotAFile(info);
    if (notAFile) return notAFileError(file, notAFile);
    if (info.size > MAX_FILE_BYTES) return tooBig(at, info.size);
    const bytes = readAtMost(fd, Math.min(MAX_FILE_BYTES + 1, info.size + 1));
    return bytes.length > MAX_FILE_BYTES ? tooBig(at, bytes.length) : bytes;
  } finally {
    closeSync(fd);
  }
}

/** Up to `size` bytes of an open file: room for the file as it was and one byte more, to see it if it grew past the limit. */
function readAtMost(fd: number, size: number): Uint8Array {
  // Shared memory: a worker thread parsing a report's Markdown reads these very bytes, with no copy.
  const buffer = Buffer.from(new SharedArrayBuffer(size));
  let length = 0;
  while (length < buffer.length) {
    const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

/** Bytes as UTF-8 text, refusing UTF-16, invalid UTF-8, control characters and an empty file. */
export function decodeText(bytes: Uint8Array, file: string): ReadResult {
  const at = { file, line: 1, col: 1 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return fail(
      createProblem(
        at,
        'E_ENCODING',
        'the file is UTF-16 (it starts with a UTF-16 byte-order mark)',
        'save the file as UTF-8 in your editor',
      ),
    );
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return fail(
      createProblem(
        { file, ...positionOfByte(bytes, findInvalidUtf8(bytes)) },
        'E_ENCODING',
        'the file is not valid UTF-8 (perhaps saved as Latin-1 or Windows-1252)',
        'save the file as UTF-8 in your editor',
      ),
    );
  }
  // A UTF-8 byte-order mark is read past (the decoder drops it), but said, since some tools mishandle it.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const control = findControlCharacter(text, file);
  if (control) return fail(control);
  if (text.trim() === '')
    return fail(createProblem(at, 'E_EMPTY_FILE', 'the file is empty', 'add its content, or delete the file'));
  const warning = bom
    ? createProblem(
        at,
        'E_ENCODING',
        'the file starts with a byte-order mark',
        'save it as UTF-8 without BOM',
        'warning',
      )
    : undefined;
  return { ok: true, text, bytes: bom ? bytes.subarray(3) : bytes, ...(warning ? { warning } : {}) };
}

/** Control characters (other than tab and line breaks) are never text: in a title they would break the feed's XML. */
function findControlCharacter(text: string, file: string): ContentProblem | undefined {
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (!control) return undefined;
  const before = text.slice(0, control.index);
  return createProblem(
    { file, line: before.split('\n').length, col: control.index - before.lastIndexOf('\n') },
    'E_ENCODING',
    `the file holds a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`,
    'delete it: a content file holds text, tabs and line breaks only',
  );
}

/** What a path is, when it is not a plain file or folder: said in the error. */
export function describeNotAFile(info: {
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
  isFile(): boolean;
  isDirectory(): boolean;
}): string | undefined {
  if (info.isSymbolicLink()) return 'a link';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isBlockDevice() || info.isCharacterDevice()) return 'a device';
  if (!info.isFile() && !info.isDirectory()) return 'not a plain file';
  return undefined;
}

export function notAFileError(file: string, what: string): ContentProblem {
  return createProblem(
    { file, line: 1, col: 1 },
    'E_NOT_A_FILE',
    `this is ${what}, not a file of the project`,
    'replace it with the file itself: content is read only from the project’s own plain files',
  );
}

function tooBig(at: { file: string; line: number; col: number }, size: number): ContentProblem {
  return createProblem(
    at,
    'E_READ',
    `the file is ${Math.round(size / 1024)} KB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a content file`,
    'split it into smaller files, or remove pasted data',
  );
}

function fail(error: ContentProblem): ReadResult {
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
