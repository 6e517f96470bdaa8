import { formatMeetingDay, readMeetingId } from '../domain/meeting-ids.ts';
import { createCommitteeLookup } from '../domain/committee-names.ts';
import { formatDate } from '../domain/dates.ts';
import { absoluteUrl, boroughUrl, fillUrlPattern, recommendationUrl, siteBase } from '../domain/urls.ts';
import type { Content } from '../content/content.ts';
import { createStatusResolver } from '../domain/statuses.ts';

export interface StatusChange {
  recommendation: string;
  set: string;
  number: number;
  action: string;
  before?: string;
  after: string;
  dateLabel: string;
  result: string;
  url: string;
}

export interface FactChange {
  borough: string;
  fact: string;
  kind: 'new' | 'changed';
  before?: string;
  after: string;
  heldFromLabel: string;
  url: string;
}

export interface Changes {
  statuses: StatusChange[];
  targets: Array<{
    recommendation: string;
    action: string;
    fromLabel: string;
    toLabel: string;
    reason: string;
    url: string;
  }>;
  facts: FactChange[];
  reports: Array<{ title: string; committee: string; dateLabel: string; url: string }>;
  meetings: Array<{ committee: string; dateLabel: string; url: string }>;
}

/** What changed from one state of the content to another, as an editor and a reader would put it. */
export function diffContent(before: Content | undefined, after: Content): Changes {
  const resolve = createStatusResolver(after.statuses.data);
  const { baseUrl } = siteBase(after.site.data.base_url, after.site.data.base_path);
  const ctx: DiffContext = {
    label: (word) => (word === undefined ? undefined : (resolve(word)?.label ?? word)),
    absolute: (url) => absoluteUrl(url, baseUrl),
  };
  const changes: Changes = { statuses: [], targets: [], facts: [], reports: [], meetings: [] };
  const oldRecommendations = new Map(before?.recommendations.map((r) => [r.id, r.data]));
  for (const rec of after.recommendations) diffActions(rec, oldRecommendations.get(rec.id), ctx, changes);
  changes.facts = diffFacts(before, after, ctx);
  const newPapers = listNewPapers(before, after, ctx);
  changes.reports = newPapers.reports;
  changes.meetings = newPapers.meetings;
  return changes;
}

interface DiffContext {
  /** A status word as the site shows it. */
  label: (word: string | undefined) => string | undefined;
  absolute: (url: string) => string;
}

type RecommendationEntry = Content['recommendations'][number];

/** Each action's latest progress entry, if new or changed, and its new revised targets. */
function diffActions(
  rec: RecommendationEntry,
  old: RecommendationEntry['data'] | undefined,
  { label, absolute }: DiffContext,
  changes: Changes,
): void {
  const [set] = rec.id.split('/') as [string];
  const url = absolute(recommendationUrl(set, rec.data.number));
  const recommendation = `Recommendation ${rec.data.number}`;
  const place = { recommendation, set, number: rec.data.number, url };
  for (const [k, kp] of rec.data.key_points.entries())
    for (const [a, action] of kp.actions.entries())
      diffAction(action, old?.key_points[k]?.actions[a], place, label, changes);
}

type Action = RecommendationEntry['data']['key_points'][number]['actions'][number];

/** An action's latest progress entry, if new or changed, and its new revised targets. */
function diffAction(
  action: Action,
  oldAction: Action | undefined,
  place: { recommendation: string; set: string; number: number; url: string },
  label: DiffContext['label'],
  changes: Changes,
): void {
  const { recommendation, url } = place;
  const latest = action.progress.at(-1);
  const previous = oldAction?.progress.at(-1);
  if (latest && (!previous || JSON.stringify(latest) !== JSON.stringify(previous))) {
    changes.statuses.push({
      recommendation,
      set: place.set,
      number: place.number,
      action: oneLine(action.text),
      ...(previous ? { before: label(previous.status) } : {}),
      after: label(latest.status) ?? latest.status,
      dateLabel: formatDate(latest.date),
      result: oneLine(latest.result),
      url,
    });
  }
  let from = oldAction?.revised_targets.at(-1)?.date ?? oldAction?.target ?? action.target;
  for (const revision of action.revised_targets.slice(oldAction?.revised_targets.length ?? 0)) {
    changes.targets.push({
      recommendation,
      action: oneLine(action.text),
      fromLabel: from ? formatDate(from) : 'none',
      toLabel: formatDate(revision.date),
      reason: oneLine(revision.reason),
      url,
    });
    from = revision.date;
  }
}

