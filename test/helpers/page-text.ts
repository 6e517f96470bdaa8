import { parse } from 'parse5';

type Node = { nodeName: string; value?: string; childNodes?: Node[]; content?: Node };

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const SKIP = new Set(['head', 'script', 'style', 'template']);

/** The text a reader gets from a page, blocks and cells separated, whitespace collapsed. */
export function pageText(html: string): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (SKIP.has(node.nodeName)) return;
    if (node.nodeName === '#text') {
      parts.push(node.value ?? '');
      return;
    }
    const block = BLOCKS.has(node.nodeName);
    if (block) parts.push(' ');
    for (const child of node.childNodes ?? []) walk(child);
    if (block) parts.push(' ');
  };
  walk(parse(html) as unknown as Node);
  return normaliseSpace(parts.join(''));
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
