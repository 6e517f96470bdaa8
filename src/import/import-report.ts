import { isMeetingDay, meetingDay, meetingIdOf, readMeetingId } from '../domain/meeting-ids.ts';
import { type ItemNumber, readItemNumber, sameItemNumber } from '../domain/item-numbers.ts';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Content } from '../content/content.ts';
import { loadContent } from '../content/load-content.ts';
import { createCommitteeLookup, dateStyleAt } from '../domain/committee-names.ts';
import { formatDateIn, isIsoDate } from '../domain/dates.ts';
import { reportIdOf } from '../domain/slugs.ts';
import { appendToList } from '../edit/add-progress-entry.ts';
import { UsageError } from '../errors/usage-error.ts';
import { numberAgenda } from '../meetings/number-agenda.ts';
import { validateContent } from '../validate/validate-content.ts';
import { MAX_IMPORT_BYTES } from './check-docx.ts';
import { ImportError } from './import-error.ts';
import { planProgress } from './import-progress.ts';
import type { ImportContext, ImportWarning, ReportDraft } from './import-types.ts';
import { mapReport } from './map-report.ts';
import { placeNotes } from './place-notes.ts';
import { readBlocks } from './read-blocks.ts';
import { readDocument } from './read-document.ts';

export interface ImportOptions {
  root: string;
  /** The Word document (.docx) or saved page of the archive (.html). */
  file: string;
  /** `<committee>/<yyyy-mm-dd>`: the meeting that took the report. */
  meeting: string;
  /** 6, or 6a. */
  number?: ItemNumber;
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

/** The files an import writes: their text, and which are new (never written over). */
export interface Changes {
  files: Map<string, string>;
  created: Set<string>;
}

/**
 * A Word report or a saved page of the archive into the content format: the
 * report's file, its place on the meeting's agenda, and with
 * `recommendations` its tables as the set's progress. All is worked out
 * first and written only if every part can be: a refused document, or a
 * report that exists, leaves every file as it was.
 */
export async function importReport(options: ImportOptions): Promise<ImportResult> {
  const name = path.basename(options.file);
  const { committee, date, sitting } = readMeetingFlag(options);
  const bytes = await readImportFile(options.file, name);
  const document = await readDocument(bytes, name);
  const content = await loadProject(options.root);
  const ctx = readContext(content, committee, date, options.recommendations, document.source);
  const draft = mapReport(readBlocks(document.html, name), ctx);
  const number = readNumber(draft, options, name, ctx);
  const id = reportIdOf(meetingDay(date, sitting), committee, number, draft.front.title as string);
  const file = `content/reports/${date.slice(0, 4)}/${id}.md`;
  const placed = placeNotes(draft.front, draft.body, document.notes, draft.warnings);
  const front = orderFront({ ...placed.front, committee, date, ...(sitting ? { sitting } : {}), number });
  const changes: Changes = { files: new Map(), created: new Set() };
  if (await exists(path.join(options.root, file)))
    throw new ImportError(
      'E_IMPORT_EXISTS',
      `${file} already exists`,
      'delete or rename it first: import never writes over a report',
    );
  changes.files.set(file, `---\n${stringify(front, { lineWidth: 0 })}---\n\n${placed.body}\n`);
  changes.created.add(file);
  await planAgenda(options.root, content, { meeting: meetingIdOf(committee, date, sitting), number, id }, changes);
  const warnings = [...document.warnings, ...draft.warnings];
  let entries = 0;
  if (options.recommendations) {
    const planned = await planProgress(
      options.root,
      options.recommendations,
      draft.reportDate,
      draft.progress,
      content.statuses.data.statuses,
    );
    for (const [f, text] of planned.files) changes.files.set(f, text);
    warnings.push(...planned.warnings);
    entries = planned.entries;
  }
  await writeChanges(options.root, changes);
  return { written: [...changes.files.keys()], warnings, entries };
}

/** `--meeting x-ppr/2005-12-08`, or `mpa/2006-06-29-agm` for another meeting that day. */
function readMeetingFlag(options: ImportOptions): { committee: string; date: string; sitting?: string } {
  const { committee, date, sitting, day } = readMeetingId(options.meeting);
  if (!committee || !isMeetingDay(day) || !isIsoDate(date))
    throw new UsageError(
      `--meeting ${options.meeting} is not <committee>/<yyyy-mm-dd>, such as x-ppr/2005-12-08 (mpa/2006-06-29-agm for another meeting that day)`,
    );
  if (options.number !== undefined && readItemNumber(String(options.number)) === undefined)
    throw new UsageError('--number must be a whole number above 0, or one with a letter such as 6a');
  return { committee, date, ...(sitting ? { sitting } : {}) };
}

async function readImportFile(file: string, name: string): Promise<Uint8Array> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`${file} is not a file`);
  if (info.size > MAX_IMPORT_BYTES)
    throw new ImportError(
      'E_IMPORT_SIZE',
      `${name} is ${(info.size / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB a report may be`,
      'save it without its embedded pictures or attachments (pictures go in by hand), and import that',
    );
  return new Uint8Array(await readFile(file));
}

