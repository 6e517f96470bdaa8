import type { Block } from './read-blocks.ts';
import type { Group, ImportContext, ImportedRecommendation, ImportWarning, ReportDraft } from './import-types.ts';
import { abbreviationTerm, blockMarkdown, blockText, createTurndown, shorten } from './block-markdown.ts';
import { warnUnwritten } from './account-lines.ts';
import { mapAppendix } from './map-appendix.ts';
import { LETTERED, readOpening } from './map-opening.ts';
import { mapRecommendations } from './map-recommendations.ts';
import { mapContacts, mapSection } from './map-section.ts';
import { takeSectionProgress } from './map-section-progress.ts';
import { tidyBlocks } from './tidy-blocks.ts';

export type { ImportContext, ImportedRecommendation, ImportedRow, ImportWarning, ReportDraft } from './import-types.ts';
export { htmlToMarkdown, parseLongDate } from './block-markdown.ts';

const APPENDIX = /^Appendix\s+(\d+)\b[.:\s–-]*(.*)$/i;

/** What the parts of a report map to, gathered as its groups are read. */
interface Parts {
  front: Record<string, unknown>;
  body: string[];
  numberedSections: string[];
  appendices: unknown[];
  progress: ImportedRecommendation[];
}

/**
 * A report's blocks (from a Word document or a page of the archive) to the
 * content format: the opening block to front matter, lettered sections to
 * headings, typed paragraph numbers taken out (the build numbers), "paragraph
 * N" to a `[[label]]` reference, and each Key points / Actions / Results table
 * to progress of the named recommendation set.
 */
export function mapReport(blocks: readonly Block[], ctx: ImportContext): ReportDraft {
  const warnings: ImportWarning[] = [];
  const turndown = createTurndown((address) =>
    warnings.push({
      at: 'the document',
      message: `a link to "${address}" was left out, its words kept: a published page links only to the web`,
    }),
  );
  const md = (html: string) => turndown.turndown(html).trim();
  const tidy = tidyBlocks(blocks, warnings);
  const opening = readOpening(tidy, ctx, warnings);
  const parts: Parts = { front: opening.front, body: [], numberedSections: [], appendices: [], progress: [] };
  const groups = groupSections(tidy.slice(opening.end), warnings);
  for (const group of groups) {
    warnPictures(group, warnings);
    // A paragraph that was only a picture has been said; it has nothing more to map.
    mapGroup({ ...group, blocks: group.blocks.filter((b) => b.kind !== 'para' || b.text) }, parts, ctx, md, warnings);
  }
  const { front } = parts;
  const missing = [...opening.missing];
  if (front.summary === undefined) missing.push('summary (the "Summary" section)');
  // A report that makes no recommendation letters its own sections from A; one lettered from B, or not at all, lacks it.
  const firstLetter = groups.find((g) => g.kind === 'lettered')?.letter;
  if (front.recommendations === undefined && firstLetter !== 'A')
    missing.push('recommendations (section "A. Recommendation")');
  front.numbered_sections = parts.numberedSections;
  if (parts.appendices.length > 0) front.appendices = parts.appendices;
  const draft = {
    front,
    body: parts.body.join('\n\n'),
    reportDate: opening.reportDate,
    progress: parts.progress,
    missing,
    stated: opening.stated,
  };
  // The site's contacts stand under a report that names none of its own.
  warnUnwritten(
    groups,
    draft,
    warnings,
    ctx.contacts.map((c) => c.value),
  );
  return { ...draft, warnings };
}

