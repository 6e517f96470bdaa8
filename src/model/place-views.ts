import { VIEW_MARKER } from '../markdown/recommendations-block-rule.ts';
import type { ReadMarkdown } from '../validate/read-report.ts';
import { buildRecommendationView } from './build-recommendation-view.ts';
import type { ReportContext, ReportEntry } from './report-context.ts';
import type { Part, RecommendationView } from './types.ts';

/** Where a report's views are placed, and what placing them adds to. */
export interface ViewPlacer {
  entry: ReportEntry;
  ctx: ReportContext;
  reportDate: string;
  views: RecommendationView[];
}

/** Views of a Markdown text as the validate stage read them, each built, by its marker's number; undefined where a block had a problem. */
export function buildViews(placer: ViewPlacer, read: ReadMarkdown): Array<RecommendationView | undefined> {
  return read.views.map(({ data }) => {
    if (!data) return undefined;
    const view = buildRecommendationView(data, placer.reportDate, placer.ctx);
    placer.views.push(view);
    return view;
  });
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
export function splitAtViews(html: string, views: ReadonlyArray<RecommendationView | undefined>): Part[] {
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
