import { type DateStyle, isRealDate } from '../schemas/common.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2005-12-08` → `8 December 2005`; `2003-09` → `September 2003`. Pure string work: no time zone. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = MONTHS[Number(m) - 1] ?? '';
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** `2005-12-08` → `051208`, the archive's short form used in URLs. */
export function formatShortDate(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/** `2002-07-22` → `22 Jul 02`, the archive's short form in some opening lines. */
export function formatDateAbbreviated(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = (MONTHS[Number(m) - 1] ?? '').slice(0, 3);
  return d === undefined ? `${month} ${y?.slice(2)}` : `${Number(d)} ${month} ${y?.slice(2)}`;
}

/** A date in a style of generated lines: `long`, `short`, and each with the day's leading zero ("08 …"). */
export function formatDateIn(style: DateStyle, iso: string): string {
  const text = style.startsWith('short') ? formatDateAbbreviated(iso) : formatDate(iso);
  return style.endsWith('-zero') && /^\d\s/.test(text) ? `0${text}` : text;
}

/** A day `days` after (or before) another, both written YYYY-MM-DD; computed in UTC, so no time zone moves it. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Is `value` a day that exists, written YYYY-MM-DD? The one rule for every date given on a command line or in a file name. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value);
}
