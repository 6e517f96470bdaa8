import { formatDateIn } from '../domain/dates.ts';
import type { Block } from './read-blocks.ts';
import type { Group, ImportContext, ImportedRecommendation, ImportWarning, ReportDraft } from './import-types.ts';
import { mapAppendix } from './map-appendix.ts';

export type { ImportContext, ImportedRecommendation, ImportedRow, ImportWarning, ReportDraft } from './import-types.ts';
import {
  blockMarkdown,
  blockText,
  createTurndown,
  isParagraphNumbering,
  listMarkdown,
  parseLongDate,
  plainOf,
  shorten,
  splitNestedLists,
  tableMarkdown,
} from './block-markdown.ts';

export { htmlToMarkdown, parseLongDate } from './block-markdown.ts';

const LETTERED = /^([A-Z])\.\s+(.+)$/;
const APPENDIX = /^Appendix\s+(\d+)\b[.:\s–-]*(.*)$/i;

/**
 * A report's blocks (from a Word document or a page of the archive) to the
 * content format: the opening block to front matter, lettered sections to
 * headings, typed paragraph numbers taken out (the build numbers), "paragraph
 * N" to a `[[label]]` reference, and each Key points / Actions / Results table
 * to progress of the named recommendation set.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export function mapReport(blocks: readonly Block[], ctx: ImportContext): ReportDraft {
  const warnings: ImportWarning[] = [];
  const turndown = createTurndown();
  const md = (html: string) => turndown.turndown(html).trim();
  const front: Record<string, unknown> = {};
  let index = 0;
  let opening: string | undefined;
  let title: string | undefined;
  const meta: Record<string, string> = {};

  // The opening block: the description line, the title, then Report, Date and By.
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind === 'heading' && (/^Summary$/i.test(block.text) || LETTERED.test(block.text))) break;
    if (block.kind === 'heading' && title === undefined) title = block.text;
    else if (
      block.kind === 'para' &&
      /^Report \d+ of the /.test(block.text) &&
      opening === undefined &&
      title === undefined
    )
      opening = block.text;
    else if (block.kind === 'para' && /^(Report|Date|By):\s*\S/.test(block.text)) {
      const [, key = '', value = ''] = /^(Report|Date|By):\s*(.+)$/.exec(block.text) ?? [];
      meta[key.toLowerCase()] = value.trim();
    } else if (block.kind === 'para' && /^(Warning:|See the .* for further information\.?$)/.test(block.text)) continue;
    else if (title !== undefined)
      warnings.push({
        at: 'the opening',
        message: `"${shorten(blockText(block))}" is not part of the opening block (title, Report, Date, By) and was left out`,
      });
  }
  const number = Number(meta.report);
  const reportDate = parseLongDate(meta.date ?? '') ?? ctx.meetingDate;
  if (meta.date && !parseLongDate(meta.date))
    warnings.push({ at: 'the opening', message: `"Date: ${meta.date}" is not a date; the meeting's date is used` });
  const missing = [
    ...(title === undefined ? ['title'] : []),
    ...(Number.isInteger(number) && number > 0 ? [] : ['number (the "Report:" line, or --number)']),
    ...(meta.by ? [] : ['by (the "By:" line)']),
  ];
  front.title = title ?? '';
  front.number = Number.isInteger(number) && number > 0 ? number : 0;
  if (reportDate !== ctx.meetingDate) front.report_date = reportDate;
  front.by = meta.by ?? '';
  const prefix = front.number
    ? `Report ${front.number} of the ${formatDateIn(ctx.dateStyle, ctx.meetingDate)} meeting of the ${ctx.committeeName} and `
    : undefined;
  if (opening && prefix && opening.startsWith(prefix)) front.description = opening.slice(prefix.length);
  else if (opening) front.opening = opening;
  else front.opening = false;

  const groups = groupSections(blocks.slice(index));
  const body: string[] = [];
  const numberedSections: string[] = [];
  const appendices: unknown[] = [];
  const progress: ImportedRecommendation[] = [];
  for (const group of groups) {
    const pictures = group.blocks.reduce((n, b) => n + ('html' in b ? (b.html.match(/<img\b/g)?.length ?? 0) : 0), 0);
    if (pictures > 0)
      warnings.push({
        at: group.letter ? `${group.letter}. ${group.title}` : group.title || 'the opening',
        message: `${pictures} picture${pictures > 1 ? 's were' : ' was'} left out: add ${pictures > 1 ? 'them' : 'it'} by hand, as an image file of the project`,
      });
    if (group.kind === 'summary') {
      front.summary = group.blocks.map((b) => blockMarkdown(b, md)).join('\n\n');
    } else if (group.kind === 'abbreviations') {
      const terms = group.blocks.flatMap((b) =>
        b.kind === 'list' ? b.items.map((i) => i.text) : b.kind === 'para' ? [b.text] : [],
      );
      front.abbreviations = terms.flatMap((line) => {
        const term = line.split(/\s+[–—-]\s+|:\s+/)[0]?.trim() ?? '';
        if (ctx.glossary.includes(term)) return [term];
        warnings.push({
          at: 'List of abbreviations',
          message: `"${term}" is not in the glossary: add \`- term: ${term}\` with its expansion to data/glossary.yaml, then to \`abbreviations\``,
        });
        return [];
      });
    } else if (group.kind === 'appendix') {
      const appendix = mapAppendix(group, ctx, md, warnings);
      appendices.push(appendix.front);
      progress.push(...appendix.progress);
    } else if (/^Recommendations?$/i.test(group.title) && group.letter === 'A') {
      front.recommendations = mapRecommendations(group.title, group.blocks, md, warnings);
    } else if (/^Background papers$/i.test(group.title)) {
      const items = group.blocks.flatMap((b) =>
        b.kind === 'list' ? b.items.map((i) => md(i.html)) : [blockMarkdown(b, md)],
      );
      front.background_papers = items.filter(Boolean);
    } else if (/^Contact details$/i.test(group.title)) {
      Object.assign(front, mapContacts(group.blocks, ctx, warnings));
    } else {
      const section = mapSection(group, md, warnings);
      if (section.numbered) numberedSections.push(group.title);
      body.push(`## ${group.title}`, ...section.parts);
    }
  }
  if (front.summary === undefined) missing.push('summary (the "Summary" section)');
  if (front.recommendations === undefined) missing.push('recommendations (section "A. Recommendation")');
  if (numberedSections.length > 0) front.numbered_sections = numberedSections;
  else front.numbered_sections = [];
  if (appendices.length > 0) front.appendices = appendices;
  return { front, body: body.join('\n\n'), reportDate, progress, warnings, missing };
}

/** Split the blocks after the opening at the headings that start a part of the report. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function groupSections(blocks: readonly Block[]): Group[] {
  const groups: Group[] = [];
  for (const block of blocks) {
    const heading = block.kind === 'heading' ? block.text : undefined;
    // The archive's pages end a report with links to its files: page furniture, not the report.
    if (heading && /^Supporting material$/i.test(heading)) break;
    const lettered = heading ? LETTERED.exec(heading) : null;
    const appendix = heading ? APPENDIX.exec(heading) : null;
    if (heading && /^Summary$/i.test(heading)) groups.push({ kind: 'summary', title: 'Summary', blocks: [] });
    else if (lettered) groups.push({ kind: 'lettered', letter: lettered[1]!, title: lettered[2]!.trim(), blocks: [] });
    else if (heading && /^List of abbreviations$/i.test(heading))
      groups.push({ kind: 'abbreviations', title: heading, blocks: [] });
    else if (appendix)
      groups.push({ kind: 'appendix', number: Number(appendix[1]), title: appendix[2]?.trim() ?? '', blocks: [] });
    else if (groups.length === 0) groups.push({ kind: 'other', title: '', blocks: [block] });
    else groups.at(-1)!.blocks.push(block);
  }
  return groups;
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function mapRecommendations(
  heading: string,
  blocks: readonly Block[],
  md: (html: string) => string,
  warnings: ImportWarning[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  let items: string[] = [];
  let style: string | undefined;
  for (const block of blocks) {
    if (block.kind === 'para' && items.length === 0 && result.lead === undefined && /^That:?$/i.test(block.text))
      result.lead = block.text;
    else if (block.kind === 'list') {
      items.push(...block.items.map((i) => md(i.html)));
      style = block.ordered ? (result.lead !== undefined ? undefined : 'numbered') : 'bulleted';
    } else if (block.kind === 'para') items.push(blockMarkdown(block, md));
    else warnings.push({ at: 'A', message: `a ${block.kind} in the recommendations was left out` });
  }
  items = items.filter(Boolean);
  if (items.length === 0) items = ['[To be written]'];
  if (style) result.style = style;
  const byCount = items.length === 1 ? 'Recommendation' : 'Recommendations';
  if (heading !== byCount) result.heading = heading;
  result.items = items;
  return result;
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function mapContacts(blocks: readonly Block[], ctx: ImportContext, warnings: ImportWarning[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const contacts: Array<{ label: string; value: string }> = [];
  for (const block of blocks) {
    // A contact block is often one paragraph of lines broken with <br>.
    const lines =
      block.kind === 'list'
        ? block.items.map((i) => i.text)
        : block.kind === 'para'
          ? block.html
              .split(/<br\s*\/?>/i)
              .map(plainOf)
              .filter(Boolean)
          : [];
    for (const line of lines) {
      const author = /^(Report authors?|Authors?):\s*(.+)$/i.exec(line);
      const contact = /^([^:]{2,40}):\s*(.+)$/.exec(line);
      if (author) {
        out.authors = [author[2]!.trim()];
        const label = author[1]!;
        if (label !== 'Report author') out.authors_label = label;
      } else if (/^For more information contact:?$/i.test(line)) continue;
      else if (contact) contacts.push({ label: contact[1]!.trim(), value: contact[2]!.trim() });
      else
        warnings.push({
          at: 'Contact details',
          message: `"${shorten(line)}" was left out: it is neither an author nor a contact`,
        });
    }
  }
  const same =
    contacts.length === ctx.contacts.length &&
    contacts.every((c, i) => c.label === ctx.contacts[i]?.label && c.value === ctx.contacts[i]?.value);
  if (contacts.length === 0) out.contacts = false;
  else if (!same)
    out.contacts = contacts.map((c) =>
      /@/.test(c.value) ? { label: c.label, email: c.value } : { label: c.label, phone: c.value },
    );
  return out;
}

/** A section's blocks to Markdown: typed paragraph numbers out, "paragraph N" to a reference. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function mapSection(
  group: Group,
  md: (html: string) => string,
  warnings: ImportWarning[],
): { numbered: boolean; parts: string[] } {
  interface Piece {
    text: string;
    number?: number;
    kind: 'para' | 'other';
  }
  const pieces: Piece[] = [];
  let last = 0;
  const letter = group.letter ?? '';
  for (const block of group.blocks) {
    if (block.kind === 'heading') pieces.push({ kind: 'other', text: `### ${block.text}` });
    else if (block.kind === 'para') {
      const text = md(block.html);
      const typed = /^(\d+)\\?\.\s+/.exec(text);
      if (typed) {
        pieces.push({ kind: 'para', number: Number(typed[1]), text: text.slice(typed[0].length) });
        last = Number(typed[1]);
      } else pieces.push({ kind: 'para', text });
    } else if (block.kind === 'list' && block.ordered && isParagraphNumbering(block)) {
      // Word's own paragraph numbering: each item is a numbered paragraph, a list inside it a list.
      for (const item of block.items) {
        const { paragraph, lists } = splitNestedLists(item.html);
        pieces.push({ kind: 'para', number: ++last, text: md(paragraph) });
        for (const list of lists) pieces.push({ kind: 'other', text: listMarkdown(list, md) });
      }
    } else if (block.kind === 'list') pieces.push({ kind: 'other', text: listMarkdown(block.html, md) });
    else if (block.kind === 'table') pieces.push({ kind: 'other', text: tableMarkdown(block.rows, md) });
  }
  const numbered = pieces.some((p) => p.number !== undefined);
  if (!numbered) return { numbered, parts: pieces.map((p) => p.text) };
  // "paragraph 4" of this section becomes `[[b4]]`, which the build keeps equal to the paragraph's number.
  const numbers = new Set(pieces.flatMap((p) => (p.number !== undefined ? [p.number] : [])));
  const cited = new Set<number>();
  const withRefs = pieces.map((p) => ({
    ...p,
    text: p.text.replace(/\b(paragraphs? )(\d+)\b/g, (whole, word: string, n: string) => {
      if (!numbers.has(Number(n))) return whole;
      cited.add(Number(n));
      return `${word}[[${letter.toLowerCase()}${n}]]`;
    }),
  }));
  let expected = 0;
  const parts = withRefs.map((p) => {
    if (p.kind !== 'para') return p.text;
    if (p.number === undefined) return `{-} ${p.text}`;
    if (expected !== 0 && p.number !== expected + 1)
      warnings.push({
        at: `${letter}${p.number}`,
        message: `paragraph ${p.number} follows paragraph ${expected}: the build numbers paragraphs in order, so check the numbers on the page`,
      });
    expected = p.number;
    return cited.has(p.number) ? `{#${letter.toLowerCase()}${p.number}} ${p.text}` : p.text;
  });
  return { numbered, parts };
}
