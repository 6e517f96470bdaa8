import { formatMeetingDay, readMeetingId } from '../domain/meeting-ids.ts';
import {
  exemptionOfAgendaItem,
  exemptionOfMinute,
  findAgendaItem,
  findReport,
  reportNumberIn,
} from './agenda-items.ts';
import { numberAgenda } from './number-agenda.ts';
import { parseMinutes } from './parse-minutes.ts';
import type { AgendaItemData, MeetingData } from '../schemas/meeting.ts';
import type { Content } from '../content/content.ts';
import type { Entry } from '../content/entry.ts';
import { bodyText } from '../content/entry.ts';
import { createCopyMemo } from '../util/keep-copy.ts';

/**
 * The content the public may see. Exempt reports and recommendations are left
 * out; a Part 2 item keeps its public title, number and paragraph; an exempt
 * minute item keeps its number, under its agenda item's public title, with
 * its text blanked line for line (so the lines of later errors still hold).
 * Every public output is made from this, so nothing exempt can reach one.
 */
export function withoutExempt(content: Content): Content {
  if (!hasExempt(content)) return content;
  const reportNumber = reportNumberIn(content);
  const exemptSets = new Set(content.sets.filter((s) => s.data.exempt !== undefined).map((s) => s.id));
  const meetingsById = new Map(content.meetings.map((m) => [m.id, m]));
  const meetings = content.meetings.map((meeting): Entry<MeetingData> => {
    // No Part 2: nothing to withhold, and the public meeting is the meeting.
    if (meeting.data.part_2.length === 0) return meeting;
    const numbers = numberAgenda(meeting.data.part_2, reportNumber);
    const part_2 = meeting.data.part_2.map(
      (item, i): AgendaItemData => ({
        kind: item.kind ?? (item.report !== undefined ? 'report' : item.minutes !== undefined ? 'minutes' : 'item'),
        number: numbers[i] ?? i + 1,
        title: publicTitle(item, content),
        exempt: exemptionOfAgendaItem(item, content) ?? 1,
      }),
    );
    const same = (before: Entry<MeetingData>) => JSON.stringify(before.data.part_2) === JSON.stringify(part_2);
    return PUBLIC_COPIES.keep(meeting, same, () => ({ ...meeting, data: { ...meeting.data, part_2 } }));
  });
  const minutes = content.minutes.map((entry) => {
    const meeting = meetingsById.get(entry.id);
    const { items } = parseMinutes(bodyText(entry), 0);
    const lines = bodyText(entry).split(/\r?\n/);
    items.forEach((item, k) => {
      if (item.agenda.part === 1 && item.exempt === undefined) return;
      const agendaItem = findAgendaItem(meeting?.data, item.agenda, content);
      const paragraph = exemptionOfMinute(item, meeting?.data, content);
      const end = items[k + 1]?.line ?? lines.length;
      const title = agendaItem ? publicTitle(agendaItem, content) : 'Exempt item';
      lines[item.line] =
        `## ${title} {agenda=${item.agenda.part === 2 ? '2.' : ''}${item.agenda.number} exempt=${paragraph ?? 1}}`;
      for (let l = item.line + 1; l < end; l++) lines[l] = '';
    });
    const body = lines.join('\n');
    const same = (before: typeof entry) => before.body?.text === body;
    return PUBLIC_COPIES.keep(entry, same, () => ({
      ...entry,
      body: { text: body, startLine: entry.body?.startLine ?? 1 },
    }));
  });
  return {
    ...content,
    reports: content.reports.filter((r) => r.data.exempt === undefined),
    sets: content.sets.filter((s) => s.data.exempt === undefined),
    recommendations: content.recommendations.filter(
      (r) => r.data.exempt === undefined && !exemptSets.has(r.id.split('/')[0]!),
    ),
    meetings,
    minutes,
  };
}

/** The public copies of meetings and minutes with Part 2 items. */
const PUBLIC_COPIES = createCopyMemo();

/** Is anything in the content exempt? */
export function hasExempt(content: Content): boolean {
  return (
    content.reports.some((r) => r.data.exempt !== undefined) ||
    content.recommendations.some((r) => r.data.exempt !== undefined) ||
    content.sets.some((s) => s.data.exempt !== undefined) ||
    content.meetings.some((m) => m.data.part_2.length > 0) ||
    content.minutes.some((m) => /\{[^}]*\b(exempt=|agenda=2\.)/.test(bodyText(m)))
  );
}

/** The title the public agenda prints for an item. */
export function publicTitle(
  item: Pick<AgendaItemData, 'title' | 'minutes' | 'report'>,
  content: Pick<Content, 'committees' | 'reports'>,
): string {
  if (item.title !== undefined) return item.title;
  if (item.minutes !== undefined) {
    const { committee: code, date, sitting } = readMeetingId(item.minutes);
    const name = content.committees.data.committees.find((c) => c.code === code)?.name ?? code;
    return `Minutes: ${name} – ${formatMeetingDay(date, sitting)}`;
  }
  const report = findReport(content, item.report);
  return report && report.data.exempt === undefined ? report.data.title : 'Exempt item';
}
