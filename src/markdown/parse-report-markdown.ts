import { type BodyProblem, type BodySection, createBodyEnv } from './body-env.ts';
import { createMarkdown } from './create-markdown.ts';
import type { ViewBlock } from './recommendations-block-rule.ts';

/** What a report's Markdown is parsed from: its body and Markdown appendices, and what its rules need to know. */
export interface ReportMarkdownInput {
  /** As text, or as its UTF-8 (sent to a worker thread, which decodes it). */
  body: string | Uint8Array;
  /** `numbered_sections` of its front matter. */
  numbered: readonly string[];
  /** The index of its first section's letter (`firstSectionLetter`). */
  firstLetter: number;
  /** Each appendix's Markdown, or undefined for an appendix of `recommendations`. */
  appendices: ReadonlyArray<string | undefined>;
}

/** What a report's Markdown is parsed with, besides its body. */
export type ReportSettings = Omit<ReportMarkdownInput, 'body'>;

/**
 * What the house rules found in a report's Markdown, as plain data: it can be
 * sent from a worker thread, and is the same wherever it was parsed.
 */
export interface ParsedReportMarkdown {
  body: { sections: BodySection[]; problems: BodyProblem[]; views: ViewBlock[] };
  appendices: Array<{ views: ViewBlock[] } | undefined>;
}

const md = createMarkdown();

/** Parse a report's Markdown, without rendering it: its sections, its views and the problems the house rules met. */
export function parseReportMarkdown(input: ReportMarkdownInput): ParsedReportMarkdown {
  const env = createBodyEnv(input.numbered, input.firstLetter);
  md.parse(
    typeof input.body === 'string'
      ? input.body
      : Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength).toString('utf8'),
    env,
  );
  return {
    body: { sections: env.sections, problems: env.problems, views: env.views },
    appendices: input.appendices.map((text, i) => {
      if (text === undefined) return undefined;
      const appendix = appendixEnv(i);
      md.parse(text, appendix);
      return { views: appendix.views };
    }),
  };
}

/** The env an appendix's Markdown is parsed and rendered with: its views, and its own footnote ids. */
export function appendixEnv(i: number): { views: ViewBlock[]; docId: string } {
  return { views: [], docId: `appendix-${i + 1}` };
}

/** The same settings and appendices: with the same body, a result parsed ahead stands for this one. */
export function isSameBesideBody(a: ReportSettings, b: ReportSettings): boolean {
  return (
    a.firstLetter === b.firstLetter &&
    a.numbered.length === b.numbered.length &&
    a.numbered.every((s, i) => s === b.numbered[i]) &&
    a.appendices.length === b.appendices.length &&
    a.appendices.every((s, i) => s === b.appendices[i])
  );
}
