import { type ItemNumber, readItemNumber } from '../domain/item-numbers.ts';
import { blockMarkdown, blockText, parseLongDate, shorten } from './block-markdown.ts';
import { ImportError } from './import-error.ts';
import type { ImportWarning } from './import-types.ts';
import type { Block } from './read-blocks.ts';

/** A page of minutes as the content format writes them: front matter, and a `##` item per minute. */
export interface MinutesDraft {
  front: Record<string, unknown>;
  body: string;
  /** The number of the first minute, and how many there are: `first_number` is kept only where the numbers do not follow on. */
  first: number;
  count: number;
  /** The meeting's date as the opening line states it, when it does. */
  stated?: string;
  /** The agenda items the minutes name, for an agenda made from them when the meeting's own page is not at hand. */
  agenda: Array<{ part: 1 | 2; number: ItemNumber; title: string }>;
  warnings: ImportWarning[];
}

const OPENING = /^Minutes of (?:the )?(?:meeting of )?.* held on (\d{1,2} [A-Za-z]+ \d{4})(?: at (.+?))?\.?$/;
const ITEM = /^(\d+)\.\s+(.+)$/;
const AGENDA = /^\(Agenda item (\d+[a-z]?)(, Part 2)?\)$/i;
const ROLE = /^(.+?) \(((?:Vice[- ]|Deputy )?Chair(?:man)?)\)$/i;
const DRAFT = /^(Minutes\s*[-–]\s*draft|.*\bminutes are (?:currently )?draft\b.*|These minutes are to be agreed\.?)$/i;
const OFFICERS = /\b(officers|staff):?$/i;
const EXEMPT_NOTE = /^Exempt under (?:paragraph (\d) of )?Schedule 12A\b/i;

/** What the page says before its first minute: where, who was present, whether the minutes are still a draft. */
interface Attendance {
  members: Array<string | { name: string; role: string }>;
  also: string[];
  officers: Array<{ organisation: string; people: string[] }>;
  venue?: string;
  /** The date the opening line gives ("held on 2 April 2009"), to be checked against the page's address. */
  date?: string;
  draft: boolean;
}

/**
 * A saved page of minutes, as the site or the archive published them: the
 * opening line (its venue), who was present, then each minute ("91.
 * Apologies for absence", "(Agenda item 1)") with its text. Minutes whose
 * items name no agenda item cannot be tied to their meeting, and are refused.
 */
export function mapMinutesPage(blocks: readonly Block[], md: (html: string) => string, source: string): MinutesDraft {
  const warnings: ImportWarning[] = [];
  const start = blocks.findIndex((b, i) => startsItem(b, blocks[i + 1]));
  if (start < 0)
    throw new ImportError(
      'E_IMPORT_MINUTES',
      `${source} has no numbered minute ("91. Apologies for absence")`,
      'check that the page is a meeting’s minutes; write them with `papers new minutes` if it is',
    );
  const attendance = readAttendance(blocks.slice(0, start), warnings);
  const items = readItems(blocks.slice(start), md, source);
  if (attendance.members.length === 0)
    throw new ImportError(
      'E_IMPORT_MINUTES',
      `${source} lists no members present before its first minute`,
      'add the list of members present to the page, or write the minutes with `papers new minutes`',
    );
  const { members, also, officers, venue, draft } = attendance;
  const front: Record<string, unknown> = {
    ...(venue ? { venue } : {}),
    present: { members, ...(also.length > 0 ? { also } : {}), ...(officers.length > 0 ? { officers } : {}) },
    ...(draft ? { draft: true } : {}),
  };
  return {
    front,
    body: items.map(formatItem).join('\n\n'),
    first: items[0]!.minute,
    count: items.length,
    agenda: items.map((i) => ({ part: i.part, number: i.number, title: i.title })),
    ...(attendance.date ? { stated: attendance.date } : {}),
    warnings,
  };
}

function readAttendance(blocks: readonly Block[], warnings: ImportWarning[]): Attendance {
  const out: Attendance = { members: [], also: [], officers: [], draft: false };
  let group: { organisation: string; people: string[] } | undefined;
  for (const block of blocks) {
    if (block.kind === 'list') {
      if (group) group.people.push(...block.items.map((i) => i.text));
      else out.members.push(...block.items.map((i) => readMember(i.text)));
      continue;
    }
    const text = blockText(block);
    if ((block.kind === 'heading' || text.length < 40) && OFFICERS.test(text)) {
      group = { organisation: text.replace(/:$/, ''), people: [] };
      out.officers.push(group);
    } else if (block.kind === 'heading' && /^(Present|Members|Minutes)/i.test(text)) group = undefined;
    else if (!readAttendanceLine(text, out))
      warnings.push({ at: 'the attendance', message: `"${shorten(text)}" before the first minute was left out` });
  }
  return out;
}

