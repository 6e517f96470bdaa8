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

/** A Markdown file's body text ('' for a file without one). */
export function bodyText(entry: Pick<Entry, 'body'>): string {
  return entry.body?.text ?? '';
}
