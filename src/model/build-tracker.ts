import { compareItemNumbers } from '../domain/item-numbers.ts';
import { listFollowLinks } from './build-feeds.ts';
import type { StatusResolver } from '../domain/statuses.ts';
import type MarkdownIt from 'markdown-it';
import { renderCompact } from '../markdown/create-markdown.ts';
import { shorten, toPlainText } from '../markdown/plain-text.ts';
import type { RecommendationData } from '../schemas/recommendation.ts';
import type { Content } from '../content/content.ts';
import type { Entry } from '../content/entry.ts';
import type { Status } from '../domain/statuses.ts';
import { pickAsAt } from '../domain/as-at.ts';
import { toStatusInfo } from './build-recommendation-view.ts';
import { formatDate } from '../domain/dates.ts';
import { rollUpStatus } from '../domain/roll-up-status.ts';
import type {
  ActionTarget,
  Decision,
  DashboardRow,
  FilterPage,
  RecommendationSet,
  Report,
  TrackedRecommendation,
} from './types.ts';
import { recommendationUrl, setUrl } from '../domain/urls.ts';
import { ownerSlug } from '../domain/slugs.ts';
import { crumbsToRecommendations } from './breadcrumbs.ts';
import { buildChart } from './build-status-chart.ts';
import { type BuiltMemo, keepBuilt } from '../util/keep-built.ts';
import { groupBySet } from '../validate/shown-recommendations.ts';

export interface TrackerContext {
  content: Content;
  md: MarkdownIt;
  reports: readonly Report[];
  /** The minutes' decisions: each recommendation shows those that named it or its set. */
  decisions: readonly Decision[];
  resolveStatus: StatusResolver;
}

/** The recommendation tracker: each set, each recommendation's history, and counts over time. */
export function buildTracker(ctx: TrackerContext, memo?: BuiltMemo<RecommendationSet>): RecommendationSet[] {
  const showingBySet = listReportsShowing(ctx);
  const { content } = ctx;
  const bySet = groupBySet(content.recommendations);
  const shared = [content.site, content.committees, content.contacts, content.glossary, content.statuses];
  const decisionsOf = (setId: string) =>
    ctx.decisions.filter((d) => d.targets.some((t) => t === setId || t.startsWith(`${setId}/`)));
  return keepBuilt(
    [...content.sets].sort((a, b) => a.id.localeCompare(b.id)),
    (set) => set.id,
    (set) => [
      set,
      ...shared,
      ...(bySet.get(set.id) ?? []),
      ...(showingBySet.get(set.id) ?? []).map((s) => s.report),
      // Decisions are made again with the minutes on every build: they are the same when they say the same.
      JSON.stringify(decisionsOf(set.id)),
    ],
    (set) => buildSet(set.id, showingBySet.get(set.id) ?? [], { ...ctx, decisions: decisionsOf(set.id) }),
    memo,
  );
}

/** A report that shows a set in an appendix, with the owner whose recommendations it shows (all when none). */
interface Showing {
  set: string;
  report: Report;
  owner: string | undefined;
  /** The date of the positions the report shows. */
  asAt: string;
  /** The recommendations it shows, by number. */
  numbers: ReadonlySet<number>;
}

function buildSet(setId: string, showing: readonly Showing[], ctx: TrackerContext): RecommendationSet {
  const { content, md } = ctx;
  const set = content.sets.find((s) => s.id === setId)?.data;
  if (!set) throw new Error(`unknown set ${setId}`);
  const url = setUrl(setId);
  const order = content.statuses.data.statuses;
  const recs = content.recommendations
    .filter((r) => r.id.startsWith(`${setId}/`))
    .sort((a, b) => a.data.number - b.data.number);
  const recommendations = recs.map((rec) => buildRecommendation(setId, rec, showing, ctx));
  const statuses = order.map((s) => toStatusInfo(s, s.id));
  const statusFilters = statuses
    .map((s) => ({
      id: s.id,
      label: s.label,
      href: `${url}status/${s.id}/`,
      count: recommendations.filter((r) => r.status?.id === s.id).length,
    }))
    .filter((f) => f.count > 0);
  const ownerFilters = set.owners
    .map((owner) => ({
      label: owner,
      href: `${url}owner/${ownerSlug(owner)}/`,
      count: recommendations.filter((r) => r.owner === owner).length,
    }))
    .filter((f) => f.count > 0);
  const filterPages: FilterPage[] = [
    ...statusFilters.map((f) => ({
      url: f.href,
      heading: `Status: ${f.label}`,
      recommendations: recommendations.filter((r) => r.status?.id === f.id),
    })),
    ...ownerFilters.map((f) => ({
      url: f.href,
      heading: `Owner: ${f.label}`,
      recommendations: recommendations.filter((r) => r.owner === f.label),
    })),
  ];
  const rows = showing.map(({ report, asAt, numbers }): DashboardRow => {
    const counts = order.map(() => 0);
    for (const rec of recs.filter((r) => numbers.has(r.data.number))) {
      const status = statusAsAt(rec.data, asAt, ctx.resolveStatus, order);
      if (status) counts[order.indexOf(status)] = (counts[order.indexOf(status)] ?? 0) + 1;
    }
    return {
      date: asAt,
      dateLabel: formatDate(asAt),
      report: { label: `Report ${report.number}, ${report.committee.name}`, href: report.url },
      counts,
    };
  });
  return {
    id: setId,
    url,
    title: set.title,
    madeBy: set.made_by,
    follow: listFollowLinks(url, set.title),
    publishedLabel: formatDate(set.published),
    total: set.total,
    ...(set.description ? { descriptionHtml: md.render(set.description) } : {}),
    recommendations,
    statusFilters: statusFilters.map(({ id: _id, ...link }) => link),
    ownerFilters,
    filterPages,
    dashboard: {
      url: `${url}dashboard/`,
      statuses,
      rows,
      chart: buildChart(statuses, rows, set.title),
      pageTitle: `${set.title}: status over time`,
      breadcrumb: crumbsToRecommendations({ label: set.title, href: url }),
    },
    breadcrumb: crumbsToRecommendations(),
  };
}

