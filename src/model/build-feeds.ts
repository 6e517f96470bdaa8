import type { Committee } from '../domain/committee-names.ts';
import { absoluteUrl, calendarUrl, feedUrl } from '../domain/urls.ts';
import type { Decision, Meeting, Minutes } from './meeting-types.ts';
import type { Report } from './report-types.ts';
import type { CalendarFile, Feed, FeedEntry } from './feed-types.ts';
import type { FollowLink } from './report-types.ts';
import type { RecommendationSet, TrackedRecommendation } from './tracker-types.ts';

interface FeedSources {
  committees: readonly Committee[];
  reports: readonly Report[];
  minutes: readonly Minutes[];
  decisions: readonly Decision[];
  meetings: readonly Meeting[];
  sets: readonly RecommendationSet[];
  /** The site's address: links inside an entry's text are absolute, as feed readers need. */
  baseUrl: string;
}

/** Every committee's, set's and recommendation's feed, and every committee's calendar. */
export function buildFeeds(sources: FeedSources): { feeds: Feed[]; calendars: CalendarFile[] } {
  const byCommittee = groupByCommittee(sources);
  const feeds = [
    ...sources.committees.map((c) => committeeFeed(c, byCommittee(c))),
    ...sources.sets.flatMap((set) => [
      setFeed(set, sources.baseUrl),
      ...set.recommendations.map((r) => recommendationFeed(set, r, sources.baseUrl)),
    ]),
  ];
  const calendars = sources.committees.map((c) => ({
    url: calendarUrl(c.url),
    title: `${c.name}: meetings`,
    meetings: byCommittee(c).meetings,
  }));
  return { feeds, calendars };
}

/** A committee's papers and decisions. */
interface CommitteePapers {
  reports: Report[];
  meetings: Meeting[];
  minutes: Minutes[];
  decisions: Decision[];
}

/** The papers of each committee, sorted once: a committee's are not looked for among every committee's. */
function groupByCommittee(sources: FeedSources): (committee: Committee) => CommitteePapers {
  const groups = new Map<string, CommitteePapers>();
  const papersOf = (code: string) => {
    const known = groups.get(code);
    if (known) return known;
    const papers: CommitteePapers = { reports: [], meetings: [], minutes: [], decisions: [] };
    groups.set(code, papers);
    return papers;
  };
  for (const r of sources.reports) papersOf(r.committee.code).reports.push(r);
  for (const m of sources.meetings) papersOf(m.committee.code).meetings.push(m);
  const minutesOf = new Map<string, string>();
  for (const m of sources.minutes) {
    papersOf(m.committee.code).minutes.push(m);
    minutesOf.set(m.url, m.committee.code);
  }
  for (const d of sources.decisions) {
    const code = minutesOf.get(d.url.split('#')[0] ?? '');
    if (code !== undefined) papersOf(code).decisions.push(d);
  }
  return (committee) => papersOf(committee.code);
}

/** The links a page gives to its own feed, and a committee page to its calendar. */
export function listFollowLinks(pageUrl: string, name: string, calendar = false): FollowLink[] {
  return [
    { href: feedUrl(pageUrl), label: `News of ${name} (Atom feed)`, type: 'application/atom+xml' },
    ...(calendar
      ? [{ href: calendarUrl(pageUrl), label: `Meetings of ${name} (iCalendar)`, type: 'text/calendar' as const }]
      : []),
  ];
}

function committeeFeed(committee: Committee, papers: CommitteePapers): Feed {
  const list = (): FeedEntry[] => [
    ...papers.reports.map(reportEntry),
    ...papers.meetings.map((m) => ({
      id: m.url,
      title: `Agenda: ${m.pageTitle}`,
      url: m.url,
      date: m.date,
      summaryHtml: escapeText(m.agenda.map((item) => `${item.number}. ${item.title}`).join('; ')),
    })),
    ...papers.minutes.map((m) => ({
      id: m.url,
      title: m.pageTitle,
      url: m.url,
      date: m.date,
      summaryHtml: escapeText(m.opening),
    })),
    ...papers.decisions.map(decisionEntry),
  ];
  return {
    url: feedUrl(committee.url),
    title: committee.name,
    pageUrl: committee.url,
    listEntries: () => newestFirst(list()),
  };
}

function reportEntry(r: Report): FeedEntry {
  return {
    id: r.url,
    title: `Report ${r.number}: ${r.title}`,
    url: r.url,
    date: r.date,
    summaryHtml: escapeText(r.descriptionLine ?? `${r.committee.name}, ${r.dateLabel}`),
    author: r.by,
  };
}

function decisionEntry(d: Decision): FeedEntry {
  return {
    id: d.url,
    title: `Decision: ${d.minuteTitle} (${d.dateLabel})`,
    url: d.url,
    date: d.date,
    summaryHtml: escapeText(`${d.word}: ${d.text}`),
  };
}

function setFeed(set: RecommendationSet, baseUrl: string): Feed {
  return {
    url: feedUrl(set.url),
    title: set.title,
    pageUrl: set.url,
    listEntries: () => {
      const entries = set.recommendations.flatMap((r) => progressEntries(r, `${r.heading}, `, baseUrl));
      const decisions = set.recommendations.flatMap((r) => r.decisions).map((d) => [d.url, decisionEntry(d)] as const);
      return newestFirst([...entries, ...new Map(decisions).values()]);
    },
  };
}

function recommendationFeed(set: RecommendationSet, rec: TrackedRecommendation, baseUrl: string): Feed {
  return {
    url: feedUrl(rec.url),
    title: `${rec.heading}: ${set.title}`,
    pageUrl: rec.url,
    listEntries: () => newestFirst([...progressEntries(rec, '', baseUrl), ...rec.decisions.map(decisionEntry)]),
  };
}

/** Each dated status of each action, with the reports that gave it. */
function progressEntries(rec: TrackedRecommendation, prefix: string, baseUrl: string): FeedEntry[] {
  return rec.keyPoints.flatMap((kp, k) =>
    kp.actions.flatMap((action, a) =>
      action.timeline.map((entry) => {
        const reports = entry.reports
          .map((r) => `<a href="${absoluteUrl(r.href, baseUrl)}">${escapeText(r.label)}</a>`)
          .join(', ');
        return {
          id: `${rec.url}#progress-${k + 1}-${a + 1}-${entry.date}`,
          title: `${prefix}action ${k + 1}.${a + 1}: ${entry.status.label} (${entry.dateLabel})`.replace(/^a/, 'A'),
          url: rec.url,
          date: entry.date,
          summaryHtml: `${entry.resultHtml}${reports ? `<p>Reported in ${reports}.</p>` : ''}`,
        };
      }),
    ),
  );
}

function newestFirst(entries: FeedEntry[]): FeedEntry[] {
  return entries.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
