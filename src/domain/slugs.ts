import { type ItemNumber, padItemNumber } from './item-numbers.ts';
/**
 * An id or file name from a title (a section heading, a report's title):
 * accents folded, `&` read as "and", anything else not a letter or digit a hyphen.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The URL segment of an owner's filter page (`MPA Scrutiny` is `mpa-scrutiny`).
 * Kept apart from `slugify`, which reads `&` as "and": owners' pages keep the URLs they have.
 */
export function ownerSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The start of a report's id and file name: `<yyyy-mm-dd>-<committee>-<nn>-`; `day` is the date with its sitting, if any (`2006-06-29-agm`). */
export function reportIdPrefix(day: string, committee: string, number: ItemNumber): string {
  return `${day}-${committee}-${padItemNumber(number)}-`;
}

/** A report's id, which is its file name: `2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships`. */
export function reportIdOf(date: string, committee: string, number: ItemNumber, title: string): string {
  return `${reportIdPrefix(date, committee, number)}${slugify(title).slice(0, 60) || 'report'}`;
}
