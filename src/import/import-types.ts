import type { ItemNumber } from '../domain/item-numbers.ts';
import type { DateStyle } from '../schemas/common.ts';
import type { Block } from './read-blocks.ts';

/** What the importer reads from a document and hands to the writer. */

/** What the importer knows of the project: the names and words a report is matched against. */
export interface ImportContext {
  committeeName: string;
  /** A Word document, or a saved page of the archive: a Word report in the house template has no opening line nor contacts of its own. */
  source: 'word' | 'page';
  /** The meeting's date, YYYY-MM-DD. */
  meetingDate: string;
  /** How the committee's generated opening lines print the meeting's date then. */
  dateStyle: DateStyle;
  glossary: readonly string[];
  contacts: ReadonlyArray<{ label: string; value: string }>;
  /** With a recommendation set: Key points / Actions / Results tables become its progress. */
  recommendationSet?: string;
  /** The recommendations of that set, by number, with their owners: an appendix of one owner's is a view of that owner. */
  recommendations?: ReadonlyMap<number, { owner: string }>;
}

/** Something the importer could not map, located in the document by its section and paragraph. */
export interface ImportWarning {
  at: string;
  message: string;
}

/** One row of a progress table, for the recommendation it belongs to. */
export interface ImportedRow {
  keyPoint: number;
  action: number;
  /** The result cell as Markdown, and its words as text. */
  result: string;
  text: string;
}

export interface ImportedRecommendation {
  number: number;
  rows: ImportedRow[];
  commentary?: string;
  /** Where in the document its table stands. */
  at: string;
}

export interface ReportDraft {
  front: Record<string, unknown>;
  body: string;
  /** The date the report bears, YYYY-MM-DD: its progress entries are dated so. */
  reportDate: string;
  progress: ImportedRecommendation[];
  warnings: ImportWarning[];
  /** Fields the document did not give, which must be added by hand. */
  missing: string[];
  /** The meeting and number the document itself states, to be checked against what import was told. */
  stated: { number?: ItemNumber; date?: string };
}

export interface Group {
  kind: 'summary' | 'lettered' | 'abbreviations' | 'appendix' | 'other';
  letter?: string;
  title: string;
  number?: number;
  blocks: Block[];
}

/** What became of one page of the archive. */
export interface PageOutcome {
  source: string;
  status: 'imported' | 'unchanged' | 'edited' | 'refused' | 'skipped';
  /** The report file written (or kept), relative to the project. */
  file?: string;
  warnings: ImportWarning[];
  /** Why the page was refused or skipped, with the error's code when refused. */
  reason?: string;
  code?: string;
}
