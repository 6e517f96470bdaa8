import { parse, serialize } from 'parse5';
import { ImportError } from './import-error.ts';

/** A block of a document as read from HTML: what the report's structure is worked out from. */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'para'; html: string; text: string }
  | { kind: 'list'; ordered: boolean; html: string; items: Array<{ html: string; text: string; value?: number }> }
  | { kind: 'table'; html: string; rows: TableCell[][] };

export interface TableCell {
  html: string;
  text: string;
  header: boolean;
  rowspan: number;
  colspan: number;
}

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

/** Page furniture of a saved page of the archive (or of this site), never part of a report. */
const SKIP_TAGS = new Set([
  'head',
  'script',
  'style',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'template',
  'noscript',
  'button',
]);
const SKIP_CLASSES = [
  'archive-banner',
  'download-link',
  'breadcrumb',
  'page-actions',
  'skip-link',
  'site-header',
  'site-footer',
  'scroll-hint',
  // "Report 9 PDF 120 KB" beside an agenda's item, "Committee pack for … PDF": the site's own links to
  // its PDFs, made again from the report and the meeting.
  'file-link',
  'pack-link',
];

/** The blocks of an HTML document (a page of the archive, or a Word document converted), in order. */
export function readBlocks(html: string, name = 'the page'): Block[] {
  const document = parse(html) as unknown as Node;
  const depth = deepestNesting(document);
  if (depth > MAX_DEPTH)
    throw new ImportError(
      'E_IMPORT_DEPTH',
      `${name} nests its elements ${depth} deep, deeper than any page of a report`,
      'save the page again from the archive, and import that',
    );
  const root =
    findFirst(document, (n) => n.nodeName === 'article') ??
    findFirst(document, (n) => n.nodeName === 'main') ??
    findFirst(document, (n) => n.nodeName === 'body') ??
    document;
  const blocks: Block[] = [];
  walk(root, blocks);
  return blocks;
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function walk(node: Node, blocks: Block[]): void {
  for (const child of node.childNodes ?? []) {
    const name = child.nodeName;
    if (name === '#text') {
      const text = normalise(child.value ?? '');
      if (text) blocks.push({ kind: 'para', html: escapeText(text), text });
      continue;
    }
    if (name.startsWith('#') || SKIP_TAGS.has(name) || hasSkippedClass(child)) continue;
    if (/^h[1-6]$/.test(name)) {
      const text = textOf(child);
      if (text) blocks.push({ kind: 'heading', level: Number(name[1]), text });
    } else if (name === 'p') {
      const text = textOf(child);
      // A paragraph that is only a picture is kept (with no text) so that the picture is said, never lost unseen.
      if (text || hasPicture(child)) blocks.push({ kind: 'para', html: inner(child), text });
    } else if (name === 'ul' || name === 'ol') {
      const items = (child.childNodes ?? [])
        .filter((c) => c.nodeName === 'li')
        .map((li) => ({ html: inner(li), text: textOf(li), ...numberOf(li) }));
      if (items.length > 0)
        blocks.push({ kind: 'list', ordered: name === 'ol', html: serialize(wrap(child) as never), items });
    } else if (name === 'table') {
      blocks.push({ kind: 'table', html: serialize(wrap(child) as never), rows: readRows(child) });
    } else if (name === 'dl') {
      // "Report: 6", "Date: …", "By: …" set out as a definition list.
      let term = '';
      for (const item of flatten(child, (n) => n.nodeName === 'dt' || n.nodeName === 'dd')) {
        if (item.nodeName === 'dt') term = textOf(item);
        else blocks.push({ kind: 'para', html: `${escapeText(term)} ${inner(item)}`, text: `${term} ${textOf(item)}` });
      }
    } else if (name === 'img' || name === 'picture' || name === 'svg') {
      blocks.push({ kind: 'para', html: '<img>', text: '' });
    } else if (name === 'br' || name === 'hr') {
    } else {
      // Containers (div, section, main…) and anything else: their blocks are read in order.
      walk(child, blocks);
    }
  }
}

/** Deeper than any page of a report is nested. */
const MAX_DEPTH = 500;

/** How deep the elements nest, counted without recursion (a hostile page may nest them beyond the stack). */
function deepestNesting(document: Node): number {
  let deepest = 0;
  const stack: Array<[Node, number]> = [[document, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    if (depth > MAX_DEPTH) break;
    for (const child of node.childNodes ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

function readRows(table: Node): TableCell[][] {
  return flatten(table, (n) => n.nodeName === 'tr').map((tr) =>
    (tr.childNodes ?? [])
      .filter((c) => c.nodeName === 'td' || c.nodeName === 'th')
      .map((cell) => ({
        html: inner(cell),
        text: textOf(cell),
        header: cell.nodeName === 'th',
        rowspan: Number(attr(cell, 'rowspan') ?? 1) || 1,
        colspan: Number(attr(cell, 'colspan') ?? 1) || 1,
      })),
  );
}

/** Descendants that match, not looking inside a match (nor inside a nested table). */
function flatten(node: Node, match: (n: Node) => boolean): Node[] {
  const found: Node[] = [];
  for (const child of node.childNodes ?? []) {
    if (match(child)) found.push(child);
    else if (child.nodeName !== 'table') found.push(...flatten(child, match));
  }
  return found;
}

function findFirst(node: Node, match: (n: Node) => boolean): Node | undefined {
  for (const child of node.childNodes ?? []) {
    if (match(child)) return child;
    const found = findFirst(child, match);
    if (found) return found;
  }
  return undefined;
}

function hasPicture(node: Node): boolean {
  return /^(img|picture|svg)$/.test(node.nodeName) || (node.childNodes ?? []).some(hasPicture);
}

function hasSkippedClass(node: Node): boolean {
  const classes = (attr(node, 'class') ?? '').split(/\s+/);
  return (
    classes.some((c) => SKIP_CLASSES.includes(c)) ||
    attr(node, 'role') === 'navigation' ||
    attr(node, 'hidden') !== undefined
  );
}

/** An item's own number in its list (`<li value="9">`), as an agenda gives it. */
function numberOf(li: Node): { value?: number } {
  const value = Number(attr(li, 'value'));
  return Number.isInteger(value) && value > 0 ? { value } : {};
}

function attr(node: Node, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** The text a reader sees, spaces collapsed. */
export function textOf(node: Node): string {
  const parts: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeName === '#text') parts.push(n.value ?? '');
    else if (n.nodeName === 'br') parts.push(' ');
    else if (!SKIP_TAGS.has(n.nodeName) && !hasSkippedClass(n)) for (const c of n.childNodes ?? []) visit(c);
    if (/^(p|li|div|h[1-6]|td|th|tr)$/.test(n.nodeName)) parts.push(' ');
  };
  for (const c of node.childNodes ?? []) visit(c);
  return normalise(parts.join(''));
}

function inner(node: Node): string {
  return serialize(node as never);
}

function wrap(node: Node): Node {
  return { nodeName: '#document-fragment', childNodes: [node] };
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
