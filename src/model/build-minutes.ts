import { formatMeetingDay, readMeetingId } from '../domain/meeting-ids.ts';
import type MarkdownIt from 'markdown-it';
import { exemptionOfMinute, findReport } from '../meetings/agenda-items.ts';
import { numberMinutes } from '../meetings/number-minutes.ts';
import type { MinuteItemData } from '../meetings/parse-minutes.ts';
import { readMinutes } from '../meetings/read-minutes.ts';
import { toPlainText } from '../markdown/plain-text.ts';
import type { Content } from '../content/content.ts';
import { describeExempt, describeNotForPublication } from '../meetings/describe-exempt.ts';
import type { Committee, Decision, Minutes } from './types.ts';
import { fillUrlPattern } from '../domain/urls.ts';
import { crumbsToMeeting } from './breadcrumbs.ts';
import { type BuiltMemo, keepBuilt } from '../util/keep-built.ts';

export interface MinutesContext {
  content: Content;
  md: MarkdownIt;
  body: string;
  committeeAt: (code: string, date: string) => Committee;
}

type MinutesEntry = Content['minutes'][number];
type MeetingEntry = Content['meetings'][number];

/** A minutes file's page, and the decisions it records. */
export interface BuiltMinutes {
  minutes: Minutes;
  decisions: Decision[];
}

/**
 * Every minutes file to its page: minute numbers run on through the municipal
 * year, each item tied to its agenda item. Each is kept in `memo` while its
 * file, the shared data, its meeting's file, its first minute's number and the
 * reports on its meeting's agenda are the same.
 */
export function buildMinutes(
  ctx: MinutesContext,
  memo?: BuiltMemo<BuiltMinutes>,
): { minutes: Minutes[]; decisions: Decision[] } {
  const { content } = ctx;
  // Read once, by the check: the model builds from that reading.
  const parsed = new Map(content.minutes.map((m) => [m.id, readMinutes(m).items]));
  const firsts = numberMinutes(
    content.minutes.map((m) => ({
      id: m.id,
      itemCount: parsed.get(m.id)?.length ?? 0,
      firstNumber: m.data.first_number,
    })),
    content.site.data.municipal_year_starts,
  );
  const meetingsById = new Map(content.meetings.map((m) => [m.id, m]));
  const firstOf = (entry: MinutesEntry) => firsts.get(entry.id)?.first ?? 1;
  const built = keepBuilt(
    [...content.minutes].sort((a, b) => a.id.localeCompare(b.id)),
    (entry) => entry.id,
    (entry) => {
      const meeting = meetingsById.get(entry.id);
      const agenda = [...(meeting?.data.agenda ?? []), ...(meeting?.data.part_2 ?? [])];
      return [
        entry,
        content.site,
        content.committees,
        meeting,
        firstOf(entry),
        ...agenda.map((i) => findReport(content, i.report)),
      ];
    },
    (entry) => buildMinutesPage(entry, ctx, meetingsById.get(entry.id), parsed.get(entry.id) ?? [], firstOf(entry)),
    memo,
  );
  return { minutes: built.map((b) => b.minutes), decisions: built.flatMap((b) => b.decisions) };
}

function buildMinutesPage(
  entry: MinutesEntry,
  ctx: MinutesContext,
  meeting: MeetingEntry | undefined,
  parsed: readonly MinuteItemData[],
  first: number,
): BuiltMinutes {
  const { content, md } = ctx;
  const { committee: code, date, sitting, day } = readMeetingId(entry.id);
  const committee = ctx.committeeAt(code, date);
  const meetingUrl = fillUrlPattern(content.site.data.urls.meeting, {
    committee: code,
    date,
    ...(sitting ? { sitting } : {}),
  });
  const url = `${meetingUrl}minutes/`;
  const dateLabel = formatMeetingDay(date, sitting);
  const decisions: Decision[] = [];
  const items = parsed.map((item, i) => {
    const number = first + i;
    const id = `minute-${number}`;
    const paragraph = exemptionOfMinute(item, meeting?.data, content);
    const at = { date, dateLabel, committee: committee.name, minute: number, url: `${url}#${id}` };
    decisions.push(...listDecisions(item, at, md));
    return {
      number,
      id,
      title: item.title,
      agendaLabel:
        item.agenda.part === 2 ? `(Agenda item ${item.agenda.number}, Part 2)` : `(Agenda item ${item.agenda.number})`,
      html: item.text === '' ? '' : md.render(item.text, { minutes: true, docId: id }),
      ...(paragraph !== undefined ? { exempt: describeExempt(paragraph) } : {}),
    };
  });
  const d = entry.data;
  const venue = d.venue ?? meeting?.data.venue;
  const minutes: Minutes = {
    id: entry.id,
    url,
    pdfUrl: `${meetingUrl}${code}-${day}-minutes.pdf`,
    meetingUrl,
    committee,
    date,
    dateLabel,
    opening: `Minutes of the ${committee.name} of the ${ctx.body} held on ${dateLabel}${venue ? ` at ${venue}` : ''}.`,
    draft: d.draft,
    members: d.present.members.map((m) => (typeof m === 'string' ? m : `${m.name} (${m.role})`)),
    also: d.present.also,
    officers: d.present.officers.map((o) => ({ organisation: o.organisation, people: o.people })),
    apologies: d.apologies,
    items,
    breadcrumb: crumbsToMeeting(
      committee,
      { label: date.slice(0, 4), href: fillUrlPattern(content.site.data.urls.year, { committee: code, date }) },
      { label: dateLabel, href: meetingUrl },
    ),
    printFooter: `${committee.name}, ${dateLabel}: minutes`,
    ...noticeOf(items),
    pageTitle: `Minutes: ${committee.name}, ${dateLabel}`,
    file: entry.file,
  };
  return { minutes, decisions };
}

/** The decisions of a minute item that name what they did, each with the minute it was made at. */
function listDecisions(
  item: MinuteItemData,
  at: Pick<Decision, 'date' | 'dateLabel' | 'committee' | 'minute' | 'url'>,
  md: MarkdownIt,
): Decision[] {
  return item.decisions.flatMap((d) =>
    d.action
      ? [
          {
            date: at.date,
            dateLabel: at.dateLabel,
            committee: at.committee,
            minute: at.minute,
            minuteTitle: item.title,
            url: at.url,
            action: d.action,
            word: d.word,
            targets: d.targets,
            text: toPlainText(md, d.text),
          },
        ]
      : [],
  );
}

/** Minutes that print the text of an exempt item are marked; the public minutes print none. */
function noticeOf(items: ReadonlyArray<{ html: string; exempt?: { paragraph: number | true } }>) {
  const paragraphs = items.filter((i) => i.exempt && i.html !== '').map((i) => i.exempt!.paragraph);
  return paragraphs.length > 0 ? { notForPublication: describeNotForPublication(paragraphs) } : {};
}