function readContext(
  content: Content,
  committee: string,
  date: string,
  set: string | undefined,
  source: ImportContext['source'],
): ImportContext {
  const committees = content.committees.data.committees;
  if (!committees.some((c) => c.code === committee))
    throw new UsageError(`unknown committee "${committee}": use one of ${committees.map((c) => c.code).join(', ')}`);
  return {
    committeeName: createCommitteeLookup(content.committees.data, content.site.data.urls.committee)(committee, date)
      .name,
    source,
    meetingDate: date,
    ...readProjectWords(content, committee, date),
    ...(set ? { recommendationSet: set, recommendations: readSet(content, set) } : {}),
  };
}

/** What a document is matched against in the project: the committee's date style then, glossary terms and standard contacts. */
export function readProjectWords(
  content: Content,
  committee: string,
  date: string,
): Pick<ImportContext, 'dateStyle' | 'glossary' | 'contacts'> {
  return {
    dateStyle: dateStyleAt(content.committees.data, content.site.data.date_style, committee, date),
    glossary: content.glossary.data.terms.map((t) => t.term),
    contacts: content.contacts.data.contacts.map((c) => ({ label: c.label, value: c.phone ?? c.email ?? '' })),
  };
}

/** A new meeting's file: its agenda, the given reports in order. */
export function formatMeetingFile(reports: readonly string[]): string {
  return `# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n${stringify({ agenda: reports.map((report) => ({ report })) })}`;
}

/**
 * The report's number: the document's, or the one given. A document that
 * names another meeting or number than the ones given is refused: one of the
 * two is wrong, and only a person can say which.
 */
function readNumber(draft: ReportDraft, options: ImportOptions, name: string, ctx: ImportContext): ItemNumber {
  const { stated } = draft;
  const given = `--meeting ${options.meeting}${options.number !== undefined ? ` --number ${options.number}` : ''}`;
  const says = `"Report ${stated.number ?? '…'} of the ${stated.date ? formatDateIn(ctx.dateStyle, stated.date) : '…'} meeting"`;
  if (
    (stated.date && stated.date !== ctx.meetingDate) ||
    (stated.number && options.number && !sameItemNumber(stated.number, options.number))
  )
    throw new ImportError(
      'E_IMPORT_MEETING',
      `${name} says it is ${says}, but it was imported with ${given}`,
      'give the meeting and number the document names, or correct the document if it names the wrong ones',
    );
  const number =
    (options.number !== undefined ? readItemNumber(String(options.number)) : undefined) ??
    (draft.front.number as ItemNumber);
  const missing = draft.missing.filter((m) => !(m.startsWith('number') && options.number !== undefined));
  if (missing.length > 0 || !number)
    throw new ImportError(
      'E_IMPORT_OPENING',
      `${name} has no opening block that could be read: ${missing.join(', ')} not found`,
      'add them to the document (a title, then "Report: N", "Date: …", "By: …" lines, a "Summary" heading and "A. Recommendation") or write the report with `papers new report` and paste its text',
    );
  return number;
}

/** The report's place on its meeting's agenda: added to the meeting's file, or a new file for a new meeting. */
async function planAgenda(
  root: string,
  content: Content,
  report: { meeting: string; number: ItemNumber; id: string },
  changes: Changes,
): Promise<void> {
  const meetingFile = `content/meetings/${report.meeting}.yaml`;
  const meeting = content.meetings.find((m) => m.id === report.meeting);
  if (meeting) {
    const taken = numberAgenda(meeting.data.agenda, (r) => content.reports.find((x) => x.id === r)?.data.number);
    if (taken.some((n) => sameItemNumber(n, report.number)))
      throw new ImportError(
        'E_IMPORT_EXISTS',
        `item ${report.number} of the agenda of ${meetingFile} is taken`,
        'give the report its number with --number, or correct the agenda',
      );
    const text = await readFile(path.join(root, meetingFile), 'utf8');
    changes.files.set(meetingFile, appendToList(text, [], 'agenda', { report: report.id }));
    return;
  }
  if (await exists(path.join(root, meetingFile)))
    throw new UsageError(`${meetingFile} does not pass \`papers check\`: correct it first`);
  changes.files.set(meetingFile, formatMeetingFile([report.id]));
  changes.created.add(meetingFile);
}

/** Every file is written beside itself and renamed into place: none is left half written. */
export async function writeChanges(root: string, changes: Changes): Promise<void> {
  for (const [f, text] of changes.files) {
    const full = path.join(root, f);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(`${full}.import-tmp`, text, changes.created.has(f) ? { flag: 'wx' } : {});
  }
  for (const f of changes.files.keys()) await rename(path.join(root, `${f}.import-tmp`), path.join(root, f));
}

export async function loadProject(root: string): Promise<Content> {
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
export function orderFront(front: Record<string, unknown>): Record<string, unknown> {
  const order = [
    'committee',
    'date',
    'sitting',
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
