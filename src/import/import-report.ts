import { reportIdOf } from '../domain/slugs.ts';
import { isIsoDate } from '../domain/dates.ts';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { stringify } from 'yaml';
import { loadContent } from '../content/load-content.ts';
import { appendToList } from '../edit/add-progress-entry.ts';
import { UsageError } from '../errors/usage-error.ts';
import { createCommitteeLookup } from '../domain/committee-names.ts';
import { numberAgenda } from '../meetings/number-agenda.ts';
import type { Content } from '../content/content.ts';
import { validateContent } from '../validate/validate-content.ts';
import { checkDocx, MAX_IMPORT_BYTES } from './check-docx.ts';
import { ImportError } from './import-error.ts';
import { planProgress } from './import-progress.ts';
import { htmlToMarkdown, mapReport, type ImportContext, type ImportWarning } from './map-report.ts';
import { readBlocks } from './read-blocks.ts';

export interface ImportOptions {
  root: string;
  /** The Word document (.docx) or saved page of the archive (.html). */
  file: string;
  /** `<committee>/<yyyy-mm-dd>`: the meeting that took the report. */
  meeting: string;
  number?: number;
  /** A recommendation set: its Key points / Actions / Results tables become the set's progress. */
  recommendations?: string;
}

export interface ImportResult {
  /** Files written or changed, relative to the project. */
  written: string[];
  warnings: ImportWarning[];
  /** Progress entries added to the set's recommendation files. */
  entries: number;
}

