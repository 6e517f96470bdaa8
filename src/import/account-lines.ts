import { abbreviationTerm, isProgressTable, shorten } from './block-markdown.ts';
import { blockLines, squeeze } from './line-fidelity.ts';
import type { Group, ImportWarning, ReportDraft } from './import-types.ts';
import { contactLines } from './map-section.ts';
import type { Block } from './read-blocks.ts';

/**
 * Nothing lost unseen: every line of the document's parts (a paragraph, a
 * list's item, a table's cell) is found in what the import writes, or in a
 * warning. A line found in neither is said here, where it stood, whatever
 * rule of the mapping missed it.
 */
export function warnUnwritten(
  groups: readonly Group[],
  draft: Omit<ReportDraft, 'warnings'>,
  warnings: ImportWarning[],
  implied: readonly string[],
): void {
  const texts = [collectText(draft.front), draft.body, collectText(draft.progress), ...implied];
  const written = squeezeWritten([...texts, ...warnings.map((w) => w.message)].join(' '));
  for (const group of groups) {
    const at = group.letter
      ? `${group.letter}. ${group.title}`
      : group.number
        ? `Appendix ${group.number}`
        : group.title || 'the document';
    const contacts = /^Contact details$/i.test(group.title);
    const lines = group.blocks.flatMap((block) => (contacts ? contactLines(block) : linesOf(block)));
    for (const line of lines.map((l) => whatIsWritten(l, group))) {
      if (isWritten(line, written)) continue;
      warnings.push({
        at,
        message: `"${shorten(line)}" is not in what was written: add it by hand where the document has it`,
      });
    }
  }
}

/** The lines a block holds: a paragraph or heading, each item of a list, each cell of a table (of a progress table, its results). */
function linesOf(block: Block): string[] {
  if (block.kind !== 'table' || !isProgressTable(block.rows)) return blockLines(block);
  return block.rows.slice(1).map((r) => r.at(-1)?.text ?? '');
}

/**
 * What of a line is written: of a list of abbreviations, the term (the
 * glossary gives its words); of the contact details, what follows the label
 * (the build writes the labels).
 */
function whatIsWritten(line: string, group: Group): string {
  if (group.kind === 'abbreviations') return abbreviationTerm(line);
  if (/^Contact details$/i.test(group.title)) return line.replace(/^[^:]{2,40}:\s*/, '');
  return line;
}

/** Found with its letters and digits in order; a typed paragraph number or bullet before it may have been taken out. */
function isWritten(line: string, written: string): boolean {
  const text = squeezeWritten(line);
  if (text === '' || written.includes(text)) return true;
  const untyped = squeezeWritten(line.replace(/^\s*(\d+[.)]|[•·▪●◦-])\s*/, ''));
  return untyped !== '' && written.includes(untyped);
}

/** Letters and digits as written: references (`[[b4]]` reads "4"), labels and note marks aside. */
function squeezeWritten(text: string): string {
  return squeeze(
    text.replace(/\[\[[a-z]+(\d+)\]\]/g, '$1').replace(/\{#[a-z]+\d+\}|\{-\}|\uE000\d+\uE001|\[\^\d+\]/g, ''),
  );
}

function collectText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(collectText).join(' ');
  if (value && typeof value === 'object') return Object.values(value).map(collectText).join(' ');
  return '';
}
