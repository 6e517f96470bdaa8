import { meetingDay } from '../domain/meeting-ids.ts';
import { type ItemNumber, sameItemNumber } from '../domain/item-numbers.ts';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Content } from '../content/content.ts';
import { reportIdOf } from '../domain/slugs.ts';
import { MAX_IMPORT_BYTES } from './check-docx.ts';
import { ImportError } from './import-error.ts';
import { hashText, type ImportManifest } from './import-manifest.ts';
import { orderFront, readProjectWords } from './import-report.ts';
import type { ImportContext, PageOutcome } from './import-types.ts';
import type { ArchivePage } from './list-archive-pages.ts';
import { readStatedCommittee } from './map-opening.ts';
import { mapReport } from './map-report.ts';
import { placeNotes } from './place-notes.ts';
import { readBlocks } from './read-blocks.ts';
import { readDocument } from './read-document.ts';
import { type PlannedMeetingPage, planMeetingPage } from './archive-meeting-page.ts';

export type { PageOutcome } from './import-types.ts';

/** A report to be written: its file, its text, and its place on an agenda. */
export interface PlannedReport {
  kind: 'report';
  outcome: PageOutcome;
  text: string;
  sourceHash: string;
  committee: string;
  date: string;
  /** Another meeting that day, such as `agm`. */
  sitting?: string;
  number: ItemNumber;
  id: string;
  title: string;
  /** A committee data/committees.yaml has not: its name from the page's opening line, or '' when it has none. */
  newCommittee?: string;
}

/** What the archive's import knows as it goes: the project, what it wrote before, what this run has planned. */
export interface ArchiveState {
  root: string;
  folder: string;
  content: Content;
  manifest: ImportManifest;
  committees: Map<string, string>;
  planned: Set<string>;
}

/** One page: skipped (not a report, meeting or minutes), left as it is (unchanged, or edited by hand since), refused, or planned. */
export async function importArchivePage(
  page: ArchivePage,
  state: ArchiveState,
): Promise<PageOutcome | PlannedReport | PlannedMeetingPage> {
  const { source } = page;
  if (page.kind === 'other' || !page.committee || !page.date || (page.kind === 'report' && !page.number))
    return skipped(
      source,
      'not a page of a report, meeting or minutes (its address is not committees/<code>/<yyyy>/<yymmdd>/ with <nn>/ or minutes/)',
    );
  const full = path.join(state.folder, source);
  try {
    if ((await stat(full)).size > MAX_IMPORT_BYTES)
      throw new ImportError('E_IMPORT_SIZE', `${source} is over 50 MB`, 'no page of a report is: check what was saved');
    const bytes = new Uint8Array(await readFile(full));
    const sourceHash = hashText(bytes);
    const kept = await keepDone(source, sourceHash, state);
    if (kept) return kept;
    if (page.kind !== 'report')
      return await planMeetingPage({ ...page, committee: page.committee, date: page.date }, bytes, sourceHash);
    return await planReport(page as Required<ArchivePage>, bytes, sourceHash, state);
  } catch (err) {
    // One page that cannot be read never stops the rest of the archive: it is refused, and said.
    if (err instanceof ImportError)
      return { source, status: 'refused', warnings: [], code: err.code, reason: err.message };
    const reason = `papers could not read it (${err instanceof Error ? err.message : String(err)}): import it alone with papers import, or report it`;
    return { source, status: 'refused', warnings: [], code: 'E_INTERNAL', reason };
  }
}

function skipped(source: string, reason: string): PageOutcome {
  return { source, status: 'skipped', warnings: [], reason };
}

/** A page imported before: unchanged (nothing to do), or its report edited by hand since (never written over). */
async function keepDone(source: string, sourceHash: string, state: ArchiveState): Promise<PageOutcome | undefined> {
  const before = state.manifest.pages[source];
  if (!before) return undefined;
  const now = await readFile(path.join(state.root, before.file), 'utf8').catch(() => undefined);
  if (now === undefined) return undefined;
  if (hashText(now) !== before.writtenHash)
    return {
      source,
      status: 'edited',
      file: before.file,
      warnings: [],
      reason: `its file (${before.file}) was edited after it was imported: left as it is`,
    };
  if (before.sourceHash === sourceHash) return { source, status: 'unchanged', file: before.file, warnings: [] };
  return undefined;
}

async function planReport(
  page: Required<ArchivePage>,
  bytes: Uint8Array,
  sourceHash: string,
  state: ArchiveState,
): Promise<PlannedReport> {
  const { source, committee, date } = page;
  const document = await readDocument(bytes, source);
  const blocks = readBlocks(document.html, source);
  const known = state.committees.get(committee);
  const stated = readStatedCommittee(blocks);
  const ctx: ImportContext = {
    committeeName: known ?? stated ?? committee,
    source: document.source,
    meetingDate: date,
    ...readProjectWords(state.content, committee, date),
  };
  const draft = mapReport(blocks, ctx);
  const number = draft.stated.number ?? page.number;
  if ((draft.stated.date && draft.stated.date !== date) || !sameItemNumber(number, page.number))
    throw new ImportError(
      'E_IMPORT_MEETING',
      `${source} says it is report ${number} of the meeting of ${draft.stated.date ?? date}, but its address says report ${page.number} of ${date}`,
      'check which is right, and save the page at its right address or correct its opening',
    );
  if (draft.missing.length > 0)
    throw new ImportError(
      'E_IMPORT_OPENING',
      `${source} has no ${draft.missing.join(', ')}`,
      'add them by hand, or write the report with `papers new report`',
    );
  const { sitting } = page;
  const id = reportIdOf(meetingDay(date, sitting), committee, number, draft.front.title as string);
  const file = `content/reports/${date.slice(0, 4)}/${id}.md`;
  await refuseTaken(file, source, state);
  const placed = placeNotes(draft.front, draft.body, document.notes, draft.warnings);
  const front = orderFront({ ...placed.front, committee, date, ...(sitting ? { sitting } : {}), number });
  const warnings = [...document.warnings, ...draft.warnings];
  return {
    kind: 'report',
    title: draft.front.title as string,
    outcome: { source, status: 'imported', file, warnings },
    text: `---\n${stringify(front, { lineWidth: 0 })}---\n\n${placed.body}\n`,
    sourceHash,
    committee,
    date,
    ...(sitting ? { sitting } : {}),
    number,
    id,
    ...(known ? {} : { newCommittee: stated ?? '' }),
  };
}

/** A report file this run planned already, or one that is not this import's own: never written over. */
async function refuseTaken(file: string, source: string, state: ArchiveState): Promise<void> {
  const ours = Object.values(state.manifest.pages).some((p) => p.file === file);
  const exists = await stat(path.join(state.root, file)).then(
    () => true,
    () => false,
  );
  if (state.planned.has(file) || (exists && !ours))
    throw new ImportError(
      'E_IMPORT_EXISTS',
      `${source} would write ${file}, which ${state.planned.has(file) ? 'another page of this archive writes' : 'exists'}`,
      'import never writes over a report: delete or rename it first, or leave this page out',
    );
  state.planned.add(file);
}