function mapGroup(
  group: Group,
  parts: Parts,
  ctx: ImportContext,
  md: (html: string) => string,
  warnings: ImportWarning[],
): void {
  const { front } = parts;
  if (group.kind === 'summary') front.summary = group.blocks.map((b) => blockMarkdown(b, md)).join('\n\n');
  else if (group.kind === 'abbreviations') front.abbreviations = mapAbbreviations(group.blocks, ctx, warnings);
  else if (group.kind === 'appendix') {
    const appendix = mapAppendix(group, ctx, md, warnings);
    parts.appendices.push(appendix.front);
    parts.progress.push(...appendix.progress);
  } else if (/^Recommendations?$/i.test(group.title) && group.letter === 'A')
    front.recommendations = mapRecommendations(group.title, group.blocks, md, warnings);
  else if (/^Background papers$/i.test(group.title))
    front.background_papers = group.blocks
      .flatMap((b) => (b.kind === 'list' ? b.items.map((i) => md(i.html)) : [blockMarkdown(b, md)]))
      .filter(Boolean);
  else if (/^Contact details$/i.test(group.title)) Object.assign(front, mapContacts(group.blocks, ctx, warnings));
  else if (group.kind === 'other')
    for (const block of group.blocks)
      warnings.push({ at: 'the opening', message: `"${shorten(blockText(block))}" before the Summary was left out` });
  else {
    const taken = takeSectionProgress(group, ctx, md, warnings);
    parts.progress.push(...taken.progress);
    const section = mapSection(group, md, warnings, taken.replace);
    if (section.numbered) parts.numberedSections.push(group.title);
    parts.body.push(`## ${group.title}`, ...section.parts);
  }
}

function mapAbbreviations(blocks: readonly Block[], ctx: ImportContext, warnings: ImportWarning[]): string[] {
  const lines = blocks.flatMap((b) =>
    b.kind === 'list' ? b.items.map((i) => i.text) : b.kind === 'para' ? [b.text] : [],
  );
  return lines.flatMap((line) => {
    const term = abbreviationTerm(line);
    if (ctx.glossary.includes(term)) return [term];
    warnings.push({
      at: 'List of abbreviations',
      message: `"${shorten(line)}": "${term}" is not in the glossary: add \`- term: ${term}\` with its expansion to data/glossary.yaml, then to \`abbreviations\``,
    });
    return [];
  });
}

function warnPictures(group: Group, warnings: ImportWarning[]): void {
  const pictures = group.blocks.reduce((n, b) => n + ('html' in b ? (b.html.match(/<img\b/g)?.length ?? 0) : 0), 0);
  if (pictures === 0) return;
  warnings.push({
    at: group.letter ? `${group.letter}. ${group.title}` : group.title || 'the opening',
    message: `${pictures} picture${pictures > 1 ? 's were' : ' was'} left out: add ${pictures > 1 ? 'them' : 'it'} by hand, as an image file of the project`,
  });
}

/** Split the blocks after the opening at the headings that start a part of the report. */
function groupSections(blocks: readonly Block[], warnings: ImportWarning[]): Group[] {
  const groups: Group[] = [];
  // The archive's pages end a report with links to its files: page furniture, not the report.
  const furniture = blocks.findIndex((b) => b.kind === 'heading' && /^Supporting material$/i.test(b.text));
  if (furniture >= 0) warnFurniture(blocks.slice(furniture + 1), warnings);
  for (const block of furniture >= 0 ? blocks.slice(0, furniture) : blocks) {
    const group = startGroup(block.kind === 'heading' ? block.text : undefined);
    if (group) groups.push(group);
    else if (groups.length === 0) groups.push({ kind: 'other', title: '', blocks: [block] });
    else groups.at(-1)!.blocks.push(block);
  }
  return groups;
}

function warnFurniture(links: readonly Block[], warnings: ImportWarning[]): void {
  if (links.length === 0) return;
  const texts = links.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.text) : [blockText(b)]));
  warnings.push({
    at: 'Supporting material',
    message: `the links to the report's files (${texts.map((t) => `"${shorten(t)}"`).join(', ')}) were left out: the build links the report's own PDF`,
  });
}

function startGroup(heading: string | undefined): Group | undefined {
  if (heading === undefined) return undefined;
  const lettered = LETTERED.exec(heading);
  const appendix = APPENDIX.exec(heading);
  if (/^Summary$/i.test(heading)) return { kind: 'summary', title: 'Summary', blocks: [] };
  if (lettered) return { kind: 'lettered', letter: lettered[1]!, title: lettered[2]!.trim(), blocks: [] };
  if (/^List of abbreviations$/i.test(heading)) return { kind: 'abbreviations', title: heading, blocks: [] };
  if (appendix) return { kind: 'appendix', number: Number(appendix[1]), title: appendix[2]?.trim() ?? '', blocks: [] };
  return undefined;
}