/**
 * A Word report or a saved page of the archive into the content format: the
 * report's file, its place on the meeting's agenda, and with
 * `recommendations` its tables as the set's progress. All is worked out
 * first and written only if every part can be: a refused document, or a
 * report that exists, leaves every file as it was.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export async function importReport(options: ImportOptions): Promise<ImportResult> {
  const name = path.basename(options.file);
  const [committee, date] = options.meeting.split('/') as [string, string | undefined];
  if (!date || !isIsoDate(date))
    throw new UsageError(`--meeting ${options.meeting} is not <committee>/<yyyy-mm-dd>, such as x-ppr/2005-12-08`);
  if (options.number !== undefined && !(Number.isInteger(options.number) && options.number > 0))
    throw new UsageError('--number must be a whole number above 0');
  const info = await stat(options.file).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`${options.file} is not a file`);
  if (info.size > MAX_IMPORT_BYTES)
    throw new ImportError(
      'E_IMPORT_SIZE',
      `${name} is ${(info.size / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB a report may be`,
      'save it without its embedded pictures or attachments (pictures go in by hand), and import that',
    );
  const bytes = new Uint8Array(await readFile(options.file));
  const { html, notes, warnings: readWarnings } = await readDocument(bytes, name);

  const content = await loadProject(options.root);
  const committees = content.committees.data.committees;
  if (!committees.some((c) => c.code === committee))
    throw new UsageError(`unknown committee "${committee}": use one of ${committees.map((c) => c.code).join(', ')}`);
  const setRecommendations = options.recommendations ? readSet(content, options.recommendations) : undefined;
  const ctx: ImportContext = {
    committeeName: createCommitteeLookup(content.committees.data, content.site.data.urls.committee)(committee, date)
      .name,
    meetingDate: date,
    dateStyle: content.site.data.date_style,
    glossary: content.glossary.data.terms.map((t) => t.term),
    contacts: content.contacts.data.contacts.map((c) => ({ label: c.label, value: c.phone ?? c.email ?? '' })),
    ...(options.recommendations
      ? { recommendationSet: options.recommendations, recommendations: setRecommendations }
      : {}),
  };
  const draft = mapReport(readBlocks(html), ctx);
  const number = options.number ?? (draft.front.number as number);
  const missing = draft.missing.filter((m) => !(m.startsWith('number') && options.number !== undefined));
  if (missing.length > 0 || !number) {
    throw new ImportError(
      'E_IMPORT_OPENING',
      `${name} has no opening block that could be read: ${missing.join(', ')} not found`,
      'add them to the document (a title, then "Report: N", "Date: …", "By: …" lines, a "Summary" heading and "A. Recommendation") or write the report with `papers new report` and paste its text',
    );
  }
  const id = reportIdOf(date, committee, number, draft.front.title as string);
  const file = `content/reports/${date.slice(0, 4)}/${id}.md`;
  const placed = placeNotes(draft.front, draft.body, notes, draft.warnings);
  const front = orderFront({ ...placed.front, committee, date, number });
  const reportText = `---\n${stringify(front, { lineWidth: 0 })}---\n\n${placed.body}\n`;

  const changes = new Map<string, string>();
  const created = new Set<string>();
  if (await exists(path.join(options.root, file)))
    throw new ImportError(
      'E_IMPORT_EXISTS',
      `${file} already exists`,
      'delete or rename it first: import never writes over a report',
    );
  changes.set(file, reportText);
  created.add(file);
  const meetingFile = `content/meetings/${committee}/${date}.yaml`;
  const meeting = content.meetings.find((m) => m.id === `${committee}/${date}`);
  if (meeting) {
    const taken = numberAgenda(meeting.data.agenda, (r) => content.reports.find((x) => x.id === r)?.data.number);
    if (taken.includes(number))
      throw new ImportError(
        'E_IMPORT_EXISTS',
        `item ${number} of the agenda of ${meetingFile} is taken`,
        'give the report its number with --number, or correct the agenda',
      );
    changes.set(
      meetingFile,
      appendToList(await readFile(path.join(options.root, meetingFile), 'utf8'), [], 'agenda', { report: id }),
    );
  } else {
    if (await exists(path.join(options.root, meetingFile)))
      throw new UsageError(`${meetingFile} does not pass \`papers check\`: correct it first`);
    changes.set(
      meetingFile,
      `# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n${stringify({ agenda: [{ report: id }] })}`,
    );
    created.add(meetingFile);
  }
  const warnings = [...readWarnings, ...draft.warnings];
  let entries = 0;
  if (options.recommendations) {
    const planned = await planProgress(
      options.root,
      options.recommendations,
      draft.reportDate,
      draft.progress,
      content.statuses.data.statuses,
    );
    for (const [f, text] of planned.files) changes.set(f, text);
    warnings.push(...planned.warnings);
    entries = planned.entries;
  }
  // Every file is written beside itself and renamed into place: none is left half written.
  for (const [f, text] of changes) {
    const full = path.join(options.root, f);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(`${full}.import-tmp`, text, created.has(f) ? { flag: 'wx' } : {});
  }
  for (const f of changes.keys()) await rename(path.join(options.root, `${f}.import-tmp`), path.join(options.root, f));
  return { written: [...changes.keys()], warnings, entries };
}

/** A footnote reference, as it stands in the text until the Markdown is written: characters no document holds. */
const NOTE = /\uE000(\d+)\uE001/g;

/** A document's HTML, its footnotes taken out (by number): a Word document converted by mammoth, or a saved page as it is. */
async function readDocument(
  bytes: Uint8Array,
  name: string,
): Promise<{ html: string; notes: Map<string, string>; warnings: ImportWarning[] }> {
  const looksLikeHtml = /^\s*(<!doctype html|<html|<head|<body|<meta|<!--|<div|<p\b|<h1)/i.test(
    new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\ufeff/, ''),
  );
  const warnings: ImportWarning[] = [];
  let html: string;
  if (looksLikeHtml) html = new TextDecoder().decode(bytes);
  else {
    checkDocx(bytes, name);
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { styleMap: STYLE_MAP, includeDefaultStyleMap: true },
    );
    html = result.value;
    for (const message of result.messages.filter((m) => m.type === 'warning').slice(0, 10))
      warnings.push({ at: 'the document', message: message.message });
  }
  // Footnotes: mammoth's (footnote-1) and this site's own (fn1), each reference marked where it stands.
  const notes = new Map<string, string>();
  html = html.replace(
    /<ol>\s*<li id="footnote-\d+">[\s\S]*?<\/ol>|<section class="footnotes">[\s\S]*?<\/section>/g,
    (list) => {
      for (const note of list.matchAll(/<li id="(?:footnote-|fn(?:-[a-z0-9-]+-)?)(\d+)"[^>]*>([\s\S]*?)<\/li>/g)) {
        notes.set(note[1]!, note[2]!.replace(/<a [^>]*href="#(?:footnote-ref-|fnref)[^"]*"[^>]*>[\s\S]*?<\/a>/g, ''));
      }
      return '';
    },
  );
  html = html.replace(
    /<sup[^>]*>\s*<a [^>]*href="#(?:footnote-|fn(?:-[a-z0-9-]+-)?)(\d+)"[^>]*>\[?\d+\]?<\/a>\s*<\/sup>/g,
    (_ref, n: string) => `\uE000${n}\uE001`,
  );
  return { html, notes, warnings };
}