/** By set, the reports that show it (in an appendix or a section), oldest first, in one pass over the reports. */
function listReportsShowing(ctx: TrackerContext): Map<string, Showing[]> {
  const bySet = new Map<string, Showing[]>();
  for (const report of ctx.reports) {
    for (const showing of listShowing(report)) {
      const list = bySet.get(showing.set);
      if (list) list.push(showing);
      else bySet.set(showing.set, [showing]);
    }
  }
  for (const list of bySet.values())
    list.sort(
      (a, b) =>
        a.asAt.localeCompare(b.asAt) ||
        a.report.date.localeCompare(b.report.date) ||
        compareItemNumbers(a.report.number, b.report.number),
    );
  return bySet;
}

/** What each report shows of each set, worked out once for each report built. */
const SHOWING = new WeakMap<Report, readonly Showing[]>();

function listShowing(report: Report): readonly Showing[] {
  const known = SHOWING.get(report);
  if (known) return known;
  const seen = new Set<string>();
  const showing: Showing[] = [];
  for (const view of report.views) {
    const numbers = [...view.tables, ...view.items].map((t) => t.number);
    // A report that shows one set twice (a list, then the tables) counts once.
    const key = `${view.set}\u0000${numbers.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    showing.push({ set: view.set, report, owner: view.owner, asAt: view.asAt, numbers: new Set(numbers) });
  }
  SHOWING.set(report, showing);
  return showing;
}

function buildRecommendation(
  setId: string,
  rec: Entry<RecommendationData>,
  showing: readonly Showing[],
  ctx: TrackerContext,
): TrackedRecommendation {
  const d = rec.data;
  const order = ctx.content.statuses.data.statuses;
  const shownBy = showing.filter((s) => s.numbers.has(d.number));
  const keyPoints = d.key_points.map((kp) => ({
    html: renderCompact(ctx.md, kp.text),
    actions: kp.actions.map((action) => ({
      html: renderCompact(ctx.md, action.text),
      ...(action.target ? { target: describeTarget(action.target, action.revised_targets, ctx.md) } : {}),
      timeline: action.progress.map((entry) => ({
        date: entry.date,
        dateLabel: formatDate(entry.date),
        status: toStatusInfo(ctx.resolveStatus(entry.status), entry.status),
        resultHtml: renderCompact(ctx.md, entry.result),
        reports: shownBy
          .filter((shown) => pickAsAt(action.progress, shown.asAt) === entry)
          .map(({ report }) => ({
            label: `${report.dateLabel}, report ${report.number}`,
            href: `${report.url}#recommendation-${d.number}`,
          })),
      })),
    })),
  }));
  const latest = d.key_points
    .flatMap((kp) => kp.actions.flatMap((a) => a.progress.map((p) => p.date)))
    .sort()
    .at(-1);
  const status = latest ? statusAsAt(d, latest, ctx.resolveStatus, order) : undefined;
  return {
    setId,
    number: d.number,
    url: recommendationUrl(setId, d.number),
    heading: `Recommendation ${d.number}`,
    summary: shorten(toPlainText(ctx.md, d.text)),
    owner: d.owner,
    textHtml: ctx.md.render(d.text),
    ...(status ? { status: toStatusInfo(status, status.id), statusDate: formatDate(latest ?? '') } : {}),
    keyPoints,
    commentary: d.commentary.map((c) => ({ dateLabel: formatDate(c.date), html: ctx.md.render(c.text) })),
    decisions: ctx.decisions.filter(
      (dec) => dec.targets.includes(setId) || dec.targets.includes(`${setId}/${String(d.number).padStart(2, '0')}`),
    ),
    follow: listFollowLinks(recommendationUrl(setId, d.number), `recommendation ${d.number}`),
  };
}

/** A recommendation's rolled-up status as at a date, or nothing if none of its actions had progress yet. */
export function statusAsAt(
  d: RecommendationData,
  date: string,
  resolve: StatusResolver,
  order: readonly Status[],
): Status | undefined {
  const statuses = d.key_points.flatMap((kp) =>
    kp.actions.flatMap((a) => {
      const entry = pickAsAt(a.progress, date);
      const status = entry ? resolve(entry.status) : undefined;
      return status ? [status] : [];
    }),
  );
  return rollUpStatus(statuses, order);
}

function describeTarget(
  original: string,
  revised: RecommendationData['key_points'][number]['actions'][number]['revised_targets'],
  md: MarkdownIt,
): ActionTarget {
  const current = revised.at(-1)?.date ?? original;
  return {
    originalLabel: formatDate(original),
    revisions: revised.map((r) => ({
      dateLabel: formatDate(r.date),
      reasonHtml: renderCompact(md, r.reason),
      ...(r.decided ? { decidedLabel: formatDate(r.decided) } : {}),
    })),
    currentLabel: formatDate(current),
    slippedDays: Math.round((Date.parse(`${current}T00:00:00Z`) - Date.parse(`${original}T00:00:00Z`)) / 86_400_000),
  };
}
