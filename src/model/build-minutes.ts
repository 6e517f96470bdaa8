import { formatMeetingDay, readMeetingId } from '../domain/meeting-ids.ts';
import type MarkdownIt from 'markdown-it';
import { exemptionOfMinute } from '../meetings/agenda-items.ts';
import { numberMinutes } from '../meetings/number-minutes.ts';
import type { MinuteItemData } from '../meetings/parse-minutes.ts';
import { readMinutes } from '../meetings/read-minutes.ts';
import { toPlainText } from '../markdown/plain-text.ts';
import type { Content } from '../content/content.ts';
import { describeExempt, describeNotForPublication } from '../meetings/describe-exempt.ts';
import type { Committee, Decision, Minutes } from './types.ts';
import { fillUrlPattern } from '../domain/urls.ts';
import { crumbsToMeeting } from './breadcrumbs.ts';

export interface MinutesContext {
  content: Content;
  md: MarkdownIt;
  body: string;
  committeeAt: (code: string, date: string) => Committee;
}

/** Every minutes file to its page: minute numbers run on through the municipal year, each item tied to its agenda item. */
export function buildMinutes(ctx: MinutesContext): { minutes: Minutes[]; decisions: Decision[] } {
  const { content, md } = ctx;
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
  const decisions: Decision[] = [];
  const minutes = [...content.minutes]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((entry): Minutes => {
      const { committee: code, date, sitting, day } = readMeetingId(entry.id);
      const committee = ctx.committeeAt(code, date);
      const meeting = content.meetings.find((m) => m.id === entry.id);
      const meetingUrl = fillUrlPattern(content.site.data.urls.meeting, {
        committee: code,
        date,
        ...(sitting ? { sitting } : {}),
      });
      const url = `${meetingUrl}minutes/`;
      const first = firsts.get(entry.id)?.first ?? 1;
      const dateLabel = formatMeetingDay(date, sitting);
      const items = (parsed.get(entry.id) ?? []).map((item, i) => {
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
            item.agenda.part === 2
              ? `(Agenda item ${item.agenda.number}, Part 2)`
              : `(Agenda item ${item.agenda.number})`,
          html: item.text === '' ? '' : md.render(item.text, { minutes: true, docId: id }),
          ...(paragraph !== undefined ? { exempt: describeExempt(paragraph) } : {}),
        };
      });
      const d = entry.data;
      return {
        id: entry.id,
        url,
        pdfUrl: `${meetingUrl}${code}-${day}-minutes.pdf`,
        meetingUrl,
        committee,
        date,
        dateLabel,
        opening: `Minutes of the ${committee.name} of the ${ctx.body} held on ${dateLabel}${(d.venue ?? meeting?.data.venue) ? ` at ${d.venue ?? meeting?.data.venue}` : ''}.`,
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
    });
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
