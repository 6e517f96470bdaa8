import type { EntryKind } from '../schemas/index.ts';
import type { YamlSource } from './yaml-source.ts';

export type { EntryKind };

export interface MarkdownBody {
  text: string;
  /** Line of the file on which the body's first line stands. */
  startLine: number;
}

/** One content file as read: its id, where it is, and its still-unchecked data. */
export interface RawEntry {
  kind: EntryKind;
  id: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  source: YamlSource;
  data: unknown;
  body?: MarkdownBody;
}
