import { groupBySet } from '../validate/shown-recommendations.ts';
import { compareItemNumbers } from '../domain/item-numbers.ts';
import type MarkdownIt from 'markdown-it';
import { contentAsAt, countChanges, diffContent } from '../changes/diff-content.ts';
import { formatChangesMarkdown } from '../changes/format-changes.ts';
import type { Content } from '../content/content.ts';
import { createCommitteeLookup } from '../domain/committee-names.ts';
import { formatDate } from '../domain/dates.ts';
import { createStatusResolver } from '../domain/statuses.ts';
import { siteBase } from '../domain/urls.ts';
import { createMarkdown } from '../markdown/create-markdown.ts';
import { createRenderMemo, memoizeRender, type RenderMemo } from '../markdown/render-memo.ts';
import type { PageList } from '../validate/check-model.ts';
import { crumbsToRecommendations, crumbsToTop } from './breadcrumbs.ts';
import { buildBoroughs } from './build-boroughs.ts';
import { buildCommitteePages, buildYearPages } from './build-committee-pages.ts';
import { buildFeeds } from './build-feeds.ts';
import { buildPublicPages } from './build-public-pages.ts';
import { buildDecisionData } from './build-decision-data.ts';
import { buildMeetings } from './build-meetings.ts';
import { buildMinutes } from './build-minutes.ts';
import { buildOpenData } from './build-open-data.ts';
import { toStatusInfo } from './build-recommendation-view.ts';
import { listContacts } from './build-report.ts';
import type { ReportContext } from './report-context.ts';
import { buildTracker } from './build-tracker.ts';
import { listPages, listSitemapUrls } from './list-pages.ts';
import type { ModelMemory } from './model-memory.ts';
import { buildReports, type ReportMemo } from './report-memo.ts';
import type { Committee, Meeting, RecommendationSet, Report, SiteInfo, SiteModel } from './types.ts';

export interface ModelResult {
  model: SiteModel;
  /** Every page of the site, with the file that makes it: what `checkModel` reads. */
  pages: PageList;
}

export interface ModelOptions {
  /** Markdown rendered by the last build of a long-running process. */
  renders?: RenderMemo;
  /** What the last build of a long-running process built: reports, sets, meetings and pages. */
  memory?: ModelMemory;
}

/**
 * Checked content to the view model: recommendation tables taken as at each
 * report's date, paragraphs numbered, URLs assigned, every list and string a
 * page shows. Content that passed the validate stage builds without a problem;
 * only the page list is left for `checkModel`.
 */
export function buildModel(content: Content, options: ModelOptions = {}): ModelResult {
  // Within one build too: an action's text is shown in every report that shows its recommendation.
  const md = memoizeRender(createMarkdown(), options.renders ?? createRenderMemo());
  const site = buildSiteInfo(content, md);
  const ctx = createReportContext(content, site, md);
  const reports = buildAllReports(content, ctx, options.memory?.reports);
  const memory = options.memory;
  const { minutes, decisions } = buildMinutes(
    { content, md, body: site.body, committeeAt: ctx.committeeAt },
    memory?.minutes,
  );
  const meetings = buildMeetings(
    {
      content,
      md,
      committeeAt: ctx.committeeAt,
      reportsById: new Map(reports.map((r) => [r.id, r])),
      minutesById: new Map(minutes.map((m) => [m.id, m])),
    },
    memory?.meetings,
  );

  const committees = new Map<string, Committee>(
    content.committees.data.committees.map((c) => [c.code, ctx.committeeAt(c.code)]),
  );
  const yearPages = buildYearPages([...committees.values()], meetings, content.site.data.urls.year, memory?.yearPages);
  const committeePages = buildCommitteePages(content, committees, yearPages, memory?.committeePages);
  const sets = buildTracker({ content, md, reports, decisions, resolveStatus: ctx.resolveStatus }, memory?.sets);
  const { boroughs, overview } = buildBoroughs(content, reports, memory?.boroughs);
  const { feeds, calendars } = buildFeeds({
    committees: [...committees.values()],
    ...{ reports, minutes, decisions, meetings, sets },
    baseUrl: site.baseUrl,
  });
  const pages = listPages(content, { committeePages, yearPages, meetings, reports, minutes, sets, boroughs, overview });
  const model: SiteModel = {
    nav: NAV,
    site,
    contacts: { heading: content.contacts.data.heading, contacts: listContacts(content) },
    committees: [...committees.values()],
    committeePages,
    yearPages,
    meetings,
    reports,
    minutes,
    decisions,
    sets,
    ...listTrackerPages(sets),
    topBreadcrumb: crumbsToTop(),
    ...listLatest(meetings, reports),
    statuses: content.statuses.data.statuses.map((s) => toStatusInfo(s, s.id)),
    boroughs,
    boroughOverview: overview,
    glossary: listGlossary(content),
    dataFiles: [
      ...buildOpenData(content, sets, boroughs, reports, site.baseUrl, ctx.resolveStatus),
      ...buildDecisionData(content, decisions, site.baseUrl),
    ],
    sitemapUrls: listSitemapUrls(pages, [...feeds, ...calendars]),
    changesPage: buildChangesPage(content, meetings, md),
    feeds,
    calendars,
    publicPages: buildPublicPages(content, reports, md),
  };
  return { model, pages };
}

