import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { compareItemNumbers, type ItemNumber, padItemNumber, splitItemNumber } from '../domain/item-numbers.ts';
import { meetingDay, meetingIdOf } from '../domain/meeting-ids.ts';
import { appendToList } from '../edit/add-progress-entry.ts';
import { municipalYearOf } from '../meetings/number-minutes.ts';
import { EXCLUSION_TEXT } from '../model/build-meetings.ts';
import type { AgendaEntry } from './agenda-page.ts';
import type { PlannedMeetingPage } from './archive-meeting-page.ts';
import type { ArchiveState, PlannedReport } from './archive-page.ts';
import type { Changes } from './import-report.ts';
import { readAddress } from './list-archive-pages.ts';

/** What one meeting's pages gave: its reports, its agenda's page, its minutes' page. */
interface MeetingPages {
  reports: PlannedReport[];
  agenda?: PlannedMeetingPage;
  minutes?: PlannedMeetingPage;
}

/**
 * Each meeting's file and minutes: the agenda as its page lists it (its links
 * to reports and minutes resolved to the files imported), else as its
 * minutes name its items, else its reports in number order; a meeting file
 * the project has already only gains the reports it lacks.
 */
export async function planMeetings(
  state: ArchiveState,
  reports: readonly PlannedReport[],
  pages: readonly PlannedMeetingPage[],
  changes: Changes,
): Promise<void> {
  const byMeeting = groupByMeeting(reports, pages);
  const links = indexLinks(state, reports, pages);
  for (const [id, group] of byMeeting) await planMeeting(state, id, group, links, changes);
  await planMinutes(
    pages.filter((p) => p.kind === 'minutes'),
    state,
    changes,
  );
}

