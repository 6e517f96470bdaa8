import TurndownService from 'turndown';
import { formatDateIn } from '../domain/dates.ts';
import type { Block, TableCell } from './read-blocks.ts';
import { formatCounter } from '../domain/list-markers.ts';

/** What the importer knows of the project: the names and words a report is matched against. */
export interface ImportContext {
  committeeName: string;
  /** The meeting's date, YYYY-MM-DD. */
  meetingDate: string;
  dateStyle: 'long' | 'short';
  glossary: readonly string[];
  contacts: ReadonlyArray<{ label: string; value: string }>;
  /** With a recommendation set: Key points / Actions / Results tables become its progress. */
  recommendationSet?: string;
  /** The recommendations of that set, by number, with their owners: an appendix of one owner's is a view of that owner. */
  recommendations?: ReadonlyMap<number, { owner: string }>;
}

/** Something the importer could not map, located in the document by its section and paragraph. */
export interface ImportWarning {
  at: string;
  message: string;
}

/** One row of a progress table, for the recommendation it belongs to. */
export interface ImportedRow {
  keyPoint: number;
  action: number;
  /** The result cell as Markdown, and its words as text. */
  result: string;
  text: string;
}

export interface ImportedRecommendation {
  number: number;
  rows: ImportedRow[];
  commentary?: string;
  /** Where in the document its table stands. */
  at: string;
}

export interface ReportDraft {
  front: Record<string, unknown>;
  body: string;
  /** The date the report bears, YYYY-MM-DD: its progress entries are dated so. */
  reportDate: string;
  progress: ImportedRecommendation[];
  warnings: ImportWarning[];
  /** Fields the document did not give, which must be added by hand. */
  missing: string[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const LETTERED = /^([A-Z])\.\s+(.+)$/;
const APPENDIX = /^Appendix\s+(\d+)\b[.:\s–-]*(.*)$/i;

/**
 * A report's blocks (from a Word document or a page of the archive) to the
 * content format: the opening block to front matter, lettered sections to
 * headings, typed paragraph numbers taken out (the build numbers), "paragraph
 * N" to a `[[label]]` reference, and each Key points / Actions / Results table
 * to progress of the named recommendation set.
 */
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

interface Group {
  kind: 'summary' | 'lettered' | 'abbreviations' | 'appendix' | 'other';
  letter?: string;
  title: string;
  number?: number;
  blocks: Block[];
}

/** Split the blocks after the opening at the headings that start a part of the report. */
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

function mapAppendix(
  group: Group,
  ctx: ImportContext,
  md: (html: string) => string,
  warnings: ImportWarning[],
): { front: Record<string, unknown>; progress: ImportedRecommendation[] } {
  const at = `Appendix ${group.number ?? ''}`.trim();
  const tables = group.blocks.filter(
    (b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && isProgressTable(b.rows),
  );
  if (tables.length === 0 || !ctx.recommendationSet) {
    if (tables.length > 0)
      warnings.push({
        at,
        message:
          'its Key points / Actions / Results tables were kept as tables: import with --recommendations <set> to make them the set’s progress',
      });
    const bodyBlocks = group.blocks;
    return {
      front: {
        ...(group.title ? { title: group.title } : {}),
        body: bodyBlocks.map((b) => blockMarkdown(b, md)).join('\n\n') || '[To be written]',
      },
      progress: [],
    };
  }
  const progress: ImportedRecommendation[] = [];
  let current: ImportedRecommendation | undefined;
  let tableSeen = false;
  let after: string[] = [];
  const finish = () => {
    if (current && after.length > 0) current.commentary = after.join('\n\n');
    after = [];
  };
  let resultsHeading: string | undefined;
  for (const block of group.blocks) {
    const text = block.kind === 'heading' || block.kind === 'para' ? block.text : '';
    const heading = /^Recommendation (\d+)\b/.exec(text);
    if (heading && (block.kind === 'heading' || text.length < 20)) {
      finish();
      current = { number: Number(heading[1]), rows: [], at: `${at}, recommendation ${heading[1]}` };
      tableSeen = false;
      progress.push(current);
    } else if (block.kind === 'table' && current && isProgressTable(block.rows)) {
      resultsHeading ??= block.rows[0]?.[2]?.text;
      current.rows = readProgressRows(block.rows, md);
      tableSeen = true;
      after = [];
    } else if (current && tableSeen && block.kind !== 'heading') {
      // Commentary: what the report says of the recommendation after its table.
      after.push(blockMarkdown(block, md));
    } else if (!current) {
      warnings.push({ at, message: `"${shorten(blockText(block))}" before the first recommendation was left out` });
    }
  }
  finish();
  const numbers = progress.map((p) => p.number);
  const owners = new Set(numbers.map((n) => ctx.recommendations?.get(n)?.owner).filter(Boolean));
  const setOwners = new Set([...(ctx.recommendations?.values() ?? [])].map((r) => r.owner));
  const view: Record<string, unknown> = { set: ctx.recommendationSet };
  const ofOwner = owners.size === 1 ? [...owners][0]! : undefined;
  const allOfOwner =
    ofOwner !== undefined &&
    [...(ctx.recommendations?.entries() ?? [])]
      .filter(([, r]) => r.owner === ofOwner)
      .every(([n]) => numbers.includes(n));
  if (ofOwner && setOwners.size > 1 && allOfOwner) view.owner = ofOwner;
  else if (numbers.length !== (ctx.recommendations?.size ?? 0)) view.numbers = numbers;
  if (resultsHeading && resultsHeading !== 'Results/timescale') view.results_heading = resultsHeading;
  return { front: { ...(group.title ? { title: group.title } : {}), recommendations: view }, progress };
}

/** A table of three columns headed Key points, Actions and a third (Results, Position at …). */
function isProgressTable(rows: readonly TableCell[][]): boolean {
  const head = rows[0]?.map((c) => c.text.toLowerCase()) ?? [];
  return head.length === 3 && /^key points?$/.test(head[0] ?? '') && /^actions?$/.test(head[1] ?? '');
}

/** Each body row's key point (by its place), action and result, spanning cells read as the rows they span. */
function readProgressRows(rows: readonly TableCell[][], md: (html: string) => string): ImportedRow[] {
  const grid = spanGrid(rows.slice(1));
  const out: ImportedRow[] = [];
  let keyPoint = -1;
  let action = 0;
  let lastKeyPointCell: TableCell | undefined;
  for (const row of grid) {
    const [kp, act, result] = row;
    if (!act || !result) continue;
    if (kp !== lastKeyPointCell) {
      keyPoint++;
      action = 0;
      lastKeyPointCell = kp;
    } else action++;
    out.push({ keyPoint, action, result: md(result.html), text: result.text });
  }
  return out;
}

/** Rows with each spanning cell repeated (as the same object) in the rows it spans. */
function spanGrid(rows: readonly TableCell[][]): Array<Array<TableCell | undefined>> {
  const grid: Array<Array<TableCell | undefined>> = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (grid[r]![col] !== undefined) col++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![col + dc] = cell;
      }
      col += cell.colspan;
    }
  });
  return grid;
}

