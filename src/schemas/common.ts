import { z } from 'zod';

/** Is `yyyy-mm-dd` (or `yyyy-mm`) a day (or month) that exists? */
export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || m === undefined || m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const days = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d >= 1 && d <= days;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const realDate = { message: 'is not a real calendar date', params: { code: 'E_DATE' } } as const;

/** A calendar day, always a string: never a Date, so no time zone can move it. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, realDate)
  .describe('A date written YYYY-MM-DD, for example 2005-12-08');

/** A day or, where the source only gives a month ("Completed September 2003"), a month. */
export const partialDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be a date written YYYY-MM-DD, or a month written YYYY-MM')
  .refine(isRealDate, realDate)
  .describe('A date written YYYY-MM-DD, or a month written YYYY-MM when the source gives only the month');

/**
 * How a generated line prints a date: `long` "8 December 2005", `long-zero`
 * "08 December 2005", `short` "8 Dec 05", `short-zero` "08 Dec 05".
 */
export const DATE_STYLES = ['long', 'long-zero', 'short', 'short-zero'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

export const dateStyle = z
  .enum(DATE_STYLES)
  .describe('`long` "8 December 2005", `long-zero` "08 December 2005", `short` "8 Dec 05", `short-zero` "08 Dec 05"');

/**
 * An agenda item's or report's number: a whole number, or one with a letter
 * (`6a`) for an item the archive added under another.
 */
export const itemNumber = z.union([
  z.int().positive(),
  z.string().regex(/^[1-9]\d*[a-z]$/, 'must be a whole number such as 6, or one with a lower-case letter such as 6a'),
]);
export type ItemNumber = z.output<typeof itemNumber>;

/** Lower-case letters, digits and single hyphens: a code or name that can stand in a URL or a folder's name. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be lower-case letters, digits and single hyphens, such as `x-ppr`')
  .describe('Lower-case letters, digits and hyphens');

export const markdown = z.string().min(1, 'must not be empty').describe('Markdown text');

export const plainText = z.string().min(1, 'must not be empty');

/** A paragraph reference such as `B8` (section letter, paragraph number). */
export const paragraphRef = z
  .string()
  .regex(/^[A-Z][1-9][0-9]*$/, 'must be a section letter and paragraph number, such as `B8`')
  .describe('Section letter and paragraph number, such as B8');
