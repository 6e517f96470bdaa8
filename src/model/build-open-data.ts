import type { StatusResolver } from '../domain/statuses.ts';
import type { RecommendationData } from '../schemas/recommendation.ts';
import type { Content } from '../content/content.ts';
import type { Borough, DataFile, RecommendationSet, Report } from './types.ts';
import { statusAsAt } from './build-tracker.ts';
import { absoluteUrl } from '../domain/urls.ts';

/** Open data: recommendations with their status as at each report, and borough facts. */
export function buildOpenData(
  content: Content,
  sets: readonly RecommendationSet[],
  boroughs: readonly Borough[],
  reports: readonly Report[],
  baseUrl: string,
  resolve: StatusResolver,
): DataFile[] {
  const absolute = (url: string) => absoluteUrl(url, baseUrl);
  const order = content.statuses.data.statuses;
  const statusRows: Array<Array<string | number>> = [];
  const actionRows: Array<Array<string | number>> = [];
  const json = sets.map((set) => {
    const setData = content.sets.find((s) => s.id === set.id)?.data;
    return {
      id: set.id,
      title: set.title,
      made_by: set.madeBy,
      published: setData?.published,
      total: set.total,
      url: absolute(set.url),
      recommendations: content.recommendations
        .filter((r) => r.id.startsWith(`${set.id}/`))
        .sort((a, b) => a.data.number - b.data.number)
        .map((rec) => {
          const tracked = set.recommendations.find((t) => t.number === rec.data.number);
          const asAtReports = set.dashboard.rows.map((row) => {
            const status = statusAsAt(rec.data, row.date, resolve, order);
            statusRows.push([
              set.id,
              rec.data.number,
              rec.data.owner,
              row.date,
              absolute(row.report.href),
              status?.id ?? '',
            ]);
            return { date: row.date, report: absolute(row.report.href), status: status?.id ?? null };
          });
          actionRows.push(...listProgressRows(set.id, rec.data, resolve));
          return {
            number: rec.data.number,
            owner: rec.data.owner,
            url: tracked ? absolute(tracked.url) : null,
            text: rec.data.text.trim(),
            status: tracked?.status?.id ?? null,
            status_as_at_reports: asAtReports,
            key_points: rec.data.key_points.map((kp) => ({
              text: kp.text.trim(),
              actions: kp.actions.map((a) => ({
                text: a.text.trim(),
                progress: a.progress.map((p) => ({
                  date: p.date,
                  status: resolve(p.status)?.id ?? p.status,
                  result: p.result.trim(),
                })),
              })),
            })),
          };
        }),
    };
  });
  const reportUrls = new Map(reports.map((r) => [r.id, r.url]));
  const factRows = boroughs.flatMap((b) => {
    const data = content.boroughs.find((x) => x.id === b.slug)?.data;
    return (data?.facts ?? []).map((f) => {
      const reportUrl = reportUrls.get(f.source.report);
      return [
        b.name,
        b.slug,
        f.fact,
        String(f.value),
        f.held_from,
        f.source.report,
        reportUrl ? absolute(reportUrl) : '',
        f.source.paragraph ?? '',
        f.source.appendix ?? '',
        f.source.recommendation ?? '',
      ];
    });
  });
  const boroughJson = boroughs.map((b) => ({
    slug: b.slug,
    name: b.name,
    url: absolute(b.url),
    facts: (content.boroughs.find((x) => x.id === b.slug)?.data.facts ?? []).map((f) => ({
      fact: f.fact,
      value: f.value,
      held_from: f.held_from,
      source: f.source,
    })),
  }));
  return [
    {
      url: '/data/recommendations.json',
      title: 'Recommendations (JSON)',
      description:
        'Every recommendation set and recommendation with its key points, actions, dated progress, and its status as at each report that showed it.',
      format: 'json',
      data: { ...licenceOf(content), sets: json },
    },
    {
      url: '/data/recommendation-status.csv',
      title: 'Recommendation status as at each report (CSV)',
      description: 'One row per recommendation and report: the recommendation’s status as that report showed it.',
      format: 'csv',
      header: ['set', 'number', 'owner', 'report_date', 'report_url', 'status'],
      rows: statusRows,
    },
    {
      url: '/data/recommendation-progress.csv',
      title: 'Recommendation progress entries (CSV)',
      description: 'One row per dated progress entry of every action.',
      format: 'csv',
      header: ['set', 'number', 'owner', 'key_point', 'action', 'date', 'status', 'result'],
      rows: actionRows,
    },
    {
      url: '/data/boroughs.json',
      title: 'Borough facts (JSON)',
      description: 'Every borough with the facts the reports state, each with its date and source.',
      format: 'json',
      data: { ...licenceOf(content), boroughs: boroughJson },
    },
    {
      url: '/data/borough-facts.csv',
      title: 'Borough facts (CSV)',
      description: 'One row per borough fact, with its date and source.',
      format: 'csv',
      header: [
        'borough',
        'slug',
        'fact',
        'value',
        'held_from',
        'source_report',
        'source_url',
        'paragraph',
        'appendix',
        'recommendation',
      ],
      rows: factRows,
    },
  ];
}

/** The licence the site states for its open data, for the JSON files to carry. */
export function licenceOf(content: Content): { licence?: { name: string; url: string } } {
  const licence = content.site.data.licence;
  return licence ? { licence: { name: licence.name, url: licence.url } } : {};
}

/** One row per progress entry of a recommendation: set, number, owner, key point, action, date, status, result. */
function listProgressRows(
  setId: string,
  rec: RecommendationData,
  resolve: StatusResolver,
): Array<Array<string | number>> {
  return rec.key_points.flatMap((kp) =>
    kp.actions.flatMap((action) =>
      action.progress.map((p) => [
        setId,
        rec.number,
        rec.owner,
        kp.text.trim(),
        action.text.trim(),
        p.date,
        resolve(p.status)?.id ?? p.status,
        p.result.trim(),
      ]),
    ),
  );
}
