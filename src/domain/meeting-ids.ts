import { formatDate } from './dates.ts';

/**
 * A meeting, as its file names it: `<committee>/<yyyy-mm-dd>`, or
 * `<committee>/<yyyy-mm-dd>-<sitting>` for another meeting of the committee
 * that day (`mpa/2006-06-29-agm`, its annual general meeting).
 */
export interface MeetingId {
  committee: string;
  /** The day it was held, YYYY-MM-DD. */
  date: string;
  /** Which of the day's meetings, such as `agm`; none for the ordinary one. */
  sitting?: string;
  /** The date with its sitting: `2006-06-29-agm`, the file's name and the meeting's place in addresses. */
  day: string;
}

const DAY = /^(\d{4}-\d{2}-\d{2})(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?$/;

/** `mpa/2006-06-29-agm` → committee `mpa`, date `2006-06-29`, sitting `agm`. */
export function readMeetingId(id: string): MeetingId {
  const [committee = '', day = ''] = id.split('/');
  const match = DAY.exec(day);
  const date = match?.[1] ?? day;
  return { committee, date, ...(match?.[2] ? { sitting: match[2] } : {}), day };
}

/** Is `day` a meeting's day as a file names it: a date, with or without its sitting? */
export function isMeetingDay(day: string): boolean {
  return DAY.test(day);
}

/** The day with its sitting: `2006-06-29` and `agm` → `2006-06-29-agm`. */
export function meetingDay(date: string, sitting?: string): string {
  return sitting ? `${date}-${sitting}` : date;
}

/** A meeting's id: `mpa/2006-06-29`, or `mpa/2006-06-29-agm` for its AGM that day. */
export function meetingIdOf(committee: string, date: string, sitting?: string): string {
  return `${committee}/${meetingDay(date, sitting)}`;
}

/**
 * "29 June 2006", or for another meeting that day its sitting after the date:
 * "29 June 2006 (AGM)", "2 May 2007 (Extraordinary)".
 */
export function formatMeetingDay(date: string, sitting?: string): string {
  if (!sitting) return formatDate(date);
  const words = sitting.replaceAll('-', ' ');
  return `${formatDate(date)} (${sitting.length <= 4 ? words.toUpperCase() : words[0]!.toUpperCase() + words.slice(1)})`;
}
