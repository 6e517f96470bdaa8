import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';

/** One level of a Word list: how its number is drawn. */
interface Level {
  format: string;
  text: string;
  start: number;
}

/** A paragraph of the document's body, in order: its words, and the number Word draws before it when that is not a plain "1." */
export interface WordParagraph {
  text: string;
  marker?: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

type XmlDocument = ReturnType<DOMParser['parseFromString']>;

/** A part that is not well-formed XML is refused (by the caller, as mammoth would refuse it), never guessed at. */
const PARSER = new DOMParser({
  errorHandler: {
    warning: () => {},
    error: (message: string) => {
      throw new Error(message);
    },
    fatalError: (message: string) => {
      throw new Error(message);
    },
  },
});

/**
 * Each paragraph of a .docx's body with the number Word draws before it, read
 * from the document's own numbering definitions: `(a)`, `(iv)`, `A.`, `(2)`.
 * A plain decimal list ("1.") and bullets are left to the list they are; so
 * are paragraphs with no number. Called after `checkDocxXml`.
 */
export function readWordNumbering(bytes: Uint8Array): WordParagraph[] {
  const parts = unzipSync(bytes, { filter: (f) => /^word\/(document|numbering|styles)\.xml$/.test(f.name) });
  const read = (name: string) => {
    const data = parts[`word/${name}.xml`];
    return data ? PARSER.parseFromString(new TextDecoder().decode(data), 'text/xml') : undefined;
  };
  const document = read('document');
  if (!document) return [];
  const levels = readLevels(read('numbering'));
  const styles = readStyleNumbering(read('styles'));
  const counters = new Map<string, number[]>();
  return Array.from(document.getElementsByTagNameNS(W, 'p')).map((p) => {
    const text = textOf(p);
    const numbering = numberingOf(p, styles);
    const list = numbering && levels.get(numbering.numId);
    if (!numbering || !list) return { text };
    const marker = drawMarker(list, numbering.level, counters, numbering.numId);
    return marker === undefined ? { text } : { text, marker };
  });
}

/** The levels of each numbering instance (`w:num`), its abstract definition's with any start it overrides. */
function readLevels(numbering: XmlDocument | undefined): Map<string, Level[]> {
  const result = new Map<string, Level[]>();
  if (!numbering) return result;
  const abstract = new Map<string, Level[]>();
  for (const a of Array.from(numbering.getElementsByTagNameNS(W, 'abstractNum')))
    abstract.set(a.getAttributeNS(W, 'abstractNumId') ?? '', readAbstractLevels(a));
  for (const num of Array.from(numbering.getElementsByTagNameNS(W, 'num'))) {
    const levels = [...(abstract.get(attributeOf(num, 'abstractNumId') ?? '') ?? [])];
    for (const override of Array.from(num.getElementsByTagNameNS(W, 'lvlOverride'))) {
      const i = Number(override.getAttributeNS(W, 'ilvl') || 0);
      const start = attributeOf(override, 'startOverride');
      if (start !== undefined && levels[i]) levels[i] = { ...levels[i], start: Number(start) };
    }
    result.set(num.getAttributeNS(W, 'numId') ?? '', levels);
  }
  return result;
}

function readAbstractLevels(abstract: Element): Level[] {
  const levels: Level[] = [];
  for (const lvl of Array.from(abstract.getElementsByTagNameNS(W, 'lvl')))
    levels[Number(lvl.getAttributeNS(W, 'ilvl') || 0)] = {
      format: attributeOf(lvl, 'numFmt') ?? 'decimal',
      text: attributeOf(lvl, 'lvlText') ?? '',
      start: Number(attributeOf(lvl, 'start') ?? 1),
    };
  return levels;
}

/** Paragraph styles that number their paragraphs (a "List Number" style): style id → list. */
function readStyleNumbering(styles: XmlDocument | undefined): Map<string, string> {
  const result = new Map<string, string>();
  for (const style of Array.from(styles?.getElementsByTagNameNS(W, 'style') ?? [])) {
    const numId = attributeOf(style, 'numId');
    if (numId) result.set(style.getAttributeNS(W, 'styleId') ?? '', numId);
  }
  return result;
}

function numberingOf(p: Element, styles: Map<string, string>): { numId: string; level: number } | undefined {
  const props = p.getElementsByTagNameNS(W, 'pPr')[0];
  const numPr = props?.getElementsByTagNameNS(W, 'numPr')[0];
  const numId = (numPr && attributeOf(numPr, 'numId')) ?? styles.get((props && attributeOf(props, 'pStyle')) ?? '');
  if (!numId || numId === '0') return undefined;
  return { numId, level: Number((numPr && attributeOf(numPr, 'ilvl')) ?? 0) };
}

/** The number drawn before the next paragraph of a list at a level, when it is not a plain "1." or a bullet. */
function drawMarker(
  levels: Level[],
  level: number,
  counters: Map<string, number[]>,
  numId: string,
): string | undefined {
  const own = levels[level];
  if (!own || own.format === 'bullet' || own.format === 'none') return undefined;
  const count = counters.get(numId) ?? [];
  count[level] = (count[level] ?? own.start - 1) + 1;
  count.length = level + 1;
  counters.set(numId, count);
  if (own.format === 'decimal' && own.text === `%${level + 1}.`) return undefined;
  return own.text.replace(/%(\d)/g, (_, n: string) => {
    const i = Number(n) - 1;
    return formatNumber(count[i] ?? levels[i]?.start ?? 1, levels[i]?.format ?? 'decimal');
  });
}

/** A count in a Word number format: decimal, lowerLetter, upperLetter, lowerRoman, upperRoman. */
export function formatNumber(n: number, format: string): string {
  if (/Letter$/.test(format)) {
    const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    return format === 'upperLetter' ? letter.toUpperCase() : letter;
  }
  if (/Roman$/.test(format)) {
    const roman = toRoman(n);
    return format === 'upperRoman' ? roman : roman.toLowerCase();
  }
  return String(n);
}

function toRoman(n: number): string {
  const numerals: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, numeral] of numerals)
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  return out;
}

/** The `w:val` of a child element, such as a level's `w:numFmt`. */
function attributeOf(parent: Element, name: string): string | undefined {
  return parent.getElementsByTagNameNS(W, name)[0]?.getAttributeNS(W, 'val') ?? undefined;
}

/** A paragraph's words, as mammoth reads them: its text runs. */
function textOf(p: Element): string {
  return Array.from(p.getElementsByTagNameNS(W, 't'))
    .map((t) => t.textContent ?? '')
    .join('');
}
