import {
  isParagraphNumbering,
  listMarkdown,
  plainOf,
  shorten,
  splitNestedLists,
  tableMarkdown,
} from './block-markdown.ts';
import type { Group, ImportContext, ImportWarning } from './import-types.ts';
import type { Block } from './read-blocks.ts';

/** "Contact details": the authors (with their label) and the contacts, when they are not the site's own. */
export function mapContacts(
  blocks: readonly Block[],
  ctx: ImportContext,
  warnings: ImportWarning[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const contacts: Array<{ label: string; value: string }> = [];
  for (const line of blocks.flatMap(contactLines)) readContactLine(line, out, contacts, warnings);
  const same =
    contacts.length === ctx.contacts.length &&
    contacts.every((c, i) => c.label === ctx.contacts[i]?.label && c.value === ctx.contacts[i]?.value);
  // A Word report in the house template names its author only: the site's contacts stand under it.
  if (contacts.length === 0 && ctx.source === 'page') out.contacts = false;
  else if (contacts.length > 0 && !same)
    out.contacts = contacts.map((c) =>
      /@/.test(c.value) ? { label: c.label, email: c.value } : { label: c.label, phone: c.value },
    );
  return out;
}

function readContactLine(
  line: string,
  out: Record<string, unknown>,
  contacts: Array<{ label: string; value: string }>,
  warnings: ImportWarning[],
): void {
  const author = /^(Report authors?|Authors?):\s*(.+)$/i.exec(line);
  const contact = /^([^:]{2,40}):\s*(.+)$/.exec(line);
  if (author) {
    out.authors = [author[2]!.trim()];
    if (author[1] !== 'Report author') out.authors_label = author[1];
  } else if (/^For more information contact:?$/i.test(line)) return;
  else if (contact) contacts.push({ label: contact[1]!.trim(), value: contact[2]!.trim() });
  else
    warnings.push({
      at: 'Contact details',
      message: `"${shorten(line)}" was left out: it is neither an author nor a contact`,
    });
}

/** A contact block's lines: a list's items, or a paragraph's lines broken with <br>. */
export function contactLines(block: Block): string[] {
  if (block.kind === 'list') return block.items.map((i) => i.text);
  if (block.kind !== 'para') return [];
  return block.html
    .split(/<br\s*\/?>/i)
    .map(plainOf)
    .filter(Boolean);
}

interface Piece {
  text: string;
  number?: number;
  kind: 'para' | 'other';
}

/** A clause typed as a paragraph of its own: "(i) …", "(a) …". */
const CLAUSE = /^\(([ivxlc]+|[a-z])\)\s/i;

/** A section's blocks to Markdown: typed paragraph numbers out, "paragraph N" to a reference. */
export function mapSection(
  group: Group,
  md: (html: string) => string,
  warnings: ImportWarning[],
  replace: ReadonlyMap<Block, string> = new Map(),
): { numbered: boolean; parts: string[] } {
  const pieces = readPieces(group.blocks, md, replace);
  const numbered = pieces.some((p) => p.number !== undefined);
  if (!numbered) return { numbered, parts: pieces.map((p) => p.text) };
  const letter = (group.letter ?? '').toLowerCase();
  // "paragraph 4" of this section becomes `[[b4]]`, which the build keeps equal to the paragraph's number.
  const numbers = new Set(pieces.flatMap((p) => (p.number !== undefined ? [p.number] : [])));
  const cited = new Set<number>();
  const withRefs = pieces.map((p) => ({
    ...p,
    text: p.text.replace(/\b(paragraphs? )(\d+)\b/g, (whole, word: string, n: string) => {
      if (!numbers.has(Number(n))) return whole;
      cited.add(Number(n));
      return `${word}[[${letter}${n}]]`;
    }),
  }));
  let expected = 0;
  const parts = withRefs.map((p) => {
    if (p.kind !== 'para') return p.text;
    if (p.number === undefined) return `{-} ${p.text}`;
    if (expected !== 0 && p.number !== expected + 1)
      warnings.push({
        at: `${group.letter ?? ''}${p.number}`,
        message: `paragraph ${p.number} follows paragraph ${expected}: the build numbers paragraphs in order, so check the numbers on the page`,
      });
    expected = p.number;
    return cited.has(p.number) ? `{#${letter}${p.number}} ${p.text}` : p.text;
  });
  return { numbered, parts };
}

/** Each block as a numbered paragraph, an unnumbered one, or something else (a heading, list, clause or table). */
function readPieces(
  blocks: readonly Block[],
  md: (html: string) => string,
  replace: ReadonlyMap<Block, string>,
): Piece[] {
  const pieces: Piece[] = [];
  for (const block of blocks) {
    const replaced = replace.get(block);
    if (replaced !== undefined) {
      if (replaced) pieces.push({ kind: 'other', text: replaced });
      continue;
    }
    const last = pieces.findLast((p) => p.number !== undefined)?.number ?? 0;
    pieces.push(...readPiece(block, last, md));
  }
  return pieces;
}

function readPiece(block: Block, last: number, md: (html: string) => string): Piece[] {
  if (block.kind === 'heading') return [{ kind: 'other', text: `### ${block.text}` }];
  if (block.kind === 'table') return [{ kind: 'other', text: tableMarkdown(block.rows, md) }];
  if (block.kind === 'para') {
    const text = md(block.html);
    const typed = /^(\d+)\\?\.\s+/.exec(text);
    if (typed) return [{ kind: 'para', number: Number(typed[1]), text: text.slice(typed[0].length) }];
    return [{ kind: CLAUSE.test(text) ? 'other' : 'para', text }];
  }
  if (!block.ordered || !isParagraphNumbering(block)) return [{ kind: 'other', text: listMarkdown(block.html, md) }];
  // Word's own paragraph numbering: each item is a numbered paragraph, a list inside it a list.
  return block.items.flatMap((item, i) => {
    const { paragraph, lists } = splitNestedLists(item.html);
    return [
      { kind: 'para' as const, number: last + i + 1, text: md(paragraph) },
      ...lists.map((list) => ({ kind: 'other' as const, text: listMarkdown(list, md) })),
    ];
  });
}
