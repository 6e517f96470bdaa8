import { parse } from 'parse5';
import { formatCounter } from '../../src/domain/list-markers.ts';

type Node = { nodeName: string; value?: string; childNodes?: Node[]; content?: Node };

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const SKIP = new Set(['head', 'script', 'style', 'template']);

/** The text a reader gets from a page, blocks and cells separated, whitespace collapsed. */
export function pageText(html: string): string {
  return readText(html, false);
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

type ElementNode = Node & { attrs?: Array<{ name: string; value: string }> };

/**
 * The page's text with each list item's marker written before it, as a reader
 * sees it: `1.`, `(ii)`, `a.` for ordered lists (from `start`, `type` and the
 * `clauses-paren` class), `•` for bulleted ones. So a comparison with the
 * source checks list kinds and numbers too, not only the words.
 */
export function pageTextWithMarkers(html: string): string {
  return readText(html, true);
}

function readText(html: string, markers: boolean): string {
  const parts: string[] = [];
  const walk = (node: ElementNode, marker?: string) => {
    if (SKIP.has(node.nodeName)) return;
    if (node.nodeName === '#text') {
      parts.push(node.value ?? '');
      return;
    }
    const block = BLOCKS.has(node.nodeName);
    if (block) parts.push(' ');
    if (marker) parts.push(`${marker} `);
    let index = 0;
    for (const child of (node.childNodes ?? []) as ElementNode[]) {
      const listItem = markers && child.nodeName === 'li' && (node.nodeName === 'ol' || node.nodeName === 'ul');
      walk(child, listItem ? listMarker(node, child, index++) : undefined);
    }
    if (block) parts.push(' ');
  };
  walk(parse(html) as unknown as ElementNode);
  return normaliseSpace(parts.join(''));
}

/** Lines not found, in order, in a page's text. */
export function findMissingLines(lines: readonly string[], text: string): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const line of lines) {
    const at = text.indexOf(line, from);
    if (at === -1) missing.push(line);
    else from = at + line.length;
  }
  return missing;
}

function attr(node: ElementNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

function listMarker(list: ElementNode, item: ElementNode, index: number): string {
  if (list.nodeName === 'ul') return '•';
  const value = Number(attr(item, 'value') ?? Number(attr(list, 'start') ?? 1) + index);
  const type = attr(list, 'type') ?? '1';
  const paren = (attr(list, 'class') ?? '').split(/\s+/).includes('clauses-paren');
  const text = formatCounter(value, type);
  return paren ? `(${text})` : `${text}.`;
}
