import { parse } from 'parse5';
import { type Block, readBlocks, textOf } from './read-blocks.ts';

/** The lines a block holds: a paragraph or heading, each item of a list, each cell of a table. */
export function blockLines(block: Block): string[] {
  if (block.kind === 'list') return block.items.map((i) => i.text);
  if (block.kind === 'table') return block.rows.flat().map((c) => c.text);
  return [block.text];
}

/** The lines of a page's report as a reader has them. */
export function readSourceLines(html: string): string[] {
  return readBlocks(html).flatMap(blockLines).filter(Boolean);
}

/**
 * The share of a source page's lines found, in order, in the text of the
 * page papers built from it: 1 when every line is there. Spacing and case
 * aside, so that a line split or joined differently still counts.
 */
export function measureFidelity(lines: readonly string[], builtHtml: string): { found: number; missing: string[] } {
  const text = squeeze(textOf(parse(builtHtml) as never));
  const missing: string[] = [];
  let from = 0;
  for (const line of lines) {
    const wanted = squeeze(line);
    const at = text.indexOf(wanted, from);
    if (at === -1) missing.push(line);
    else from = at + wanted.length;
  }
  return { found: lines.length - missing.length, missing };
}

/** Only letters and digits, lower case: a line compared so is found however it was spaced or set out. */
export function squeeze(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
