import type { Block } from './read-blocks.ts';
import type { ImportWarning } from './import-types.ts';
import { plainOf } from './block-markdown.ts';

/**
 * A document's blocks as the report means them: a Report/Date/By block written
 * as one paragraph split by line breaks read as its lines, typed bullets ("•")
 * as a list, a table's title typed in a row of its own as the paragraph before
 * it, and the old site's footer links taken out (and said).
 */
export function tidyBlocks(blocks: readonly Block[], warnings: ImportWarning[]): Block[] {
  const furniture: string[] = [];
  const kept = blocks
    .flatMap(splitOpeningLines)
    .flatMap(splitCaptionRow)
    .filter((block) => {
      if (block.kind !== 'para' || !FURNITURE.some((line) => line.test(block.text))) return true;
      furniture.push(block.text);
      return false;
    });
  if (furniture.length > 0)
    warnings.push({
      at: 'the page',
      message: `the old site's links ${furniture.map((f) => `"${f}"`).join(', ')} were left out: they are not part of the report`,
    });
  return joinTypedBullets(kept);
}

/** Links the archive's pages end with, never part of a report. */
const FURNITURE = [/^Send an e-mail linking to this page\.?$/i, /^Feedback$/i];

const OPENING_FIELD = /^(Report|Date|By):\s*\S/;
const BREAK = /<br\s*\/?>/i;

/** "Report: 6<br>Date: …<br>By: …" as three paragraphs, as the same block in separate elements is read. */
function splitOpeningLines(block: Block): Block[] {
  if (block.kind !== 'para' || !BREAK.test(block.html)) return [block];
  const lines = block.html
    .split(new RegExp(BREAK.source, 'gi'))
    .map((html) => ({ html: html.trim(), text: plainOf(html) }))
    .filter((line) => line.text);
  if (!lines.some((line) => OPENING_FIELD.test(line.text))) return [block];
  return lines.map((line) => ({ kind: 'para', ...line }));
}

/**
 * A table whose first row is one cell across it ("Recommendation 3: …" above
 * Key points / Actions / Results) has its title there, not its header: the
 * title is a paragraph before the table, and the next row the header.
 */
function splitCaptionRow(block: Block): Block[] {
  if (block.kind !== 'table' || block.rows.length < 3) return [block];
  const [first, ...rest] = block.rows;
  const width = Math.max(...rest.map((row) => row.reduce((n, cell) => n + cell.colspan, 0)));
  const only = first?.length === 1 ? first[0] : undefined;
  if (!only?.text || width < 2 || only.colspan < width) return [block];
  return [
    { kind: 'para', html: `<strong>${only.html}</strong>`, text: only.text },
    { ...block, rows: rest },
  ];
}

const BULLET = /^\s*[•·▪●◦]\s*/;

/** Paragraphs that start with a typed bullet, one after another, as one bulleted list. */
function joinTypedBullets(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let items: Array<{ html: string; text: string }> = [];
  const endList = () => {
    if (items.length > 0)
      out.push({
        kind: 'list',
        ordered: false,
        html: `<ul>${items.map((i) => `<li>${i.html}</li>`).join('')}</ul>`,
        items,
      });
    items = [];
  };
  for (const block of blocks) {
    if (block.kind === 'para' && BULLET.test(block.text)) {
      items.push({ html: block.html.replace(/[•·▪●◦]\s*/, ''), text: block.text.replace(BULLET, '') });
      continue;
    }
    endList();
    out.push(block);
  }
  endList();
  return out;
}
