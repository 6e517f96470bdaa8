import { readMeetingId } from '../domain/meeting-ids.ts';
/**
 * Minute numbers run on through a committee's municipal year and start again
 * at 1 on the day it begins (`MM-DD`).
 */
export function municipalYearOf(date: string, yearStarts: string): string {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= yearStarts ? String(year) : String(year - 1);
}

export interface MinutesToNumber {
  /** `<committee>/<yyyy-mm-dd>`. */
  id: string;
  itemCount: number;
  firstNumber?: number | undefined;
}

export interface NumberedMinutes {
  id: string;
  first: number;
  /** The minutes before these in the same year, when there are any. */
  previous?: { id: string; last: number };
}

/** The first minute number of each minutes, in order of date within each committee's municipal year. */
export function numberMinutes(all: readonly MinutesToNumber[], yearStarts: string): Map<string, NumberedMinutes> {
  const result = new Map<string, NumberedMinutes>();
  const last = new Map<string, { id: string; last: number }>();
  for (const minutes of [...all].sort((a, b) => a.id.localeCompare(b.id))) {
    const { committee, date } = readMeetingId(minutes.id);
    const key = `${committee}/${municipalYearOf(date, yearStarts)}`;
    const previous = last.get(key);
    const first = minutes.firstNumber ?? (previous ? previous.last + 1 : 1);
    result.set(minutes.id, { id: minutes.id, first, ...(previous ? { previous } : {}) });
    last.set(key, { id: minutes.id, last: first + minutes.itemCount - 1 });
  }
  return result;
}
