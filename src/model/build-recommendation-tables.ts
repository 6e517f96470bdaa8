import type MarkdownIt from 'markdown-it';
import { renderCompact } from '../markdown/create-markdown.ts';
import type { RecommendationData } from '../schemas/recommendation.ts';
import type { Checked } from '../validate/content.ts';
import type { Status } from '../validate/statuses.ts';
import { pickAsAt } from './as-at.ts';
import type { KeyPointRows, RecommendationTable, StatusInfo } from './types.ts';

export interface TableSpec {
  owner?: string;
  resultsHeading: string;
  asAt: string;
}

/**
 * The Key points / Actions / Results tables of a set, as at a date. An action
 * with no progress reported by then is left out, so adding actions later never
 * changes an earlier report.
 */
export function buildRecommendationTables(
  recommendations: ReadonlyArray<Checked<RecommendationData>>,
  spec: TableSpec,
  md: MarkdownIt,
  resolveStatus: (word: string) => Status | undefined,
): RecommendationTable[] {
  return recommendations
    .filter((r) => spec.owner === undefined || r.data.owner === spec.owner)
    .sort((a, b) => a.data.number - b.data.number)
    .map((rec) => buildTable(rec.data, spec, md, resolveStatus));
}

function buildTable(data: RecommendationData, spec: TableSpec, md: MarkdownIt, resolveStatus: (word: string) => Status | undefined): RecommendationTable {
  const keyPoints: KeyPointRows[] = [];
  for (const kp of data.key_points) {
    const rows = kp.actions.flatMap((action) => {
      const entry = pickAsAt(action.progress, spec.asAt);
      if (!entry) return [];
      const status = resolveStatus(entry.status);
      return [{ actionHtml: renderCompact(md, action.text), resultHtml: renderCompact(md, entry.result), status: toStatusInfo(status, entry.status), date: entry.date }];
    });
    if (rows.length > 0) keyPoints.push({ html: renderCompact(md, kp.text), rows });
  }
  const commentary = pickAsAt(data.commentary, spec.asAt);
  return {
    number: data.number,
    id: `recommendation-${data.number}`,
    heading: `Recommendation ${data.number}`,
    textHtml: md.render(data.text),
    columns: ['Key points', 'Actions', spec.resultsHeading],
    keyPoints,
    ...(commentary ? { commentaryHtml: md.render(commentary.text) } : {}),
  };
}

export function toStatusInfo(status: Status | undefined, word: string): StatusInfo {
  if (!status) return { id: word, label: word, colour: '#505a5f', closed: false };
  return { id: status.id, label: status.label, colour: status.colour, closed: status.closed };
}
