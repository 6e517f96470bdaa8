import type { ItemNumber } from '../schemas/common.ts';

export type { ItemNumber } from '../schemas/common.ts';

/** `6` → 6 and no letter; `"6a"` → 6 and `a`: an item the archive added under item 6. */
export function splitItemNumber(n: ItemNumber): { whole: number; letter: string } {
  if (typeof n === 'number') return { whole: n, letter: '' };
  const match = /^(\d+)([a-z]*)$/.exec(n);
  return { whole: Number(match?.[1] ?? 0), letter: match?.[2] ?? '' };
}

/** An item number as it stands in an address: `06`, `06a`, `12`. */
export function padItemNumber(n: ItemNumber): string {
  const { whole, letter } = splitItemNumber(n);
  return `${String(whole).padStart(2, '0')}${letter}`;
}

/** Item numbers in agenda order: 4, 4a, 4b, 5. */
export function compareItemNumbers(a: ItemNumber, b: ItemNumber): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = splitItemNumber(a);
  const y = splitItemNumber(b);
  // Letters a-z only: their order is the alphabet's, in any locale.
  return x.whole - y.whole || (x.letter < y.letter ? -1 : x.letter > y.letter ? 1 : 0);
}

/** Do two item numbers name the same item? `4` and `"4"` do; `4` and `"4a"` do not. */
export function sameItemNumber(a: ItemNumber, b: ItemNumber): boolean {
  return String(a) === String(b);
}

/** An item number as a command line or an address gives it: `6` or `6a`, else nothing. */
export function readItemNumber(text: string): ItemNumber | undefined {
  const match = /^0*([1-9]\d*)([a-z]?)$/.exec(text.trim());
  if (!match) return undefined;
  return match[2] ? `${match[1]}${match[2]}` : Number(match[1]);
}
