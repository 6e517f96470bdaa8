import { blockMarkdown } from './block-markdown.ts';
import type { ImportWarning } from './import-types.ts';
import type { Block } from './read-blocks.ts';

/** "That", "That Members", "That members:": the words before the items, never an item. */
const LEAD = /^That(\s+(the\s+)?members)?:?$/i;
/** A number typed before an item ("1. note …"), as Markdown escapes it. */
const TYPED = /^\d+\\?[.)]\s+/;

/** Section A's blocks to the recommendations: the lead, the items (typed numbers taken out), how they are set out. */
export function mapRecommendations(
  heading: string,
  blocks: readonly Block[],
  md: (html: string) => string,
  warnings: ImportWarning[],
): Record<string, unknown> {
  const read: ReadItems = { items: [], typed: 0 };
  for (const block of blocks) readItem(block, read, md, warnings);
  const items = read.items.filter(Boolean);
  const numbered = read.listed === true || (read.typed > 0 && read.typed === items.length);
  const result: Record<string, unknown> = {};
  if (read.lead !== undefined) result.lead = read.lead;
  const style = read.listed === false ? 'bulleted' : numbered ? 'numbered' : 'paragraphs';
  // By default: a numbered list after a lead, else paragraphs.
  if (style !== (read.lead !== undefined ? 'numbered' : 'paragraphs')) result.style = style;
  if (items.length === 0) items.push('[To be written]');
  const byCount = items.length === 1 ? 'Recommendation' : 'Recommendations';
  if (heading !== byCount) result.heading = heading;
  result.items = items;
  return result;
}

interface ReadItems {
  lead?: string;
  items: string[];
  /** Whether the items came as a numbered (true) or bulleted (false) list. */
  listed?: boolean;
  /** How many items had a typed number. */
  typed: number;
}

function readItem(block: Block, read: ReadItems, md: (html: string) => string, warnings: ImportWarning[]): void {
  if (block.kind === 'para' && read.items.length === 0 && read.lead === undefined && LEAD.test(block.text))
    read.lead = block.text;
  else if (block.kind === 'list') {
    read.items.push(...block.items.map((i) => md(i.html)));
    read.listed ??= block.ordered;
  } else if (block.kind === 'para') {
    const text = blockMarkdown(block, md);
    if (TYPED.test(text)) read.typed++;
    read.items.push(text.replace(TYPED, ''));
  } else warnings.push({ at: 'A', message: `a ${block.kind} in the recommendations was left out` });
}
