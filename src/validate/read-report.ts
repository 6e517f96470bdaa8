import type { Entry, MarkdownBody } from '../content/entry.ts';
import { bodyText } from '../content/entry.ts';
import {
  collectSyntaxErrors,
  locatePath,
  parseYamlSource,
  toPlainData,
  type YamlSource,
} from '../content/yaml-source.ts';
import { createProblem, type ContentProblem, type Location } from '../errors/content-problem.ts';
import { type BodySection, createBodyEnv } from '../markdown/body-env.ts';
import {
  appendixEnv,
  isSameBesideBody,
  type ParsedReportMarkdown,
  parseReportMarkdown,
  type ReportSettings,
} from '../markdown/parse-report-markdown.ts';
import { createMarkdown } from '../markdown/create-markdown.ts';
import type { ViewBlock } from '../markdown/recommendations-block-rule.ts';
import { type RecommendationViewData, recommendationViewSchema } from '../schemas/recommendation-view.ts';
import type { ReportData } from '../schemas/report.ts';
import { mapSchemaIssues } from './map-schema-issues.ts';

/**
 * The index of the body's first section letter: B after the recommendations
 * (A), or A for a report that makes none.
 */
export function firstSectionLetter(report: Pick<ReportData, 'recommendations'>): number {
  return report.recommendations ? 1 : 0;
}

/** A `::: recommendations` block as read: its checked data, or nothing when it has a problem of its own. */
export interface ReadView {
  data?: RecommendationViewData;
  /** Its YAML, to locate the problems of its references. */
  source?: YamlSource;
}

/** Markdown as read: its views, each placed in its HTML by a marker (`renderReportMarkdown`). */
export interface ReadMarkdown {
  views: ReadView[];
}

/** A report's Markdown as the validate stage read it, for the model to build from. */
export interface ReadReport {
  body: ReadMarkdown & {
    /** Its lettered sections, from B (from A when the report makes no recommendation). */
    sections: BodySection[];
    /** Its numbered paragraphs, by reference such as `B8`. */
    paragraphs: string[];
  };
  /** Each appendix written in Markdown, by its place; an appendix of `recommendations` is undefined. */
  appendices: Array<ReadMarkdown | undefined>;
  /** What the house rules found wrong in the Markdown, each located. */
  problems: ContentProblem[];
}

const md = createMarkdown();

/** Each report read, kept while its checked entry is: a preview that checks again reads only what changed. */
const READ = new WeakMap<Entry<ReportData>, ReadReport>();

/**
 * A report's body and Markdown appendices parsed, once: the house rules
 * record its sections, numbered paragraphs and views while parsing, and every
 * problem they meet is located here, so the model meets none. No HTML is kept:
 * an archive's reports together would hold gigabytes of it; each page renders
 * its own (`renderReportMarkdown`).
 */
export function readReport(entry: Entry<ReportData>): ReadReport {
  const known = READ.get(entry);
  if (known) return known;
  const parsed = takeParsedAhead(entry) ?? parseReportMarkdown({ ...settingsOf(entry.data), body: bodyText(entry) });
  const problems: ContentProblem[] = [];
  const bodyLine = entry.body?.startLine ?? 1;
  const at = (line: number): Location => ({ file: entry.file, line: bodyLine + line, col: 1 });
  for (const p of parsed.body.problems) problems.push(createProblem(at(p.line), p.code, p.message, p.hint));
  const { sections } = parsed.body;
  const read: ReadReport = {
    body: {
      views: parsed.body.views.map((b) => readViewBlock(entry, b, at(b.line), problems)),
      sections,
      paragraphs: sections.flatMap((s) => Array.from({ length: s.paragraphs }, (_, i) => `${s.letter}${i + 1}`)),
    },
    appendices: parsed.appendices.map((appendix, i) => {
      if (appendix === undefined) return undefined;
      const start = locatePath(entry.source, ['appendices', i, 'body']);
      const place = (b: ViewBlock) => ({ ...start, line: start.line + b.line + 1, col: 1 });
      return { views: appendix.views.map((b) => readViewBlock(entry, b, place(b), problems)) };
    }),
    problems,
  };
  READ.set(entry, read);
  return read;
}

/** What a report's Markdown is parsed with, besides its body: the same for its data as loaded and as checked. */
export function settingsOf(data: unknown): ReportSettings {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const numbered = Array.isArray(d.numbered_sections) ? d.numbered_sections.filter((s) => typeof s === 'string') : [];
  const appendices = Array.isArray(d.appendices) ? d.appendices : [];
  return {
    numbered,
    firstLetter: firstSectionLetter(d as Pick<ReportData, 'recommendations'>),
    appendices: appendices.map((a) => {
      const body = (a as { body?: unknown } | null)?.body;
      return typeof body === 'string' ? body : undefined;
    }),
  };
}

/**
 * Reports' Markdown parsed ahead (on other threads, `startReadingAhead`), by
 * the body it was parsed from; each is taken once, when its report is read,
 * and only if its settings are still the same.
 */
const AHEAD = new WeakMap<MarkdownBody, { settings: ReportSettings; parsed: ParsedReportMarkdown }>();

export function keepParsedAhead(body: MarkdownBody, settings: ReportSettings, parsed: ParsedReportMarkdown): void {
  AHEAD.set(body, { settings, parsed });
}

function takeParsedAhead(entry: Entry<ReportData>): ParsedReportMarkdown | undefined {
  const ahead = entry.body && AHEAD.get(entry.body);
  if (!ahead || !entry.body) return undefined;
  AHEAD.delete(entry.body);
  return isSameBesideBody(ahead.settings, settingsOf(entry.data)) ? ahead.parsed : undefined;
}

/** A report's body and Markdown appendices as HTML, a marker where each view goes: as read, rendered again. */
export function renderReportMarkdown(entry: Entry<ReportData>): {
  body: string;
  appendices: Array<string | undefined>;
} {
  return {
    body: md.render(bodyText(entry), createBodyEnv(entry.data.numbered_sections, firstSectionLetter(entry.data))),
    appendices: entry.data.appendices.map((a, i) =>
      a.body === undefined ? undefined : md.render(a.body, appendixEnv(i)),
    ),
  };
}

/** A `::: recommendations` block's YAML, checked against the schema of an appendix's `recommendations`. */
function readViewBlock(entry: Entry<ReportData>, block: ViewBlock, at: Location, problems: ContentProblem[]): ReadView {
  if (!block.closed) {
    problems.push(
      createProblem(at, 'E_MARKDOWN', 'a `::: recommendations` block is not closed', 'end the block with a line `:::`'),
    );
    return {};
  }
  if (block.nested) {
    problems.push(
      createProblem(
        at,
        'E_MARKDOWN',
        'a `::: recommendations` block stands inside a list or quotation',
        'start the block at the left margin, after a blank line',
      ),
    );
    return {};
  }
  const source = parseYamlSource(entry.file, block.source, at.line);
  const syntax = collectSyntaxErrors(source, 'E_YAML_SYNTAX');
  if (syntax.length > 0) {
    problems.push(...syntax);
    return {};
  }
  const plain = toPlainData(source, 'E_YAML_SYNTAX');
  if (!plain.ok) {
    problems.push(plain.error);
    return {};
  }
  const data = plain.value ?? {};
  const parsed = recommendationViewSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    problems.push(
      ...mapSchemaIssues(
        { kind: 'report', id: entry.id, file: entry.file, source, data },
        recommendationViewSchema,
        parsed.error.issues,
      ),
    );
    return {};
  }
  return { data: parsed.data, source };
}
