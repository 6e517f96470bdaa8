import type { StatusResolver } from '../domain/statuses.ts';
import type MarkdownIt from 'markdown-it';
import { renderCompact } from '../markdown/create-markdown.ts';
import type { RecommendationData } from '../schemas/recommendation.ts';
import { DEFAULT_COLUMNS, type RecommendationViewData } from '../schemas/recommendation-view.ts';
import type { Entry } from '../content/entry.ts';
import type { Status } from '../domain/statuses.ts';
import { pickAsAt } from '../domain/as-at.ts';
import { formatDate } from '../domain/dates.ts';
import type { KeyPointRows, RecommendationTable, RecommendationView, StatusInfo } from './types.ts';
import { recommendationUrl } from '../domain/urls.ts';
import { selectShown } from '../validate/shown-recommendations.ts';

export interface ViewContext {
  md: MarkdownIt;
  resolveStatus: StatusResolver;
  /** The recommendations of each set, by set id. */
  recommendationsBySet: ReadonlyMap<string, ReadonlyArray<Entry<RecommendationData>>>;
}

/**
 * What a report shows of a set, as at a date: progress tables, an action plan,
 * or the list of recommendation texts. In a progress table an action with no
 * progress reported by then is left out, so adding actions later never
 * changes an earlier report.
 */
export function buildRecommendationView(
  spec: RecommendationViewData,
  reportDate: string,
  ctx: ViewContext,
): RecommendationView {
  const asAt = spec.as_at ?? reportDate;
  const asAtLabel = formatDate(asAt);
  const columns = [...(spec.columns ?? DEFAULT_COLUMNS[spec.view])];
  if (spec.view === 'progress' && spec.results_heading) columns[2] = spec.results_heading;
  const recs = selectShown(spec, ctx.recommendationsBySet.get(spec.set) ?? []).sort(
    (a, b) => a.data.number - b.data.number,
  );
  const base = {
    kind: spec.view,
    set: spec.set,
    ...(spec.owner !== undefined ? { owner: spec.owner } : {}),
    asAt,
    asAtLabel,
    headingRows: spec.heading_rows,
    columns,
  };
  // Added to `base`, not spread from it: a literal that starts by spreading another gives each view a hidden class of its own.
  if (spec.view === 'list') {
    return Object.assign(base, {
      tables: [],
      items: recs.map((r) => ({
        number: r.data.number,
        id: `recommendation-${r.data.number}`,
        textHtml: renderCompact(ctx.md, r.data.text),
      })),
    });
  }
  const caption =
    spec.caption ??
    (spec.view === 'plan' ? '{recommendation}: action plan' : '{recommendation}: progress as at {date}');
  return Object.assign(base, {
    tables: recs.map((rec) =>
      buildTable(
        spec.set,
        rec.data,
        spec.view === 'plan',
        { asAt, asAtLabel, caption, columns, headingRows: spec.heading_rows },
        ctx,
      ),
    ),
    items: [],
  });
}

interface TableSpec {
  asAt: string;
  asAtLabel: string;
  caption: string | false;
  columns: string[];
  headingRows: boolean;
}

function buildTable(
  setId: string,
  data: RecommendationData,
  plan: boolean,
  spec: TableSpec,
  ctx: ViewContext,
): RecommendationTable {
  const { md } = ctx;
  const keyPoints: KeyPointRows[] = [];
  for (const kp of data.key_points) {
    const rows = kp.actions.flatMap((action) => {
      const actionCell = { html: renderCompact(md, action.text) };
      if (plan) {
        const target =
          action.revised_targets.filter((t) => (t.decided ?? t.date) <= spec.asAt).at(-1)?.date ?? action.target;
        return [
          {
            cells: [
              actionCell,
              { html: action.owner ? md.utils.escapeHtml(action.owner) : '' },
              { html: target ? formatDate(target) : '' },
            ],
          },
        ];
      }
      const entry = pickAsAt(action.progress, spec.asAt);
      if (!entry) return [];
      const status = toStatusInfo(ctx.resolveStatus(entry.status), entry.status);
      return [{ cells: [actionCell, { html: renderCompact(md, entry.result), status: status.id }] }];
    });
    if (rows.length > 0) keyPoints.push({ html: renderCompact(md, kp.text), rows });
  }
  const commentary = pickAsAt(data.commentary, spec.asAt);
  const heading = `Recommendation ${data.number}`;
  const textHtml = renderCompact(md, data.text);
  const id = `recommendation-${data.number}`;
  return {
    number: data.number,
    id,
    heading,
    url: recommendationUrl(setId, data.number),
    textHtml: md.render(data.text),
    ...(spec.caption === false
      ? { labelId: spec.headingRows ? `${id}-row` : id }
      : {
          caption: spec.caption.replaceAll('{recommendation}', heading).replaceAll('{date}', spec.asAtLabel),
          labelId: `${id}-caption`,
        }),
    ...(spec.headingRows
      ? { headingRowHtml: `<a href="${recommendationUrl(setId, data.number)}">${heading}</a>: ${textHtml}` }
      : {}),
    columns: spec.columns,
    keyPoints,
    ...(commentary ? { commentaryHtml: md.render(commentary.text) } : {}),
  };
}

export function toStatusInfo(status: Status | undefined, word: string): StatusInfo {
  if (!status) return { id: word, label: word, colour: '#505a5f', closed: false };
  return { id: status.id, label: status.label, colour: status.colour, closed: status.closed };
}
