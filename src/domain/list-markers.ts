/** A number in lower-case Roman numerals (`14` is `xiv`). */
export function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [n, numeral] of ROMAN) {
    while (rest >= n) {
      out += numeral;
      rest -= n;
    }
  }
  return out;
}

/** The counter an ordered list of `type` (`1`, `a`, `A`, `i`, `I`) shows for item `n`, as HTML draws it. */
export function formatCounter(n: number, type: string): string {
  switch (type) {
    case 'a':
      return String.fromCharCode(96 + n);
    case 'A':
      return String.fromCharCode(64 + n);
    case 'i':
      return toRoman(n);
    case 'I':
      return toRoman(n).toUpperCase();
    default:
      return String(n);
  }
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];