/** Borough facts new or changed. */
function diffFacts(before: Content | undefined, after: Content, { absolute }: DiffContext): Changes['facts'] {
  const types = after.facts.data.facts;
  const facts: Changes['facts'] = [];
  for (const borough of after.boroughs) {
    const old = before?.boroughs.find((b) => b.id === borough.id)?.data.facts ?? [];
    for (const fact of borough.data.facts) {
      const type = types.find((t) => t.id === fact.fact);
      const same = old.find((f) => f.fact === fact.fact && f.held_from === fact.held_from);
      if (same && JSON.stringify(same) === JSON.stringify(fact)) continue;
      const show = (v: boolean | number | string) =>
        typeof v === 'boolean' ? (v ? 'Yes' : 'No') : (type?.choices?.find((c) => c.value === v)?.label ?? String(v));
      facts.push({
        borough: borough.data.name,
        fact: type?.label ?? fact.fact,
        kind: same ? 'changed' : 'new',
        ...(same ? { before: show(same.value) } : {}),
        after: show(fact.value),
        heldFromLabel: formatDate(fact.held_from),
        url: absolute(boroughUrl(borough.id)),
      });
    }
  }
  return facts;
}

/** Reports and meetings that were not there before. */
function listNewPapers(
  before: Content | undefined,
  after: Content,
  { absolute }: DiffContext,
): Pick<Changes, 'reports' | 'meetings'> {
  const committeeAt = createCommitteeLookup(after.committees.data, after.site.data.urls.committee);
  const committeeName = (code: string, date: string) => committeeAt(code, date).name;
  const oldReports = new Set(before?.reports.map((r) => r.id));
  const oldMeetings = new Set(before?.meetings.map((m) => m.id));
  return {
    reports: after.reports
      .filter((report) => !oldReports.has(report.id))
      .map((report) => ({
        title: report.data.title,
        committee: committeeName(report.data.committee, report.data.date),
        dateLabel: formatDate(report.data.date),
        url: absolute(
          fillUrlPattern(after.site.data.urls.report, {
            committee: report.data.committee,
            date: report.data.date,
            number: report.data.number,
            ...(report.data.sitting ? { sitting: report.data.sitting } : {}),
          }),
        ),
      })),
    meetings: after.meetings
      .filter((meeting) => !oldMeetings.has(meeting.id))
      .map((meeting) => {
        const { committee: code, date, sitting } = readMeetingId(meeting.id);
        return {
          committee: committeeName(code, date),
          dateLabel: formatMeetingDay(date, sitting),
          url: absolute(
            fillUrlPattern(after.site.data.urls.meeting, { committee: code, date, ...(sitting ? { sitting } : {}) }),
          ),
        };
      }),
  };
}

/** The content as it stood on a date: later entries, facts, reports and meetings left out. */
export function contentAsAt(content: Content, date: string): Content {
  return {
    ...content,
    recommendations: content.recommendations.map((rec) => ({
      ...rec,
      data: {
        ...rec.data,
        key_points: rec.data.key_points.map((kp) => ({
          ...kp,
          actions: kp.actions.map((a) => ({
            ...a,
            revised_targets: a.revised_targets.filter((r) => (r.decided ?? r.date) <= date),
            progress: a.progress.filter((p) => p.date <= date),
          })),
        })),
      },
    })),
    boroughs: content.boroughs.map((b) => ({
      ...b,
      data: { ...b.data, facts: b.data.facts.filter((f) => f.held_from <= date) },
    })),
    reports: content.reports.filter((r) => r.data.date <= date),
    meetings: content.meetings.filter((m) => readMeetingId(m.id).date <= date),
    minutes: content.minutes.filter((m) => readMeetingId(m.id).date <= date),
  };
}

export function countChanges(changes: Changes): number {
  return (
    changes.statuses.length +
    changes.targets.length +
    changes.facts.length +
    changes.reports.length +
    changes.meetings.length
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
