import type { StatusResolver } from '../domain/statuses.ts';
import type { RecommendationData } from '../schemas/recommendation.ts';
import type { Content } from '../content/content.ts';
import type { Borough, DataFile, RecommendationSet, Report } from './types.ts';
import { statusAsAt } from './build-tracker.ts';
import { absoluteUrl } from '../domain/urls.ts';
import { groupBySet } from '../validate/shown-recommendations.ts';

/** Open data: recommendations with their status as at each report, and borough facts; each file made when it is written. */
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
  const bySet = groupBySet(content.recommendations);
  /** Each set with its recommendations in number order, as the files list them. */
  const listSets = () =>
    sets.map((set) => ({
      set,
      recs: [...(bySet.get(set.id) ?? [])].sort((a, b) => a.data.number - b.data.number).map((r) => r.data),
    }));
  /** A recommendation's status as at each report of its set's dashboard. */
  const listAsAt = (set: RecommendationSet, rec: RecommendationData) =>
    set.dashboard.rows.map((row) => ({
      date: row.date,
      report: absolute(row.report.href),
      status: statusAsAt(rec, row.date, resolve, order)?.id ?? null,
    }));
  const facts = (slug: string) => content.boroughs.find((x) => x.id === slug)?.data.facts ?? [];
  return [
    {
      url: '/data/recommendations.json',
      title: 'Recommendations (JSON)',
      description:
        'Every recommendation set and recommendation with its key points, actions, dated progress, and its status as at each report that showed it.',
      make: () => ({
        format: 'json',
        data: {
          ...licenceOf(content),
          sets: listSets().map(({ set, recs }) => ({
            id: set.id,
            title: set.title,
            made_by: set.madeBy,
            published: content.sets.find((s) => s.id === set.id)?.data.published,
            total: set.total,
            url: absolute(set.url),
            recommendations: recs.map((rec) => describeRecommendation(set, rec, listAsAt(set, rec), absolute, resolve)),
          })),
        },
      }),
    },
    {
      url: '/data/recommendation-status.csv',
      title: 'Recommendation status as at each report (CSV)',
      description: 'One row per recommendation and report: the recommendation’s status as that report showed it.',
      make: () => ({
        format: 'csv',
        header: ['set', 'number', 'owner', 'report_date', 'report_url', 'status'],
        rows: listSets().flatMap(({ set, recs }) =>
          recs.flatMap((rec) =>
            listAsAt(set, rec).map((at) => [set.id, rec.number, rec.owner, at.date, at.report, at.status ?? '']),
          ),
        ),
      }),
    },
    {
      url: '/data/recommendation-progress.csv',
      title: 'Recommendation progress entries (CSV)',
      description: 'One row per dated progress entry of every action.',
      make: () => ({
        format: 'csv',
        header: ['set', 'number', 'owner', 'key_point', 'action', 'date', 'status', 'result'],
        rows: listSets().flatMap(({ set, recs }) => recs.flatMap((rec) => listProgressRows(set.id, rec, resolve))),
      }),
    },
    {
      url: '/data/boroughs.json',
      title: 'Borough facts (JSON)',
      description: 'Every borough with the facts the reports state, each with its date and source.',
      make: () => ({
        format: 'json',
        data: {
          ...licenceOf(content),
          boroughs: boroughs.map((b) => ({
            slug: b.slug,
            name: b.name,
            url: absolute(b.url),
            facts: facts(b.slug).map((f) => ({
              fact: f.fact,
              value: f.value,
              held_from: f.held_from,
              source: f.source,
            })),
          })),
        },
      }),
    },
    {
      url: '/data/borough-facts.csv',
      title: 'Borough facts (CSV)',
      description: 'One row per borough fact, with its date and source.',
      make: () => {
        const reportUrls = new Map(reports.map((r) => [r.id, r.url]));
        return {
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
          rows: boroughs.flatMap((b) =>
            facts(b.slug).map((f) => {
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
            }),
          ),
        };
      },
    },
  ];
}

/** One recommendation of the JSON: its text, status, status as at each report, key points, actions and progress. */
function describeRecommendation(
  set: RecommendationSet,
  rec: RecommendationData,
  asAtReports: Array<{ date: string; report: string; status: string | null }>,
  absolute: (url: string) => string,
  resolve: StatusResolver,
) {
  const tracked = set.recommendations.find((t) => t.number === rec.number);
  return {
    number: rec.number,
    owner: rec.owner,
    url: tracked ? absolute(tracked.url) : null,
    text: rec.text.trim(),
    status: tracked?.status?.id ?? null,
    status_as_at_reports: asAtReports,
    key_points: rec.key_points.map((kp) => ({
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
