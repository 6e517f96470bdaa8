import { isExemptItem } from './agenda-items.ts';
import { parseMinutes, type MinuteItemData } from './parse-minutes.ts';

/** Where public minutes would carry exempt text, and how to keep it apart. */
export interface ExemptTextProblem {
  line: number;
  col: number;
  message: string;
  hint: string;
}

/** Braces naming an agenda item or an exemption: what a minute item's heading carries. */
const MARKER = /\{[^{}]*\b(agenda|exempt)\s*=/i;
const FENCE = /^(```|~~~)/;

/**
 * The public minutes fail closed. The text of an exempt minute item lives in
 * `exempt/minutes/`; here its heading stands alone, keeping its number. Any
 * line that names an agenda item or an exemption in braces must be a heading
 * the minutes' parser reads as one (otherwise the text after it would join the
 * public item above), and an exempt item's heading has no text under it.
 * `exemptFile` is where that text belongs.
 */
export function findExemptText(body: string, startLine: number, exemptFile: string): ExemptTextProblem[] {
  const { items } = parseMinutes(body, startLine);
  const lines = body.split(/\r?\n/);
  const headings = new Set(items.map((item) => item.line));
  const problems: ExemptTextProblem[] = [];
  let fence: number | undefined;
  lines.forEach((text, i) => {
    const line = startLine + i;
    const opensFence = FENCE.test(text);
    if (MARKER.test(text) && !headings.has(line)) {
      problems.push({
        line,
        col: 1,
        message: 'this line names an agenda item in braces but is not read as a minute item’s heading',
        hint: `${describeSlip(text, lines[i + 1], fence)}; the text after it would otherwise join the public item above`,
      });
    }
    if (opensFence) fence = fence === undefined ? line : undefined;
  });
  items.forEach((item, k) => {
    if (!isExemptItem(item)) return;
    const text = textLines(lines, item, items[k + 1], startLine);
    if (text.length === 0) return;
    const first = text[0]!;
    const last = text[text.length - 1]!;
    problems.push({
      line: first,
      col: 1,
      message: `the text of an exempt minute item stands in the public minutes (line${first === last ? ` ${first}` : `s ${first}–${last}`})`,
      hint: `move it to ${exemptFile}, under the same heading \`${headingOf(lines, item, startLine)}\`; leave the heading here, with no text, so the public minutes keep its number`,
    });
  });
  return problems;
}

function describeSlip(text: string, next: string | undefined, fence: number | undefined): string {
  if (fence !== undefined) return `close the code block opened on line ${fence} (\`\`\` or ~~~) before this heading`;
  if (/^\s+#/.test(text)) return 'start the heading in the first column, with `## ` and no space before it';
  if (/^#{3,}/.test(text)) return 'a minute item’s heading starts with two #: `## Title {agenda=N}`';
  if (next !== undefined && /^\s*(-{2,}|={2,})\s*$/.test(next))
    return 'write the heading on one line as `## Title {agenda=N}`, without the line of dashes or equals signs under it';
  return 'write it as a heading of its own line, `## Title {agenda=N}`';
}

/** The file lines of an item's text that are not blank. */
function textLines(lines: readonly string[], item: MinuteItemData, next: MinuteItemData | undefined, start: number) {
  const end = next ? next.line - start : lines.length;
  const found: number[] = [];
  for (let i = item.line - start + 1; i < end; i++) if ((lines[i] ?? '').trim() !== '') found.push(start + i);
  return found;
}

function headingOf(lines: readonly string[], item: MinuteItemData, start: number): string {
  return (lines[item.line - start] ?? '').trim();
}
