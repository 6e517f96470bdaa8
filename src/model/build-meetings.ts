import { formatMeetingDay, readMeetingId } from '../domain/meeting-ids.ts';
import type MarkdownIt from 'markdown-it';
import { exemptionOfAgendaItem, findReport } from '../meetings/agenda-items.ts';
import { numberAgenda } from '../meetings/number-agenda.ts';
import { publicTitle } from '../meetings/withhold-exempt.ts';
import type { AgendaItemData } from '../schemas/meeting.ts';
import type { Content } from '../content/content.ts';
import { describeExempt, describeNotForPublication } from '../meetings/describe-exempt.ts';
import type { AgendaItem, AgendaPart, Committee, Meeting, Minutes, Report } from './types.ts';
import { fillUrlPattern } from '../domain/urls.ts';
import { crumbsToCommittees } from './breadcrumbs.ts';
import { type BuiltMemo, keepBuilt } from '../util/keep-built.ts';

export interface MeetingsContext {
  content: Content;
  md: MarkdownIt;
  committeeAt: (code: string, date: string) => Committee;
  reportsById: ReadonlyMap<string, Report>;
  minutesById: ReadonlyMap<string, Minutes>;
}

/** The resolution that excludes the press and public, in the archive's words. */
export const EXCLUSION_TEXT =
  'To resolve that the press and public be asked to leave the meeting during discussion of the remaining items of business because exempt information as defined in Schedule 12A to the Local Government Act 1972 as amended is likely to be made known.';

type MeetingEntry = Content['meetings'][number];

/** Every meeting with its agenda in its parts, its minutes and its pack; kept in `memo` while what it is made from is the same. */
export function buildMeetings(ctx: MeetingsContext, memo?: BuiltMemo<Meeting>): Meeting[] {
  return keepBuilt(
    [...ctx.content.meetings].sort((a, b) => a.id.localeCompare(b.id)),
    (entry) => entry.id,
    (entry) => listMeetingInputs(entry, ctx),
    (entry) => buildMeeting(entry, ctx),
    memo,
  );
}

/** Everything a meeting is made from: its file, the shared data, its minutes and each report and minutes on its agenda. */
function listMeetingInputs(entry: MeetingEntry, ctx: MeetingsContext): unknown[] {
  const { content } = ctx;
  const inputs: unknown[] = [entry, content.site, content.committees, ctx.minutesById.get(entry.id)];
  for (const item of [...entry.data.agenda, ...entry.data.part_2]) {
    const report = item.report === undefined ? undefined : ctx.reportsById.get(item.report);
    const minutes = item.minutes === undefined ? undefined : ctx.minutesById.get(item.minutes);
    inputs.push(report, findReport(content, item.report), minutes);
  }
  return inputs;
}

function buildMeeting(entry: MeetingEntry, ctx: MeetingsContext): Meeting {
  const { content } = ctx;
  const { committee: code, date, sitting, day } = readMeetingId(entry.id);
  const committee = ctx.committeeAt(code, date);
  const dayLabel = formatMeetingDay(date, sitting);
  const part1 = buildPart(1, entry.data.agenda, ctx);
  const part2 = buildPart(2, entry.data.part_2, ctx);
  const url = fillUrlPattern(content.site.data.urls.meeting, {
    committee: code,
    date,
    ...(sitting ? { sitting } : {}),
  });
  const minutes = ctx.minutesById.get(entry.id);
  return {
    id: entry.id,
    committee,
    date,
    dateLabel: dayLabel,
    url,
    packUrl: `${url}pack/`,
    packPdfUrl: `${url}${code}-${day}-pack.pdf`,
    pageTitle: `${committee.name}, ${dayLabel}`,
    packTitle: `${committee.name}, ${dayLabel}: committee pack`,
    ...(entry.data.time ? { time: entry.data.time } : {}),
    ...(entry.data.venue ? { venue: entry.data.venue } : {}),
    ...(entry.data.contact ? { contact: entry.data.contact } : {}),
    agenda: [...part1, ...part2],
    hasPack: [...part1, ...part2].some((item) => item.report !== undefined || item.minutes !== undefined),
    ...packNoticeOf([...part1, ...part2]),
    parts: listParts(part1, part2),
    ...(minutes ? { minutes } : {}),
    breadcrumb: crumbsToCommittees(committee),
  };
}

