import type { AgendaItemData, MeetingData } from '../schemas/meeting.ts';
import type { Content } from '../content/content.ts';
import { type ItemNumber, sameItemNumber } from '../domain/item-numbers.ts';
import { numberAgenda } from './number-agenda.ts';
import type { AgendaRef, MinuteItemData } from './parse-minutes.ts';

type ReportEntries = Content['reports'];

/** Each list of reports by id, made once: every agenda item names one. */
const BY_ID = new WeakMap<ReportEntries, Map<string, ReportEntries[number]>>();

/** The report of this id among the content's, if any. */
export function findReport(
  content: Pick<Content, 'reports'>,
  id: string | undefined,
): ReportEntries[number] | undefined {
  if (id === undefined) return undefined;
  let byId = BY_ID.get(content.reports);
  if (!byId) {
    byId = new Map(content.reports.map((r) => [r.id, r]));
    BY_ID.set(content.reports, byId);
  }
  return byId.get(id);
}

/** The agenda item number a report on an agenda takes: its own. */
export function reportNumberIn(content: Pick<Content, 'reports'>): (id: string) => ItemNumber | undefined {
  return (id) => findReport(content, id)?.data.number;
}

/** The paragraph of Schedule 12A under which a Part 2 item is exempt: its own, or its report's. */
export function exemptionOfAgendaItem(
  item: Pick<AgendaItemData, 'exempt' | 'report'> | undefined,
  content: Pick<Content, 'reports'>,
): number | true | undefined {
  return item?.exempt ?? findReport(content, item?.report)?.data.exempt;
}

/** The agenda item a minute item is tied to (`{agenda=N}`, `{agenda=2.N}`), if the agenda has it. */
export function findAgendaItem(
  meeting: MeetingData | undefined,
  ref: AgendaRef,
  content: Pick<Content, 'reports'>,
): AgendaItemData | undefined {
  const items: readonly AgendaItemData[] = (ref.part === 1 ? meeting?.agenda : meeting?.part_2) ?? [];
  return items[numberAgenda(items, reportNumberIn(content)).findIndex((n) => sameItemNumber(n, ref.number))];
}

/** The paragraph under which a minute item is exempt (its own, or its Part 2 agenda item's), or nothing for a public one. */
export function exemptionOfMinute(
  item: MinuteItemData,
  meeting: MeetingData | undefined,
  content: Pick<Content, 'reports'>,
): number | true | undefined {
  return (
    item.exempt ??
    (item.agenda.part === 2 ? exemptionOfAgendaItem(findAgendaItem(meeting, item.agenda, content), content) : undefined)
  );
}

/** Is a minute item exempt: of Part 2, or marked `exempt=`? Its text is then kept in `exempt/minutes/`. */
export function isExemptItem(item: Pick<MinuteItemData, 'exempt' | 'agenda'>): boolean {
  return item.exempt !== undefined || item.agenda.part === 2;
}