/** The opening line (its venue), the draft notice, "Also in attendance: …": false for any other line. */
function readAttendanceLine(text: string, out: Attendance): boolean {
  const opening = OPENING.exec(text);
  if (opening) out.date = parseLongDate(opening[1]!);
  if (opening?.[2]) out.venue = opening[2];
  else if (DRAFT.test(text)) out.draft = true;
  else if (/^Also in attendance:\s*/i.test(text))
    out.also.push(...text.replace(/^Also in attendance:\s*/i, '').split(/,\s*|\s+and\s+/));
  else return opening !== null;
  return true;
}

function readMember(text: string): string | { name: string; role: string } {
  const role = ROLE.exec(text);
  return role ? { name: role[1]!, role: role[2]! } : text;
}

interface MinuteItem {
  minute: number;
  part: 1 | 2;
  number: ItemNumber;
  title: string;
  lines: string[];
  exempt?: number | true;
}

/** Each minute: its heading and agenda item, then its text, decisions written as the content format has them. */
function readItems(blocks: readonly Block[], md: (html: string) => string, source: string): MinuteItem[] {
  const items: MinuteItem[] = [];
  for (const [i, block] of blocks.entries()) {
    const heading = startsItem(block, blocks[i + 1]) ? ITEM.exec(blockText(block)) : null;
    if (heading) items.push(startItem(heading, blocks[i + 1], source));
    else if (!(block.kind === 'para' && AGENDA.test(block.text))) addToItem(items.at(-1)!, block, md, source);
  }
  return items;
}

/** A minute's heading: "91. Apologies for absence" as a heading, or as a paragraph with "(Agenda item 1)" under it. */
function startsItem(block: Block, next: Block | undefined): boolean {
  if (block.kind === 'heading') return ITEM.test(block.text);
  return block.kind === 'para' && ITEM.test(block.text) && next?.kind === 'para' && AGENDA.test(next.text);
}

function startItem(heading: RegExpExecArray, next: Block | undefined, source: string): MinuteItem {
  const agenda = next?.kind === 'para' ? AGENDA.exec(next.text) : null;
  if (!agenda)
    throw new ImportError(
      'E_IMPORT_MINUTES',
      `${source}: minute ${heading[1]} ("${shorten(heading[2]!)}") names no agenda item`,
      'minutes are tied to their agenda: add "(Agenda item N)" under each minute’s heading, or write the minutes with `papers new minutes`',
    );
  const part = agenda[2] ? 2 : 1;
  const number = readItemNumber(agenda[1]!)!;
  const title = heading[2]!.trim();
  return { minute: Number(heading[1]), part, number, title, lines: [] };
}

/** A block under a minute: its text, or the note that the minute is exempt (its text is never published). */
function addToItem(item: MinuteItem, block: Block, md: (html: string) => string, source: string): void {
  const exempt = block.kind === 'para' ? EXEMPT_NOTE.exec(block.text) : null;
  if (exempt) item.exempt = exempt[1] ? Number(exempt[1]) : true;
  else if (item.part === 2 || item.exempt !== undefined)
    throw new ImportError(
      'E_IMPORT_MINUTES',
      `${source} prints text under minute ${item.minute}, an exempt item`,
      'the text of an exempt item is kept under exempt/minutes/: import the page without it, and write it there by hand',
    );
  else item.lines.push(writeDecision(blockMarkdown(block, md)));
}

/** A minute in the content format: its heading tied to its agenda item (and exempt paragraph), then its text. */
function formatItem(item: MinuteItem): string {
  const agenda = `agenda=${item.part === 2 ? '2.' : ''}${item.number}`;
  const exempt = item.exempt !== undefined && item.part === 1 ? ` exempt=${item.exempt}` : '';
  return [`## ${item.title} {${agenda}${exempt}}`, ...item.lines].join('\n\n');
}

/** "Resolved – That …", as the page prints a decision, is `Resolved: That …` in the content format. */
function writeDecision(markdown: string): string {
  return markdown.replace(/^(?:\*\*)?(Resolved|RESOLVED)(?:\*\*)?\s*[–-]\s*/, '$1: ');
}