/** Part 1 of the agenda, and Part 2 when it has items. */
function listParts(part1: AgendaItem[], part2: AgendaItem[]): AgendaPart[] {
  return [
    {
      part: 1,
      heading: 'Part 1',
      lead: 'Items to be considered while the press and public are present',
      items: part1,
      ...(part2.length > 0
        ? { after: 'Please note that members of the press and public must leave the meeting at this point.' }
        : {}),
    },
    ...(part2.length > 0
      ? [
          {
            part: 2 as const,
            heading: 'Part 2',
            lead: 'Items considered after the exclusion of the press and public',
            items: part2,
          },
        ]
      : []),
  ];
}

function buildPart(part: 1 | 2, items: readonly AgendaItemData[], ctx: MeetingsContext): AgendaItem[] {
  const numbers = numberAgenda(
    items,
    (id) => ctx.reportsById.get(id)?.number ?? findReport(ctx.content, id)?.data.number,
  );
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
  return items.map((item, i): AgendaItem => {
    const number = numbers[i] ?? i + 1;
    const report = item.report === undefined ? undefined : ctx.reportsById.get(item.report);
    const minutes = item.minutes === undefined ? undefined : ctx.minutesById.get(item.minutes);
    const kind = item.kind ?? (item.report !== undefined ? 'report' : item.minutes !== undefined ? 'minutes' : 'item');
    const title =
      item.title ?? (kind === 'exclusion' ? 'Exclusion of press and public' : publicTitle(item, ctx.content));
    const text = item.text ?? (kind === 'exclusion' ? EXCLUSION_TEXT : undefined);
    const id = part === 1 ? `item-${number}` : `part-2-item-${number}`;
    const paragraph = part === 2 ? exemptionOfAgendaItem(item, ctx.content) : undefined;
    return {
      number,
      numbering: typeof number === 'number' ? { value: number } : { marker: `${number}.` },
      title,
      id,
      runningHead: `${part === 2 ? 'Part 2, agenda item' : 'Agenda item'} ${number}: ${title}`,
      part,
      kind,
      ...(text ? { textHtml: ctx.md.render(text) } : {}),
      ...(report ? { report } : {}),
      ...(minutes ? { minutes } : {}),
      ...(paragraph !== undefined ? { exempt: describeExempt(paragraph) } : {}),
      ...noticeOf(part, paragraph, report, minutes),
    };
  });
}

/** An item that prints exempt papers: a Part 2 report or minutes, or minutes holding exempt items. */
function noticeOf(part: 1 | 2, paragraph: number | true | undefined, report?: Report, minutes?: Minutes) {
  if (part === 2 && (report || minutes)) return { notForPublication: describeNotForPublication([paragraph ?? true]) };
  const notice = report?.notForPublication ?? minutes?.notForPublication;
  return notice ? { notForPublication: notice } : {};
}

/** A pack that prints exempt papers says so on its cover and on every page, with every paragraph it rests on. */
function packNoticeOf(items: readonly AgendaItem[]) {
  const marked = items.filter((i) => i.notForPublication);
  if (marked.length === 0) return {};
  const paragraphs = marked.flatMap((i) => [
    ...(i.exempt ? [i.exempt.paragraph] : []),
    ...(i.minutes?.items.filter((m) => m.exempt && m.html !== '').map((m) => m.exempt!.paragraph) ?? []),
  ]);
  return { packNotice: describeNotForPublication(paragraphs.length > 0 ? paragraphs : [true]) };
}