/** The site's own details, as every page shows them. */
function buildSiteInfo(content: Content, md: MarkdownIt): SiteInfo {
  const s = content.site.data;
  return {
    title: s.title,
    body: s.body,
    bodyShort: s.body_short,
    ...siteBase(s.base_url, s.base_path),
    language: s.language,
    ...(s.banner ? { bannerHtml: md.render(s.banner) } : {}),
    ...(s.feedback_email ? { feedbackEmail: s.feedback_email } : {}),
    ...(s.licence ? { licence: { name: s.licence.name, url: s.licence.url } } : {}),
  };
}

/** What every report is built with: the content, committee names, statuses and each set's recommendations. */
function createReportContext(content: Content, site: SiteInfo, md: MarkdownIt): ReportContext {
  return {
    content,
    site,
    committeeAt: createCommitteeLookup(content.committees.data, content.site.data.urls.committee),
    md,
    resolveStatus: createStatusResolver(content.statuses.data),
    recommendationsBySet: groupBySet(content.recommendations),
  };
}

/** Every report, in date, committee and number order. */
function buildAllReports(content: Content, ctx: ReportContext, memo: ReportMemo | undefined): Report[] {
  // The reports come in the order of their files' paths, so reports alike in all three (which the check refuses) keep one order.
  return buildReports(content.reports, ctx, memo).sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.committee.code.localeCompare(b.committee.code) ||
      compareItemNumbers(a.number, b.number),
  );
}

/** The tracker's filter pages and recommendation pages, each with its title and trail. */
function listTrackerPages(
  sets: readonly RecommendationSet[],
): Pick<SiteModel, 'trackerPages' | 'trackedRecommendations'> {
  const pages = sets.map(listSetPages);
  return {
    trackerPages: pages.flatMap((p) => p.trackerPages),
    trackedRecommendations: pages.flatMap((p) => p.trackedRecommendations),
  };
}

/** A set's pages, made once for each set built: a set the preview keeps keeps its pages, as the same objects. */
const SET_PAGES = new WeakMap<RecommendationSet, Pick<SiteModel, 'trackerPages' | 'trackedRecommendations'>>();

function listSetPages(set: RecommendationSet): Pick<SiteModel, 'trackerPages' | 'trackedRecommendations'> {
  const known = SET_PAGES.get(set);
  if (known) return known;
  const link = { label: set.title, href: set.url };
  const pages = {
    trackerPages: set.filterPages.map((page) => ({
      set: link,
      page,
      statusFilters: set.statusFilters,
      ownerFilters: set.ownerFilters,
      pageTitle: `${set.title}: ${page.heading}`,
      breadcrumb: crumbsToRecommendations(link),
    })),
    trackedRecommendations: set.recommendations.map((recommendation) => ({
      set: link,
      recommendation,
      pageTitle: `${recommendation.heading}: ${set.title}`,
      breadcrumb: crumbsToRecommendations(link),
    })),
  };
  SET_PAGES.set(set, pages);
  return pages;
}

/** Meetings and reports listed on the home page. */
const LATEST = 10;

/** The home page's latest meetings (of every committee) and reports, newest first. */
function listLatest(
  meetings: readonly Meeting[],
  reports: readonly Report[],
): Pick<SiteModel, 'latestMeetings' | 'latestReports'> {
  return {
    latestMeetings: [...meetings]
      .sort((a, b) => b.date.localeCompare(a.date) || a.committee.code.localeCompare(b.committee.code))
      .slice(0, LATEST)
      .map((m) => ({ label: `${m.committee.name}, ${m.dateLabel}`, href: m.url, date: m.date })),
    latestReports: reports
      .slice(-LATEST)
      .reverse()
      .map((r) => ({ label: r.title, href: r.url, note: `${r.committee.name}, ${r.dateLabel}` })),
  };
}

function listGlossary(content: Content): SiteModel['glossary'] {
  return content.glossary.data.terms
    .map((t) => ({ term: t.term, expansion: t.expansion, ...(t.description ? { description: t.description } : {}) }))
    .sort((a, b) => a.term.localeCompare(b.term));
}

/** "Changes since the last meeting", worked out from the dates in the content. */
function buildChangesPage(content: Content, meetings: readonly Meeting[], md: MarkdownIt): SiteModel['changesPage'] {
  const lastMeeting = meetings
    .map((m) => m.date)
    .sort()
    .at(-1);
  const changesSince = lastMeeting ? diffContent(contentAsAt(content, lastMeeting), content) : undefined;
  return {
    heading: lastMeeting ? `Changes since the last meeting (${formatDate(lastMeeting)})` : 'Changes',
    html:
      changesSince && countChanges(changesSince) > 0
        ? md.render(formatChangesMarkdown(changesSince, 'Changes').replace(/^## Changes\n/, ''))
        : `<p>Nothing has changed since ${lastMeeting ? `the meeting of ${formatDate(lastMeeting)}` : 'the first meeting'}.</p>`,
  };
}

const NAV = [
  { label: 'Home', href: '/' },
  { label: 'Committees', href: '/committees/' },
  { label: 'Recommendations', href: '/recommendations/' },
  { label: 'Boroughs', href: '/boroughs/' },
  { label: 'Glossary', href: '/glossary/' },
  { label: 'Search', href: '/search/' },
  { label: 'Open data', href: '/data/' },
];
