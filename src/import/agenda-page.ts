import { parseFragment, serialize } from 'parse5';
import { shorten } from './block-markdown.ts';
import { ImportError } from './import-error.ts';
import type { ImportWarning } from './import-types.ts';
import { type Block, textOf } from './read-blocks.ts';

/** An agenda item as the meeting's page lists it; a link to a report or minutes is resolved once every page is read. */
export interface AgendaEntry {
  part: 1 | 2;
  title: string;
  /** The item's own number, when it is not the one after the item above. */
  number?: number;
  kind?: 'standing' | 'minutes' | 'urgent' | 'oral' | 'exclusion';
  text?: string;
  exempt?: number | true;
  /** The address its title links to, for its report or minutes. */
  link?: string;
  /** Its report, where it is known already (an agenda made from the meeting's minutes and reports). */
  report?: string;
}

export interface AgendaDraft {
  time?: string;
  venue?: string;
  items: AgendaEntry[];
  warnings: ImportWarning[];
}

/** The resolution the site prints when an agenda gives none of its own. */
const EXCLUSION = /^Exclusion of (the )?press and public$/i;
const EXEMPT = /^Exempt under (?:paragraph (\d) of )?Schedule 12A\b/i;
const PART = /^Part ([12])$/i;
/** Lines the site writes around an agenda, word for word: they are made again from the meeting's file. Any other is warned of. */
const GENERATED =
  /^(Agenda|Items to be considered while the press and public are present|Items considered after the exclusion of the press and public|Please note that members of the press and public must leave the meeting at this point\.|Minutes of this meeting(?: Minutes PDF.*)?)$/;

/**
 * A meeting's page, as the site or the archive published it: its time and
 * venue, and each part's agenda items with their numbers, text, exempt
 * paragraph and the report or minutes each links to.
 */
export function mapAgendaPage(blocks: readonly Block[], md: (html: string) => string, source: string): AgendaDraft {
  const out: AgendaDraft = { items: [], warnings: [] };
  let part: 1 | 2 = 1;
  for (const block of blocks) {
    const text = blockWords(block);
    const partHeading = PART.exec(text);
    if (partHeading) part = Number(partHeading[1]) as 1 | 2;
    else if (block.kind === 'list' && block.ordered) out.items.push(...readItems(block, part, md, out.items));
    else if (!isHeading(block) && !readMeetingLine(text, out) && !GENERATED.test(text))
      out.warnings.push({
        at: 'the agenda',
        message: `"${shorten(text || block.kind)}" is not an agenda item, its time or venue, and was left out`,
      });
  }
  if (out.items.length === 0)
    throw new ImportError(
      'E_IMPORT_AGENDA',
      `${source} lists no agenda item`,
      'check that the page is a meeting’s agenda; its reports and minutes are imported from their own pages',
    );
  return out;
}

function blockWords(block: Block): string {
  return block.kind === 'list' || block.kind === 'table' ? '' : block.text;
}

/** The page's title (the committee and the date it ends with), which the meeting's file makes again. */
function isHeading(block: Block): boolean {
  return block.kind === 'heading' && block.level === 1 && /\b\d{4}$/.test(block.text);
}

/** "Venue: …" and "Time: …", as the page gives them: false for any other line. */
function readMeetingLine(text: string, out: AgendaDraft): boolean {
  const field = /^(Venue|Time):\s*(.+)$/.exec(text);
  const time = field?.[1] === 'Time' ? readTime(field[2]!) : undefined;
  if (field?.[1] === 'Venue') out.venue = field[2]!;
  else if (time) out.time = time;
  else return false;
  return true;
}

/** "10.00am", "2.30 pm", "14:00" → HH:MM. */
function readTime(text: string): string | undefined {
  const match = /^(\d{1,2})[.:](\d{2})\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return undefined;
  const hour = (Number(match[1]) % 12) + (match[3]?.toLowerCase() === 'pm' ? 12 : 0);
  return `${String(match[3] ? hour : Number(match[1])).padStart(2, '0')}:${match[2]}`;
}

function readItems(
  list: Extract<Block, { kind: 'list' }>,
  part: 1 | 2,
  md: (html: string) => string,
  before: readonly AgendaEntry[],
): AgendaEntry[] {
  let previous = before.filter((i) => i.part === part).length === 0 ? 0 : lastNumber(before, part);
  return list.items.map((item) => {
    const entry = readItem(item.html, part, md);
    const number = item.value ?? previous + 1;
    if (number !== previous + 1) entry.number = number;
    previous = number;
    return entry;
  });
}

function lastNumber(items: readonly AgendaEntry[], part: 1 | 2): number {
  let n = 0;
  for (const item of items) if (item.part === part) n = item.number ?? n + 1;
  return n;
}

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

/** One item: its title (the words before any paragraph of its own), the address it links to, its text and exempt note. */
function readItem(html: string, part: 1 | 2, md: (html: string) => string): AgendaEntry {
  const nodes = (parseFragment(html) as Node).childNodes ?? [];
  const firstBlock = nodes.findIndex((n) => /^(p|div|ul|ol|table)$/.test(n.nodeName));
  const inline = (firstBlock < 0 ? nodes : nodes.slice(0, firstBlock)).filter((n) => !isFileLink(n));
  const title = textOf({ nodeName: 'span', childNodes: inline } as never);
  const entry: AgendaEntry = { part, title };
  const link = inline.map(findLink).find(Boolean);
  if (link) entry.link = link;
  const rest = firstBlock < 0 ? [] : nodes.slice(firstBlock);
  const texts: string[] = [];
  for (const node of rest) {
    const words = textOf({ nodeName: 'div', childNodes: [node] } as never);
    const exempt = EXEMPT.exec(words);
    if (exempt) entry.exempt = exempt[1] ? Number(exempt[1]) : true;
    else if (words) texts.push(md(serialize({ nodeName: '#document-fragment', childNodes: [node] } as never)));
  }
  const kind = kindOf(title);
  if (kind) entry.kind = kind;
  if (texts.length > 0) entry.text = texts.join('\n\n');
  return entry;
}

function kindOf(title: string): AgendaEntry['kind'] {
  if (EXCLUSION.test(title)) return 'exclusion';
  if (/^(Apologies|Declarations?|To receive any declarations)\b/i.test(title)) return 'standing';
  if (/^Minutes\b/i.test(title)) return 'minutes';
  if (/^Urgent\b/i.test(title)) return 'urgent';
  if (/\boral report\)?$/i.test(title)) return 'oral';
  return undefined;
}

function isFileLink(node: Node): boolean {
  return node.nodeName === 'a' && /\bfile-link\b/.test(node.attrs?.find((a) => a.name === 'class')?.value ?? '');
}

function findLink(node: Node): string | undefined {
  if (node.nodeName === 'a') return node.attrs?.find((a) => a.name === 'href')?.value;
  for (const child of node.childNodes ?? []) {
    const found = findLink(child);
    if (found) return found;
  }
  return undefined;
}
