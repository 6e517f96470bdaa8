import type { EntryKind } from '../schemas/index.ts';
import type { YamlSource } from './yaml-source.ts';

export type { EntryKind };

export interface MarkdownBody {
  /** Its text (read from the bytes kept: call `bodyText` once and keep the result, rather than reading it again and again). */
  readonly text: string;
  /** Its UTF-8, when it is kept as bytes: what is sent to another thread in place of the text. */
  readonly utf8?: Uint8Array;
  /** Line of the file on which the body's first line stands. */
  startLine: number;
}

/** Where a content file is, and what it holds by its place: found before it is read. */
export interface EntryAddress {
  kind: EntryKind;
  id: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
}

/**
 * One content file: where it is, its YAML source and its data, and a Markdown
 * file's body. As loaded, `data` is unchecked (`Entry`); once it passes its
 * schema, it is that schema's type (`Entry<ReportData>`). The same type from
 * the loader to the model.
 */
export interface Entry<T = unknown> extends EntryAddress {
  source: YamlSource;
  data: T;
  body?: MarkdownBody;
}

/**
 * An entry made field by field. An object literal that starts by spreading
 * another (`{ ...address, data }`) gives each object V8 makes from it a hidden
 * class of its own, and every read of the archive's 25,000 entries then goes
 * through V8's slowest lookup.
 */
export function makeEntry<T>(address: EntryAddress, source: YamlSource, data: T, body?: MarkdownBody): Entry<T> {
  const { kind, id, file } = address;
  return body ? { kind, id, file, source, data, body } : { kind, id, file, source, data };
}

/** A Markdown file's body text ('' for a file without one). */
export function bodyText(entry: Pick<Entry, 'body'>): string {
  return entry.body?.text ?? '';
}
