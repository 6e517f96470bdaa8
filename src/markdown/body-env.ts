/** Per-document state that the report-body rules fill in while markdown-it parses. */
import type { ViewBlock } from './recommendations-block-rule.ts';

export interface BodyEnv {
  /** Index of the first body section's letter: 1 = B, since A is the recommendation. */
  firstLetter: number;
  /** Headings (lower-case) of the sections whose paragraphs are numbered. */
  numbered: ReadonlySet<string>;
  sections: BodySection[];
  labels: Map<string, ParagraphLabel>;
  problems: BodyProblem[];
  /** `::: recommendations` blocks, in order. */
  views: ViewBlock[];
}

export interface BodySection {
  letter: string;
  title: string;
  id: string;
  /** 0-based line in the body where the heading stands. */
  line: number;
  paragraphs: number;
}

export interface ParagraphLabel {
  /** Section letter and number, such as B8. */
  ref: string;
  section: string;
  number: number;
  id: string;
}

export interface BodyProblem {
  line: number;
  code: 'E_MARKDOWN' | 'E_UNKNOWN_REF' | 'E_DUPLICATE_ID';
  message: string;
  hint: string;
}

export function createBodyEnv(numbered: readonly string[], firstLetter = 1): BodyEnv {
  return {
    firstLetter,
    numbered: new Set(numbered.map((s) => s.toLowerCase())),
    sections: [],
    labels: new Map(),
    problems: [],
    views: [],
  };
}
