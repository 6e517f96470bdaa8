import TurndownService from 'turndown';
import { formatCounter } from '../domain/list-markers.ts';
import type { ImportedRow } from './import-types.ts';
import type { Block, TableCell } from './read-blocks.ts';

/** The Markdown, tables and dates of an imported document's blocks: what `mapReport` writes them as. */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Addresses a published page never links to: a file of someone's machine, data, script. */
const UNSAFE_LINK = /^\s*(file|data|javascript|vbscript):/i;

/** A table of three columns headed Key points, Actions and a third (Results, Position at …). */
export function isProgressTable(rows: readonly TableCell[][]): boolean {
  const head = rows[0]?.map((c) => c.text.toLowerCase()) ?? [];
  return head.length === 3 && /^key points?$/.test(head[0] ?? '') && /^actions?$/.test(head[1] ?? '');
}

/** Each body row's key point (by its place), action and result, spanning cells read as the rows they span. */
export function readProgressRows(rows: readonly TableCell[][], md: (html: string) => string): ImportedRow[] {
  const grid = spanGrid(rows.slice(1));
  const out: ImportedRow[] = [];
  let keyPoint = -1;
  let action = 0;
  let lastKeyPointCell: TableCell | undefined;
  for (const row of grid) {
    const [kp, act, result] = row;
    if (!act || !result) continue;
    if (kp !== lastKeyPointCell) {
      keyPoint++;
      action = 0;
      lastKeyPointCell = kp;
    } else action++;
    out.push({ keyPoint, action, result: md(result.html), text: result.text });
  }
  return out;
}

/** Rows with each spanning cell repeated (as the same object) in the rows it spans. */
export function spanGrid(rows: readonly TableCell[][]): Array<Array<TableCell | undefined>> {
  const grid: Array<Array<TableCell | undefined>> = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (grid[r]![col] !== undefined) col++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![col + dc] = cell;
      }
      col += cell.colspan;
    }
  });
  return grid;
}

export function blockMarkdown(block: Block, md: (html: string) => string): string {
  if (block.kind === 'heading') return `### ${block.text}`;
  if (block.kind === 'table') return tableMarkdown(block.rows, md);
  if (block.kind === 'list') return listMarkdown(block.html, md);
  return md(block.html);
}

export function blockText(block: Block): string {
  return block.kind === 'heading' || block.kind === 'para' ? block.text : block.kind;
}

/** A list to Markdown (clause lists keep their markers: see the list item rule). */
export function listMarkdown(html: string, md: (html: string) => string): string {
  return md(html);
}

/** A table to a Markdown pipe table; a spanning cell is written once, where it starts. */
export function tableMarkdown(rows: readonly TableCell[][], md: (html: string) => string): string {
  const grid = spanGrid(rows);
  const width = Math.max(...grid.map((r) => r.length), 1);
  const seen = new Set<TableCell>();
  const line = (row: Array<TableCell | undefined>) =>
    `| ${Array.from({ length: width }, (_, i) => {
      const cell = row[i];
      if (!cell || seen.has(cell)) return '';
      seen.add(cell);
      return md(cell.html).replace(/\n+/g, ' ').replace(/\|/g, '\\|');
    }).join(' | ')} |`;
  const [head, ...body] = grid;
  return [line(head ?? []), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

/** Is an ordered list Word's numbering of paragraphs (long items) rather than a list in the text? */
export function isParagraphNumbering(block: Extract<Block, { kind: 'list' }>): boolean {
  const words = block.items.map((i) => i.text.split(' ').length);
  return words.reduce((a, b) => a + b, 0) / Math.max(1, words.length) >= 25;
}

/** An item's own text, and the lists nested in it. */
export function splitNestedLists(html: string): { paragraph: string; lists: string[] } {
  const lists: string[] = [];
  const paragraph = html.replace(/<(ol|ul)\b[\s\S]*<\/\1>/g, (list) => {
    lists.push(list);
    return '';
  });
  return { paragraph, lists };
}

/** HTML to the Markdown of the content: the one converter of the importer. */
export function htmlToMarkdown(html: string): string {
  return createTurndown().turndown(html).trim();
}

/**
 * The importer's HTML to Markdown. Pictures are never written (the importer
 * says where they were); a link to a file of someone's machine, to data or to
 * script keeps its words only, its address given to `leftOut`.
 */
export function createTurndown(leftOut: (address: string) => void = () => undefined): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
  });
  // A rule, not `remove`: Turndown's own image rule comes before what is removed.
  service.addRule('noPictures', {
    filter: (node) => /^(img|picture|svg|object|embed|iframe|script|style)$/i.test(node.nodeName),
    replacement: () => '',
  });
  service.addRule('unsafeLink', {
    filter: (node) => node.nodeName === 'A' && UNSAFE_LINK.test(node.getAttribute('href') ?? ''),
    replacement(content, node) {
      leftOut(((node as HTMLElement).getAttribute('href') ?? '').slice(0, 60));
      return content;
    },
  });
  // List items as the content is written by hand: one space after the marker, continuation lines under the text.
  service.addRule('listItem', {
    filter: 'li',
    // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
    replacement(content, node) {
      const parent = node.parentNode as HTMLElement | null;
      const index = parent ? Array.prototype.indexOf.call(parent.children, node) : 0;
      const start = Number(parent?.getAttribute('start') ?? 1) || 1;
      // A clause list ((i), (a), or i., a.) keeps its markers, which the build's clause rule knows, at any depth.
      const type = parent?.getAttribute('type') ?? '';
      const paren =
        !/\bclauses\b/.test(parent?.getAttribute('class') ?? '') ||
        /\bclauses-paren\b/.test(parent?.getAttribute('class') ?? '');
      const clause =
        parent?.nodeName === 'OL' && /^[aAiI]$/.test(type) ? formatCounter(start + index, type) : undefined;
      const marker = clause
        ? paren
          ? `(${clause}) `
          : `${clause}. `
        : parent?.nodeName === 'OL'
          ? `${start + index}. `
          : '- ';
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '')
        .replace(/\n/g, `\n${' '.repeat(marker.length)}`);
      return `${marker}${body}${node.nextSibling ? '\n' : ''}`;
    },
  });
  return service;
}

/** "8 December 2005" to 2005-12-08. */
export function parseLongDate(text: string): string | undefined {
  const match = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]!.toLowerCase());
  if (month < 0) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

export function plainOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The term a line of a list of abbreviations defines: "MPA – Metropolitan Police Authority" is MPA. */
export function abbreviationTerm(line: string): string {
  return line.split(/\s+[–—-]\s+|:\s+|\t/)[0]?.trim() ?? '';
}

export function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