/** One meeting's file: written new, or (a file the project has) given the reports it lacks, never written over. */
async function planMeeting(
  state: ArchiveState,
  id: string,
  group: MeetingPages,
  links: Links,
  changes: Changes,
): Promise<void> {
  const file = `content/meetings/${id}.yaml`;
  // A meeting file this import wrote before from its page is written again when the page changed; any other is kept.
  const ours = isOurs(state, file);
  const existing = ours && group.agenda ? undefined : state.content.meetings.find((m) => m.id === id);
  if (existing) {
    if (group.agenda) keepExisting(group.agenda, file);
    await appendReports(state.root, file, existing.data.agenda, group.reports, changes);
  } else if (!ours && (await exists(path.join(state.root, file)))) {
    // A file of the project that does not pass check: never written over; check says what is wrong with it.
    if (group.agenda) refuse(group.agenda, file);
  } else {
    const text = formatMeeting(group, links);
    changes.files.set(file, text);
    changes.created.add(file);
    if (group.agenda) group.agenda.text = text;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function refuse(page: PlannedMeetingPage, file: string): void {
  page.outcome = {
    source: page.outcome.source,
    status: 'refused',
    warnings: [],
    code: 'E_IMPORT_EXISTS',
    reason: `${file} exists: import never writes over a file of the project; delete it first to import the page`,
  };
}

function groupByMeeting(reports: readonly PlannedReport[], pages: readonly PlannedMeetingPage[]) {
  const byMeeting = new Map<string, MeetingPages>();
  const group = (id: string) => byMeeting.get(id) ?? byMeeting.set(id, { reports: [] }).get(id)!;
  for (const r of [...reports].sort((a, b) => compareItemNumbers(a.number, b.number)))
    group(meetingIdOf(r.committee, r.date, r.sitting)).reports.push(r);
  for (const p of pages) group(p.meeting)[p.kind === 'meeting' ? 'agenda' : 'minutes'] = p;
  return byMeeting;
}

/** Where a link may lead: a report by its address (committee, day, number), and the minutes there are. */
interface Links {
  reports: Map<string, { id: string; title: string; number: ItemNumber }>;
  minutes: Set<string>;
}

function indexLinks(
  state: ArchiveState,
  reports: readonly PlannedReport[],
  pages: readonly PlannedMeetingPage[],
): Links {
  const key = (committee: string, day: string, number: ItemNumber) => `${committee}/${day}/${padItemNumber(number)}`;
  const out: Links = { reports: new Map(), minutes: new Set(state.content.minutes.map((m) => m.id)) };
  for (const r of state.content.reports) {
    out.reports.set(key(r.data.committee, meetingDay(r.data.date, r.data.sitting), r.data.number), {
      id: r.id,
      title: r.data.title,
      number: r.data.number,
    });
  }
  for (const r of reports) out.reports.set(key(r.committee, meetingDay(r.date, r.sitting), r.number), r);
  for (const p of pages) if (p.kind === 'minutes') out.minutes.add(p.meeting);
  return out;
}

/** Did this import write the file, from a page, on an earlier run? */
function isOurs(state: ArchiveState, file: string): boolean {
  return Object.values(state.manifest.pages).some((p) => p.file === file);
}

/** A meeting file the project has is kept: its page is said to be left out. */
function keepExisting(agenda: PlannedMeetingPage, file: string): void {
  agenda.outcome = {
    source: agenda.outcome.source,
    status: 'skipped',
    warnings: [],
    reason: `${file} exists: its agenda is kept as it is, with the reports imported added`,
  };
}

async function appendReports(
  root: string,
  file: string,
  agenda: ReadonlyArray<{ report?: string | undefined }>,
  reports: readonly PlannedReport[],
  changes: Changes,
): Promise<void> {
  const listed = new Set(agenda.map((a) => a.report));
  const fresh = reports.filter((r) => !listed.has(r.id));
  if (fresh.length === 0) return;
  let text = changes.files.get(file) ?? (await readFile(path.join(root, file), 'utf8'));
  for (const r of fresh) text = appendToList(text, [], 'agenda', { report: r.id });
  changes.files.set(file, text);
}

/** A new meeting's file: from its agenda's page, else the items its minutes name, else its reports. */
function formatMeeting(group: MeetingPages, links: Links): string {
  const entries = group.agenda?.agenda?.items ?? itemsFromMinutes(group);
  const linked = new Set<string>();
  const items = entries.map((e) => writeItem(e, links, linked));
  const missing = group.reports.filter((r) => !linked.has(r.id));
  // Reports the page does not list go at the end of Part 1, before the exclusion of the press and public.
  const part1 = items.filter((i) => i.part === 1);
  const exclusion = part1.findIndex((i) => i.item.kind === 'exclusion');
  const added = missing.map((r) => ({ part: 1, item: { report: r.id } as Record<string, unknown> }));
  const agenda =
    exclusion < 0 ? [...part1, ...added] : [...part1.slice(0, exclusion), ...added, ...part1.slice(exclusion)];
  if (group.agenda && missing.length > 0)
    group.agenda.outcome.warnings.push({
      at: 'the agenda',
      message: `its page does not list ${missing.map((r) => `report ${r.number}`).join(', ')}: added at the end of Part 1; check its place`,
    });
  const front = {
    ...(group.agenda?.agenda?.time ? { time: group.agenda.agenda.time } : {}),
    ...(group.agenda?.agenda?.venue ? { venue: group.agenda.agenda.venue } : {}),
    agenda: agenda.map((i) => i.item),
    ...(items.some((i) => i.part === 2) ? { part_2: items.filter((i) => i.part === 2).map((i) => i.item) } : {}),
  };
  return `# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n${stringify(front, { lineWidth: 0 })}`;
}

/** The agenda as the minutes name its items, where its own page is not at hand; its reports take their numbers. */
function itemsFromMinutes(group: MeetingPages): AgendaEntry[] {
  const named = group.minutes?.minutes?.agenda ?? [];
  return ([1, 2] as const).flatMap((part) => {
    let previous = 0;
    return named
      .filter((i) => i.part === part)
      .sort((a, b) => compareItemNumbers(a.number, b.number))
      .map((item) => {
        const report = part === 1 ? group.reports.find((r) => String(r.number) === String(item.number)) : undefined;
        const whole = splitItemNumber(item.number).whole;
        const entry: AgendaEntry = {
          part,
          title: report?.title ?? item.title,
          ...(whole !== previous + 1 && !report ? { number: whole } : {}),
          ...(report ? { report: report.id } : {}),
          ...(part === 2 ? { exempt: true as const } : {}),
        };
        previous = whole;
        return entry;
      });
  });
}

/** One agenda item of the meeting's file, its link resolved to a report or minutes imported. */
function writeItem(e: AgendaEntry, links: Links, linked: Set<string>): { part: number; item: Record<string, unknown> } {
  // An agenda made from minutes knows its reports; one read from its page, by the links of its items.
  const target = e.report ? { report: { id: e.report, title: e.title } } : resolveLink(e.link, links);
  if (target?.report) linked.add(target.report.id);
  const item = target?.report ? writeReportItem(e, target.report) : writeTitledItem(e, target?.minutes);
  if (e.text && !(e.kind === 'exclusion' && e.text === EXCLUSION_TEXT)) item.text = e.text;
  if (e.part === 2) item.exempt = e.exempt ?? true;
  return { part: e.part, item };
}

/** A report's item: the report gives its number, and its title unless the agenda words it otherwise. */
function writeReportItem(e: AgendaEntry, report: { id: string; title: string }): Record<string, unknown> {
  return { report: report.id, ...(e.title !== report.title ? { title: e.title } : {}) };
}

function writeTitledItem(e: AgendaEntry, minutes: string | undefined): Record<string, unknown> {
  const standardExclusion = e.kind === 'exclusion' && /^Exclusion of press and public$/.test(e.title);
  return {
    ...(minutes ? { minutes } : {}),
    ...(e.kind && !minutes ? { kind: e.kind } : {}),
    ...(standardExclusion ? {} : { title: e.title }),
    ...(e.number !== undefined ? { number: e.number } : {}),
  };
}

function resolveLink(
  link: string | undefined,
  links: Links,
): { report?: { id: string; title: string }; minutes?: string } | undefined {
  if (!link) return undefined;
  let pathname: string;
  try {
    pathname = new URL(link, 'http://archive.invalid/').pathname;
  } catch {
    return undefined;
  }
  const address = readAddress(`${pathname.replace(/^\//, '')}${pathname.endsWith('/') ? 'index.html' : ''}`);
  if (!address.committee || !address.date) return undefined;
  const day = meetingDay(address.date, address.sitting);
  if (address.kind === 'report' && address.number !== undefined) {
    const report = links.reports.get(`${address.committee}/${day}/${padItemNumber(address.number)}`);
    return report ? { report } : undefined;
  }
  const minutes = `${address.committee}/${day}`;
  return address.kind === 'minutes' && links.minutes.has(minutes) ? { minutes } : undefined;
}

/**
 * Each page of minutes as its file: `first_number` kept only where the
 * minutes before these in the committee's municipal year are not among those
 * imported, or their numbers do not follow on.
 */
async function planMinutes(pages: readonly PlannedMeetingPage[], state: ArchiveState, changes: Changes): Promise<void> {
  const yearStarts = state.content.site.data.municipal_year_starts;
  const sorted = [...pages].sort((a, b) => a.meeting.localeCompare(b.meeting));
  const next = new Map<string, number>();
  for (const page of sorted) {
    const minutes = page.minutes!;
    const year = `${page.committee}/${municipalYearOf(page.date, yearStarts)}`;
    const follows = next.get(year) === minutes.first;
    next.set(year, minutes.first + minutes.count);
    const front = { ...minutes.front, ...(follows ? {} : { first_number: minutes.first }) };
    const text = `---\n${stringify(front, { lineWidth: 0 })}---\n\n${minutes.body}\n`;
    const file = page.outcome.file!;
    if (!isOurs(state, file) && (await exists(path.join(state.root, file)))) {
      refuse(page, file);
      continue;
    }
    page.text = text;
    changes.files.set(file, text);
    if (!isOurs(state, file)) changes.created.add(file);
  }
}
