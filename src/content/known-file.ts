import type { Entry, EntryAddress, MarkdownBody } from './entry.ts';
import { makeEntry } from './entry.ts';
import { parseYamlSource } from './yaml-source.ts';

/**
 * What loading a file found, kept between runs by a digest of its bytes: its
 * data as the quick reader read it, and for a Markdown file where its front
 * matter ends and its body starts. Only a file read without a problem or a
 * warning is kept, so the same bytes are the same file, already checked as text.
 */
export interface KnownFile {
  data: unknown;
  /** Byte offset where a Markdown file's front matter ends (it starts after the first `---`). */
  matterEnd?: number;
  /** Byte offset where a Markdown file's body starts, and the line it starts on. */
  bodyStart?: number;
  startLine?: number;
}

/** The entry of a file read before, from its bytes: its YAML's text for locating problems, its body kept as bytes. */
export function entryOfKnown(target: EntryAddress, bytes: Uint8Array, known: KnownFile): Entry {
  if (known.matterEnd === undefined || known.bodyStart === undefined)
    return makeEntry(target, parseYamlSource(target.file, decodeBytes(bytes, 0, bytes.length)), known.data);
  const source = parseYamlSource(target.file, decodeBytes(bytes, 3, known.matterEnd));
  return makeEntry(target, source, known.data, keepBody(bytes, known.bodyStart, known.startLine ?? 1));
}

/**
 * A body kept as the file's UTF-8 bytes from `start`, made text each time it is
 * read. A string with one curly quote takes two bytes a character: an archive's
 * report bodies held as strings took 515 MB at 20,000 reports, as bytes about half.
 */
export function keepBody(bytes: Uint8Array, start: number, startLine: number): MarkdownBody {
  return {
    startLine,
    get text() {
      return decodeBytes(bytes, start, bytes.length);
    },
    get utf8() {
      return bytes.subarray(start);
    },
  };
}

export function decodeBytes(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}
