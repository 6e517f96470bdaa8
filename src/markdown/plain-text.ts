import type MarkdownIt from 'markdown-it';

/** Markdown as plain text on one line: the words a reader sees, without markup. */
export function toPlainText(md: MarkdownIt, text: string): string {
  const words: string[] = [];
  for (const token of md.parse(text, {})) {
    if (token.type === 'inline') words.push(...(token.children ?? []).map(wordsOf));
    else if (token.type.endsWith('_close')) words.push(' ');
  }
  return words.join('').replace(/\s+/g, ' ').trim();
}

/** What an inline token puts on the line: its text, a space for a line break, nothing for markup. */
function wordsOf(child: { type: string; content: string }): string {
  if (child.type === 'text' || child.type === 'code_inline') return child.content;
  return child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : '';
}

/** The opening of a text, cut at a word boundary with an ellipsis when longer than `max` characters. */
export function shorten(text: string, max = 140): string {
  if (text.length <= max) return text;
  const cut = text
    .slice(0, max + 1)
    .replace(/\s+\S*$/, '')
    .replace(/[\s,;:.–-]+$/, '');
  return `${cut || text.slice(0, max)}…`;
}
