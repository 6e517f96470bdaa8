import { blockMarkdown, blockText, isProgressTable, readProgressRows, shorten } from './block-markdown.ts';
import type { Block } from './read-blocks.ts';
import type { Group, ImportContext, ImportWarning, ImportedRecommendation } from './import-types.ts';

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export function mapAppendix(
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