function blockMarkdown(block: Block, md: (html: string) => string): string {
  if (block.kind === 'heading') return `### ${block.text}`;
  if (block.kind === 'table') return tableMarkdown(block.rows, md);
  if (block.kind === 'list') return listMarkdown(block.html, md);
  return md(block.html);
}

function blockText(block: Block): string {
  return block.kind === 'heading' || block.kind === 'para' ? block.text : block.kind;
}

/** A list to Markdown (clause lists keep their markers: see the list item rule). */
function listMarkdown(html: string, md: (html: string) => string): string {
  return md(html);
}

/** A table to a Markdown pipe table; a spanning cell is written once, where it starts. */
function tableMarkdown(rows: readonly TableCell[][], md: (html: string) => string): string {
  const grid = spanGrid(rows);
  const width = Math.max(...grid.map((r) => r.length), 1);
  const seen = new Set<TableCell>();
  const line = (row: Array<TableCell | undefined>) =>
    `| ${Array.from({ length: width }, (_, i) => {
      const cell = row[i];
      if (!cell || seen.has(cell)) return '';
      seen.add(cell);
      return md(cell.html).replace(/\n+/g, ' ').replace(/\|/g, '\\|');
    }).join(' | ')} |`;
  const [head, ...body] = grid;
  return [line(head ?? []), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

/** Is an ordered list Word's numbering of paragraphs (long items) rather than a list in the text? */
function isParagraphNumbering(block: Extract<Block, { kind: 'list' }>): boolean {
  const words = block.items.map((i) => i.text.split(' ').length);
  return words.reduce((a, b) => a + b, 0) / Math.max(1, words.length) >= 25;
}

/** An item's own text, and the lists nested in it. */
function splitNestedLists(html: string): { paragraph: string; lists: string[] } {
  const lists: string[] = [];
  const paragraph = html.replace(/<(ol|ul)\b[\s\S]*<\/\1>/g, (list) => {
    lists.push(list);
    return '';
  });
  return { paragraph, lists };
}

/** HTML to the Markdown of the content: the one converter of the importer. */
export function htmlToMarkdown(html: string): string {
  return createTurndown().turndown(html).trim();
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
  });
  service.remove(['script', 'style', 'img']);
  // List items as the content is written by hand: one space after the marker, continuation lines under the text.
  service.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const parent = node.parentNode as HTMLElement | null;
      const index = parent ? Array.prototype.indexOf.call(parent.children, node) : 0;
      const start = Number(parent?.getAttribute('start') ?? 1) || 1;
      // A clause list ((i), (a), or i., a.) keeps its markers, which the build's clause rule knows, at any depth.
      const type = parent?.getAttribute('type') ?? '';
      const paren =
        !/\bclauses\b/.test(parent?.getAttribute('class') ?? '') ||
        /\bclauses-paren\b/.test(parent?.getAttribute('class') ?? '');
      const clause =
        parent?.nodeName === 'OL' && /^[aAiI]$/.test(type) ? formatCounter(start + index, type) : undefined;
      const marker = clause
        ? paren
          ? `(${clause}) `
          : `${clause}. `
        : parent?.nodeName === 'OL'
          ? `${start + index}. `
          : '- ';
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '')
        .replace(/\n/g, `\n${' '.repeat(marker.length)}`);
      return `${marker}${body}${node.nextSibling ? '\n' : ''}`;
    },
  });
  return service;
}

/** "8 December 2005" to 2005-12-08. */
export function parseLongDate(text: string): string | undefined {
  const match = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]!.toLowerCase());
  if (month < 0) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

function plainOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
