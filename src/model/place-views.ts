import { collectSyntaxErrors, locatePath, parseYamlSource, toPlainData } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem, type Location } from '../errors/content-problem.ts';
import { VIEW_MARKER, type ViewBlock } from '../markdown/recommendations-block-rule.ts';
import { recommendationViewSchema } from '../schemas/recommendation-view.ts';
import { checkViewReferences } from '../validate/check-view-references.ts';
import { mapSchemaIssues } from '../validate/map-schema-issues.ts';
import { buildRecommendationView } from './build-recommendation-view.ts';
import type { ReportContext, ReportEntry } from './report-context.ts';
import type { Part, RecommendationView } from './types.ts';

/** Where a report's views are placed, and what placing them adds to. */
export interface ViewPlacer {
  entry: ReportEntry;
  ctx: ReportContext;
  reportDate: string;
  views: RecommendationView[];
  errors: ContentProblem[];
}

/** Rendered HTML cut into parts at its `::: recommendations` blocks, each read and built into a view. */
export function placeViews(
  placer: ViewPlacer,
  html: string,
  blocks: readonly ViewBlock[],
  at: (line: number) => Location,
): Part[] {
  return splitAtViews(
    html,
    blocks.map((block) => {
      const view = readViewBlock(placer.entry, block, at(block.line), placer.reportDate, placer.ctx, placer.errors);
      if (view) placer.views.push(view);
      return view;
    }),
  );
}

/** Read a `::: recommendations` block: its YAML, checked like an appendix's `recommendations`. */
function readViewBlock(
  entry: ReportEntry,
  block: ViewBlock,
  at: Location,
  reportDate: string,
  ctx: ReportContext,
  errors: ContentProblem[],
): RecommendationView | undefined {
  if (!block.closed) {
    errors.push(
      createProblem(at, 'E_MARKDOWN', 'a `::: recommendations` block is not closed', 'end the block with a line `:::`'),
    );
    return undefined;
  }
  if (block.nested) {
    errors.push(
      createProblem(
        at,
        'E_MARKDOWN',
        'a `::: recommendations` block stands inside a list or quotation',
        'start the block at the left margin, after a blank line',
      ),
    );
    return undefined;
  }
  const source = parseYamlSource(entry.file, block.source, at.line);
  const syntax = collectSyntaxErrors(source, 'E_YAML_SYNTAX');
  if (syntax.length > 0) {
    errors.push(...syntax);
    return undefined;
  }
  const read = toPlainData(source, 'E_YAML_SYNTAX');
  if (!read.ok) {
    errors.push(read.error);
    return undefined;
  }
  const data = read.value ?? {};
  const parsed = recommendationViewSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    errors.push(
      ...mapSchemaIssues(
        { kind: 'report', id: entry.id, file: entry.file, source, data },
        recommendationViewSchema,
        parsed.error.issues,
      ),
    );
    return undefined;
  }
  const problems = checkViewReferences(parsed.data, ctx.content, entry.data.exempt === undefined);
  for (const { path, message, hint, exempt } of problems)
    errors.push(createProblem(locatePath(source, path), exempt ? 'E_EXEMPT' : 'E_UNKNOWN_REF', message, hint));
  if (problems.length > 0) return undefined;
  return buildRecommendationView(parsed.data, reportDate, ctx);
}

/** A report that shows a recommendation twice gives the second table its own id; links from the tracker go to the first. */
export function giveUniqueIds(views: readonly RecommendationView[]): void {
  const used = new Set<string>();
  for (const table of views.flatMap((v) => v.tables)) {
    let id = table.id;
    for (let n = 2; used.has(id); n++) id = `${table.id}-${n}`;
    table.id = id;
    used.add(id);
  }
}

/** Cut rendered HTML at the views' markers into parts. */
function splitAtViews(html: string, views: ReadonlyArray<RecommendationView | undefined>): Part[] {
  const pieces = html.split(VIEW_MARKER);
  const parts: Part[] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece.trim() !== '') parts.push({ html: piece });
    } else {
      const view = views[Number(piece)];
      if (view) parts.push({ view });
    }
  });
  return parts;
}
