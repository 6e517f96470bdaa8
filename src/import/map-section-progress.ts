import { isProgressTable, readProgressRows } from './block-markdown.ts';
import type { Group, ImportContext, ImportWarning, ImportedRecommendation } from './import-types.ts';
import type { Block } from './read-blocks.ts';

/** A title before a progress table: "Recommendation 2", "Recommendation 2 – Training". */
const TITLE = /^Recommendation (\d+)\b/;

/**
 * With a recommendation set, each Key points / Actions / Results table in a
 * lettered section, under its "Recommendation N" title, becomes that
 * recommendation's progress, and the section shows it as the set's view in
 * its place (the recommendation's text from the set in its heading row).
 * Returns what stands in place of each block taken: the view's Markdown, or
 * nothing for its title.
 */
export function takeSectionProgress(
  group: Group,
  ctx: ImportContext,
  md: (html: string) => string,
  warnings: ImportWarning[],
): { replace: Map<Block, string>; progress: ImportedRecommendation[] } {
  const replace = new Map<Block, string>();
  const progress: ImportedRecommendation[] = [];
  if (!ctx.recommendationSet) return { replace, progress };
  const at = `${group.letter}. ${group.title}`;
  group.blocks.forEach((block, i) => {
    const title = group.blocks[i - 1];
    const titleText = title && (title.kind === 'para' || title.kind === 'heading') ? title.text : '';
    const number = Number(TITLE.exec(titleText)?.[1]);
    if (block.kind !== 'table' || !isProgressTable(block.rows) || !ctx.recommendations?.has(number)) return;
    progress.push({ number, rows: readProgressRows(block.rows, md), at: `${at}, recommendation ${number}` });
    replace.set(title!, '');
    replace.set(block, formatView(ctx.recommendationSet!, number, block.rows[0]?.[2]?.text));
    warnings.push({
      at,
      message: `the table of recommendation ${number} is its progress now, shown with the set's text of the recommendation in its heading row in place of "${titleText}"`,
    });
  });
  return { replace, progress };
}

function formatView(set: string, number: number, results: string | undefined): string {
  return [
    '::: recommendations',
    `set: ${set}`,
    `numbers: [${number}]`,
    'caption: false',
    'heading_rows: true',
    ...(results && results !== 'Results/timescale' ? [`results_heading: ${JSON.stringify(results)}`] : []),
    ':::',
  ].join('\n');
}
