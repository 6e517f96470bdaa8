import { createHash } from 'node:crypto';
import { bodyText } from '../content/entry.ts';
import { firstSectionLetter, renderReportMarkdown } from '../validate/read-report.ts';
import { splitAtViews } from './place-views.ts';
import type { ReportEntry } from './report-context.ts';
import type { Appendix, Part, RecommendationView, Report, Section } from './types.ts';

type Views = ReadonlyArray<RecommendationView | undefined>;

/** What a report's parts are made from: its entry, and the views built for its body's and each Markdown appendix's markers. */
export interface PartsSource {
  entry: ReportEntry;
  bodyViews: Views;
  /** Filled in as the appendices are built, so that views are built in the order they are shown. */
  appendixViews: Array<Views | undefined>;
  sectionCount: number;
}

interface ReportParts {
  sections: Part[][];
  appendices: Array<Part[] | undefined>;
  /** Characters of HTML it holds. */
  size: number;
}

/**
 * The parts of the reports rendered last, most recent last: a report's page
 * asks for each section's in turn, and its meeting's pack, rendered in the
 * same batch, asks again. As many as one render batch holds (the render counts
 * a report once for its page and once in its pack, 800 in a batch), within a
 * bound on their HTML in all.
 */
const RECENT = new Map<PartsSource, ReportParts>();
const KEEP = 400;
/** And no more HTML than this in all (characters): an archive of long reports keeps fewer. */
const KEEP_CHARACTERS = 32 * 1024 * 1024;
let kept = 0;

/**
 * A report's HTML, cut into parts, made when a page asks for it and kept only
 * while it is among the last few asked for: the model of a large archive never
 * holds every report's HTML at once.
 */
function partsOf(source: PartsSource): ReportParts {
  const known = RECENT.get(source);
  if (known) {
    RECENT.delete(source);
    RECENT.set(source, known);
    return known;
  }
  const html = renderReportMarkdown(source.entry);
  const parts = {
    sections: splitSections(splitAtViews(html.body, source.bodyViews), source.sectionCount),
    appendices: html.appendices.map((h, i) =>
      h === undefined ? undefined : splitAtViews(h, source.appendixViews[i] ?? []),
    ),
    size: html.body.length + html.appendices.reduce((n, h) => n + (h?.length ?? 0), 0),
  };
  RECENT.set(source, parts);
  kept += parts.size;
  for (const [oldest, old] of RECENT) {
    if (RECENT.size <= 1 || (RECENT.size <= KEEP && kept <= KEEP_CHARACTERS)) break;
    RECENT.delete(oldest);
    kept -= old.size;
  }
  return parts;
}

/** Cut the body's parts at their `<h2>` headings, one list of parts per lettered section. */
function splitSections(parts: readonly Part[], count: number): Part[][] {
  const bySection: Part[][] = [];
  for (const part of parts) {
    if (part.view) {
      bySection.at(-1)?.push(part);
      continue;
    }
    const pieces = part.html.split(/(?=<h2[ >])/);
    pieces.forEach((piece, i) => {
      if (piece.startsWith('<h2')) bySection.push([{ html: piece }]);
      else if (i === 0 && bySection.length > 0 && piece.trim() !== '') bySection.at(-1)!.push({ html: piece });
    });
  }
  return Array.from({ length: count }, (_, i) => bySection[i] ?? []);
}

/**
 * A lettered section whose parts are made when a page asks for them. They are
 * no property of its own, so no copy or fingerprint of the model holds them:
 * the report's `textKey` stands for them.
 */
export class LazySection implements Section {
  readonly #source: PartsSource;
  readonly #index: number;
  constructor(
    readonly letter: string,
    readonly title: string,
    readonly id: string,
    where: { source: PartsSource; index: number },
  ) {
    this.#source = where.source;
    this.#index = where.index;
  }
  get parts(): Part[] {
    return partsOf(this.#source).sections[this.#index] ?? [];
  }
}

/** An appendix written in Markdown, its parts made when a page asks for them (as a section's). */
export class LazyAppendix implements Appendix {
  readonly #source: PartsSource;
  declare readonly title?: string;
  constructor(
    readonly number: number,
    readonly id: string,
    readonly heading: string,
    title: string | undefined,
    source: PartsSource,
  ) {
    if (title !== undefined) this.title = title;
    this.#source = source;
  }
  get parts(): Part[] {
    return partsOf(this.#source).appendices[this.number - 1] ?? [];
  }
}

/** Each report's entry, and its text key once worked out. */
const TEXT_KEYS = new WeakMap<object, { entry: ReportEntry; key?: string }>();

/**
 * One getter for every report's `textKey`: a getter made for each report gave
 * each its own hidden class, and every read of any report's fields, in the
 * model and the templates, went through V8's slowest lookup.
 */
function readTextKey(this: object): string {
  const known = TEXT_KEYS.get(this);
  if (!known) throw new Error('a report’s text key was asked of an object that is not a report');
  known.key ??= digestText(known.entry);
  return known.key;
}

/** A digest of what the report's parts are made from, and of what they are rendered with. */
function digestText(entry: ReportEntry): string {
  // What the Markdown is rendered with as well: which sections number their paragraphs, and the first letter.
  const settings = JSON.stringify([entry.data.numbered_sections ?? null, firstSectionLetter(entry.data)]);
  // The body's UTF-8 where it is kept: the digest of the text's own UTF-8, without making it text.
  const hash = createHash('sha1')
    .update(settings)
    .update(entry.body?.utf8 ?? bodyText(entry));
  for (const a of entry.data.appendices) hash.update(`\u0000${a.body ?? ''}`);
  return hash.digest('base64');
}

/**
 * `report` with its `textKey`: a digest of the Markdown its parts are made
 * from and of what it is rendered with, worked out when first asked for (by a build's fingerprints, not by a
 * check). With the report's other fields it stands for every page it is on.
 */
export function withTextKey(entry: ReportEntry, report: Omit<Report, 'textKey'>): Report {
  TEXT_KEYS.set(report, { entry });
  return Object.defineProperty(report, 'textKey', { enumerable: true, get: readTextKey }) as Report;
}
