import { type ItemNumber, readItemNumber } from '../domain/item-numbers.ts';
import { formatDateIn } from '../domain/dates.ts';
import { DESCRIPTION_TO_BE_WRITTEN } from '../edit/scaffold.ts';
import { blockText, parseLongDate, shorten } from './block-markdown.ts';
import type { ImportContext, ImportWarning } from './import-types.ts';
import type { Block } from './read-blocks.ts';

export const LETTERED = /^([A-Z])\.\s+(.+)$/;

/** What the opening block gives: front matter, the date the report bears, what it lacks, and where it ends. */
export interface Opening {
  front: Record<string, unknown>;
  reportDate: string;
  missing: string[];
  /** The index of the first block after the opening. */
  end: number;
  /** The meeting and number the document itself states, to be checked against what import was told. */
  stated: { number?: ItemNumber; date?: string };
}

const STATED = /^Report (\d+[a-z]?) of the (\d{1,2} [A-Za-z]+ \d{4}) meeting\b/;
const FIELD = /^(Report|Date|By):\s*(.+)$/;
const BANNER = /^(Warning:|See the .* for further information\.?$)/;

/** What the opening's lines give, as they are read. */
interface OpeningLines {
  opening?: string;
  title?: string;
  meta: Record<string, string>;
}

/** The opening block: the description line, the title, then Report, Date and By. */
export function readOpening(blocks: readonly Block[], ctx: ImportContext, warnings: ImportWarning[]): Opening {
  const lines: OpeningLines = { meta: {} };
  let end = 0;
  while (end < blocks.length && !endsOpening(blocks[end]!)) readOpeningLine(blocks[end++]!, lines, warnings);
  const { meta, title, opening } = lines;
  const number = readItemNumber(meta.report ?? '');
  const valid = number !== undefined;
  const reportDate = readReportDate(meta.date, ctx, warnings);
  const front: Record<string, unknown> = { title: title ?? '', number: number ?? 0, by: meta.by ?? '' };
  if (reportDate !== ctx.meetingDate) front.report_date = reportDate;
  Object.assign(front, describe(opening, number, ctx, warnings));
  const missing = [
    ...(title === undefined ? ['title'] : []),
    ...(valid ? [] : ['number (the "Report:" line, or --number)']),
    ...(meta.by ? [] : ['by (the "By:" line)']),
  ];
  return { front, reportDate, end, missing, stated: readStated(opening, number) };
}

/** The date the report bears: its "Date:" line, else the meeting's. */
function readReportDate(date: string | undefined, ctx: ImportContext, warnings: ImportWarning[]): string {
  const parsed = parseLongDate(date ?? '');
  if (date && !parsed)
    warnings.push({ at: 'the opening', message: `"Date: ${date}" is not a date; the meeting's date is used` });
  return parsed ?? ctx.meetingDate;
}

function endsOpening(block: Block): boolean {
  return block.kind === 'heading' && (/^Summary$/i.test(block.text) || LETTERED.test(block.text));
}

function readOpeningLine(block: Block, lines: OpeningLines, warnings: ImportWarning[]): void {
  const text = block.kind === 'para' || block.kind === 'heading' ? block.text : '';
  const field = block.kind === 'para' ? FIELD.exec(text) : null;
  if (block.kind === 'heading' && lines.title === undefined) lines.title = text;
  else if (block.kind === 'para' && STATED.test(text) && lines.opening === undefined && lines.title === undefined)
    lines.opening = text;
  else if (field) lines.meta[field[1]!.toLowerCase()] = field[2]!.trim();
  else warnings.push({ at: 'the opening', message: leftOutOfOpening(block) });
}

function leftOutOfOpening(block: Block): string {
  if (block.kind === 'para' && !block.text)
    return 'a picture was left out: add it by hand, as an image file of the project';
  if (block.kind === 'para' && BANNER.test(block.text))
    return `the old site's notice "${shorten(block.text)}" was left out`;
  return `"${shorten(blockText(block))}" is not part of the opening block (title, Report, Date, By) and was left out`;
}

/** The number and meeting date the document names: its "Report:" line, or its opening line. */
function readStated(opening: string | undefined, number: ItemNumber | undefined): Opening['stated'] {
  const stated = STATED.exec(opening ?? '');
  const date = stated ? parseLongDate(stated[2]!) : undefined;
  const named = number ?? (stated ? readItemNumber(stated[1]!) : undefined);
  return { ...(named ? { number: named } : {}), ...(date ? { date } : {}) };
}

/**
 * The description after the generated words; an opening line that is not the
 * generated one, in full. A document with none (a Word report in the house
 * template) gets the site's own opening line, its end left for an officer to
 * write (check says so); a page of the archive that had none keeps none.
 */
function describe(
  opening: string | undefined,
  number: ItemNumber | undefined,
  ctx: ImportContext,
  warnings: ImportWarning[],
): Record<string, unknown> {
  const prefix = number
    ? `Report ${number} of the ${formatDateIn(ctx.dateStyle, ctx.meetingDate)} meeting of the ${ctx.committeeName} and `
    : undefined;
  if (opening && prefix && opening.startsWith(prefix)) return { description: opening.slice(prefix.length) };
  if (opening) return { opening };
  if (ctx.source === 'page') return { opening: false };
  warnings.push({
    at: 'the opening',
    message:
      'the document has no opening line ("Report N of the … meeting of the … and …"): write its end in `description`, as the site shows it',
  });
  return { description: DESCRIPTION_TO_BE_WRITTEN };
}

/** The committee an opening line names: "… meeting of the <committee> and …". */
export function readStatedCommittee(blocks: readonly Block[]): string | undefined {
  for (const block of blocks.slice(0, 12)) {
    if (block.kind !== 'para' || !STATED.test(block.text)) continue;
    // A committee's name may hold "and" itself: it is read up to the word that ends such names.
    return /\bmeeting of the (.+?\b(?:Committee|Sub-Committee|Authority|Board|Panel|Forum|Council|Group|Partnership))\b/i.exec(
      block.text,
    )?.[1];
  }
  return undefined;
}