/**
 * Footnote references to Markdown's `[^1]`, each note written where it can be
 * read: after the body, the summary or the appendix that cites it. A note cited
 * elsewhere (a recommendation, a table of progress) cannot be: it is said.
 */
function placeNotes(
  front: Record<string, unknown>,
  body: string,
  notes: ReadonlyMap<string, string>,
  warnings: ImportWarning[],
): { front: Record<string, unknown>; body: string } {
  const withNotes = (text: string) => {
    const cited = [...new Set([...text.matchAll(NOTE)].map((m) => m[1]!))];
    const definitions = cited.map((n) => `[^${n}]: ${htmlToMarkdown(notes.get(n) ?? '').replace(/\n+/g, ' ')}`);
    return [text.replace(NOTE, '[^$1]'), ...definitions].join('\n\n');
  };
  const placeNotes = (value: string, key: string): string => {
    if (!citesNote(value)) return value;
    if (key === 'summary' || key === 'body') return withNotes(value);
    for (const m of value.matchAll(NOTE))
      warnings.push({
        at: `footnote ${m[1]}`,
        message: `it is cited in \`${key}\`, where a note cannot stand: its words were left out`,
      });
    return value.replace(NOTE, '');
  };
  const visit = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return placeNotes(value, key);
    if (Array.isArray(value)) return value.map((v) => visit(v, key));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
    return value;
  };
  return { front: visit(front, '') as Record<string, unknown>, body: citesNote(body) ? withNotes(body) : body };
}

function citesNote(text: string): boolean {
  return /\uE000\d+\uE001/.test(text);
}

/** Word's styles as the house template uses them: Title, then Heading 1 for A., B. and Heading 2 within them. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
];

async function loadProject(root: string): Promise<Content> {
  const validated = validateContent(await loadContent(root));
  const content = validated.content ?? validated.partial;
  if (!content) throw new UsageError('the project’s data/ files do not pass `papers check`: correct them first');
  return content;
}

function readSet(content: Content, set: string): Map<number, { owner: string }> {
  if (!content.sets.some((s) => s.id === set))
    throw new UsageError(
      `there is no recommendation set "${set}": use one of ${content.sets.map((s) => s.id).join(', ')}`,
    );
  return new Map(
    content.recommendations
      .filter((r) => r.id.startsWith(`${set}/`))
      .map((r) => [r.data.number, { owner: r.data.owner }]),
  );
}

/** The front matter in the order `papers new report` writes it. */
function orderFront(front: Record<string, unknown>): Record<string, unknown> {
  const order = [
    'committee',
    'date',
    'report_date',
    'number',
    'title',
    'by',
    'description',
    'opening',
    'summary',
    'recommendations',
    'numbered_sections',
    'abbreviations',
    'authors',
    'authors_label',
    'background_papers',
    'contacts',
    'appendices',
  ];
  return Object.fromEntries(order.filter((k) => front[k] !== undefined).map((k) => [k, front[k]]));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
