/** A Markdown file's front matter and body, as cut at its `---` lines. */
export interface FrontMatterSplit {
  /** The YAML between the lines, from the newline after the opening `---`: its lines are the file's lines. */
  matter: string;
  /** What follows the closing `---` line. */
  body: string;
  /** Where the body starts in the file's text. */
  bodyOffset: number;
}

const OPENING = /^---\r?\n/;
const CLOSING = /\r?\n---[ \t]*(?:\r?\n|$)/g;

/**
 * Cut a file that opens with a `---` line at the next line of `---` alone;
 * undefined when it does not open with one (`'open'`) or never closes (`'closed'`).
 * Plain slicing: a front-matter library's cache keyed by each file's whole text
 * cost seconds on a large archive.
 */
export function splitFrontMatter(text: string): FrontMatterSplit | 'open' | 'closed' {
  if (!OPENING.test(text)) return 'open';
  CLOSING.lastIndex = 3;
  const close = CLOSING.exec(text);
  if (!close) return 'closed';
  const bodyOffset = close.index + close[0].length;
  return { matter: text.slice(3, close.index), body: text.slice(bodyOffset), bodyOffset };
}
