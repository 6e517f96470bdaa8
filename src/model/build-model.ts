import { locatePath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { createMarkdown } from '../markdown/create-markdown.ts';
import { createRenderMemo, memoizeRender, type RenderMemo } from '../markdown/render-memo.ts';

import type { Content } from '../content/content.ts';
import type { CommitteesData } from '../schemas/shared-data.ts';
import { createStatusResolver } from '../domain/statuses.ts';
import { listContacts, type ParagraphIndex } from './build-report.ts';
import { buildReports, type ReportMemo } from './report-memo.ts';
import { addDays, formatDate } from '../domain/dates.ts';
import { contentAsAt, countChanges, diffContent } from '../changes/diff-content.ts';
import { formatChangesMarkdown } from '../changes/format-changes.ts';
import { buildBoroughs } from './build-boroughs.ts';
import { buildOpenData } from './build-open-data.ts';
import { buildTracker } from './build-tracker.ts';
import { buildMeetings } from './build-meetings.ts';
import { buildMinutes } from './build-minutes.ts';
import { buildDecisionData } from './build-decision-data.ts';
import type { Committee, Meeting, Report, SiteInfo, SiteModel, YearPage } from './types.ts';
import { fillUrlPattern, siteBase } from '../domain/urls.ts';
import { createCommitteeLookup } from '../domain/committee-names.ts';
import { crumbsToCommittees, crumbsToRecommendations, crumbsToTop } from './breadcrumbs.ts';
import { toStatusInfo } from './build-recommendation-view.ts';

export interface ModelResult {
  model?: SiteModel;
  errors: ContentProblem[];
}

/**
 * Validated content to the view model: references resolved, recommendation
 * tables taken as at each report's date, paragraphs numbered, URLs assigned.
 */
export interface ModelOptions {
  /** Markdown rendered by the last build of a long-running process. */
  renders?: RenderMemo;
  /** Reports built by the last build of a long-running process. */
  reports?: ReportMemo;
}

export function buildModel(content: Content, options: ModelOptions = {}): ModelResult {
  const errors: ContentProblem[] = [];
  // Within one build too: an action's text is shown in every report that shows its recommendation.
  const md = memoizeRender(createMarkdown(), options.renders ?? createRenderMemo());
  const s = content.site.data;
  const site: SiteInfo = {
    title: s.title,
    body: s.body,
    bodyShort: s.body_short,
    ...siteBase(s.base_url, s.base_path),
    language: s.language,
    ...(s.banner ? { bannerHtml: md.render(s.banner) } : {}),
    ...(s.feedback_email ? { feedbackEmail: s.feedback_email } : {}),
    ...(s.licence ? { licence: { name: s.licence.name, url: s.licence.url } } : {}),
  };
  const committeeAt = createCommitteeLookup(content.committees.data, s.urls.committee);
  const committees = new Map<string, Committee>(
    content.committees.data.committees.map((c) => [c.code, committeeAt(c.code)]),
  );
  const recommendationsBySet = new Map<string, Array<(typeof content.recommendations)[number]>>();
  for (const rec of content.recommendations) {
    const setId = rec.id.split('/')[0] ?? '';
    recommendationsBySet.set(setId, [...(recommendationsBySet.get(setId) ?? []), rec]);
  }
  const ctx = {
    content,
    site,
    committeeAt,
    md,
    resolveStatus: createStatusResolver(content.statuses.data),
    recommendationsBySet,
  };

  const reports: Report[] = [];
  const paragraphsByReport = new Map<string, ParagraphIndex>();
  const appendicesByReport = new Map<string, Report['appendices']>();
  const entries = sortById(content.reports);
  for (const [i, built] of buildReports(entries, ctx, options.reports).entries()) {
    const entry = entries[i]!;
    errors.push(...built.errors);
    reports.push(built.report);
    paragraphsByReport.set(entry.id, built.paragraphs);
    appendicesByReport.set(entry.id, built.report.appendices);
  }
  reports.sort(
    (a, b) => a.date.localeCompare(b.date) || a.committee.code.localeCompare(b.committee.code) || a.number - b.number,
  );

  for (const borough of content.boroughs) {
    borough.data.facts.forEach((fact, i) => {
      const { report, paragraph, appendix, recommendation } = fact.source;
      const paragraphs = paragraphsByReport.get(report);
      if (paragraph !== undefined && paragraphs && !paragraphs.has(paragraph)) {
        errors.push(
          createProblem(
            locatePath(borough.source, ['facts', i, 'source', 'paragraph']),
            'E_UNKNOWN_REF',
            `report \`${report}\` has no numbered paragraph ${paragraph}`,
            `its numbered paragraphs are ${[...paragraphs].join(', ') || 'none'}`,
          ),
        );
      }
      const appendices = appendicesByReport.get(report);
      if (appendix !== undefined && appendices && !appendices[appendix - 1]) {
        errors.push(
          createProblem(
            locatePath(borough.source, ['facts', i, 'source', 'appendix']),
            'E_UNKNOWN_REF',
            `report \`${report}\` has no appendix ${appendix}`,
            `it has ${appendices.length} appendices`,
          ),
        );
      }
      const tables =
        appendix !== undefined
          ? appendices?.[appendix - 1]?.parts.flatMap((p) => [...(p.view?.tables ?? []), ...(p.view?.items ?? [])])
          : undefined;
      const shownSet =
        appendix !== undefined ? appendices?.[appendix - 1]?.parts.find((p) => p.view)?.view?.set : undefined;
      const recommendationId = `${shownSet}/${String(recommendation).padStart(2, '0')}`;
      // A recommendation whose own file failed its check is reported there, not again here.
      const failedOwnCheck =
        content.found?.has(`recommendation:${recommendationId}`) &&
        !content.recommendations.some((r) => r.id === recommendationId);
      if (
        recommendation !== undefined &&
        tables &&
        !failedOwnCheck &&
        !tables.some((t) => t.number === recommendation)
      ) {
        errors.push(
          createProblem(
            locatePath(borough.source, ['facts', i, 'source', 'recommendation']),
            'E_UNKNOWN_REF',
            `appendix ${appendix} of \`${report}\` shows no recommendation ${recommendation}`,
            'correct the recommendation number',
          ),
        );
      }
    });
  }

  const reportsById = new Map(reports.map((r) => [r.id, r]));
  const { minutes, decisions } = buildMinutes({ content, md, body: s.body, committeeAt });
  const meetings = buildMeetings({
    content,
    md,
    committeeAt,
    reportsById,
    minutesById: new Map(minutes.map((m) => [m.id, m])),
  });
  checkPageUrls(
    [
      ...reports.map((r) => ({ url: r.url, file: r.file })),
      ...meetings.flatMap((m) => [m.url, m.packUrl].map((url) => ({ url, file: `content/meetings/${m.id}.yaml` }))),
    ],
    errors,
    content,
  );
  if (errors.some((e) => e.severity === 'error')) return { errors };
  const contacts = { heading: content.contacts.data.heading, contacts: listContacts(content) };
  const yearPages = buildYearPages([...committees.values()], meetings, s.urls.year);
  const committeePages = content.committees.data.committees.map((c) => ({
    committee: committees.get(c.code)!,
    names: describeNames(c),
    breadcrumb: crumbsToCommittees(),
    years: yearPages.filter((y) => y.committee.code === c.code),
  }));
  const sets = buildTracker({ content, md, reports, resolveStatus: ctx.resolveStatus });
  for (const rec of sets.flatMap((set) => set.recommendations)) {
    rec.decisions = decisions.filter(
      (d) => d.targets.includes(rec.setId) || d.targets.includes(`${rec.setId}/${String(rec.number).padStart(2, '0')}`),
    );
  }
  const { boroughs, overview } = buildBoroughs(content, reports);
  const glossary = content.glossary.data.terms
    .map((t) => ({ term: t.term, expansion: t.expansion, ...(t.description ? { description: t.description } : {}) }))
    .sort((a, b) => a.term.localeCompare(b.term));
  const dataFiles = [
    ...buildOpenData(content, sets, boroughs, reports, site.baseUrl, ctx.resolveStatus),
    ...buildDecisionData(content, decisions, site.baseUrl),
  ];
  const setFile = (id: string) => content.sets.find((x) => x.id === id)?.file ?? content.site.file;
  const pages = [
    ...FIXED_PAGES.map((url) => ({ url, file: content.site.file })),
    ...committeePages.map((c) => ({ url: c.committee.url, file: content.committees.file })),
    ...yearPages.map((y) => ({ url: y.url, file: content.committees.file })),
    ...meetings.flatMap((m) => [m.url, m.packUrl].map((url) => ({ url, file: `content/meetings/${m.id}.yaml` }))),
    ...reports.map((r) => ({ url: r.url, file: r.file })),
    ...minutes.map((m) => ({ url: m.url, file: m.file })),
    ...sets.flatMap((set) =>
      [set.url, set.dashboard.url, ...set.filterPages.map((f) => f.url)].map((url) => ({ url, file: setFile(set.id) })),
    ),
    ...sets.flatMap((set) =>
      set.recommendations.map((r) => ({
        url: r.url,
        file: `content/recommendations/${set.id}/${r.url.split('/').at(-2)}.yaml`,
      })),
    ),
    ...boroughs.map((b) => ({ url: b.url, file: `data/boroughs/${b.slug}.yaml` })),
    ...overview.maps.map((m) => ({ url: m.url, file: content.facts.file })),
  ];
  // Every page of the site, whatever made its URL (patterns, codes, owners, file names), has one of its own.
  checkPageUrls(pages, errors, content);
  if (errors.some((e) => e.severity === 'error')) return { errors };
  const sitemapUrls = [...new Set(pages.map((p) => p.url).filter((url) => !url.endsWith('/pack/')))].sort();
  const lastMeeting = meetings
    .map((m) => m.date)
    .sort()
    .at(-1);
  const changesSince = lastMeeting ? diffContent(contentAsAt(content, lastMeeting), content) : undefined;
  const changesPage = {
    heading: lastMeeting ? `Changes since the last meeting (${formatDate(lastMeeting)})` : 'Changes',
    html:
      changesSince && countChanges(changesSince) > 0
        ? md.render(formatChangesMarkdown(changesSince, 'Changes').replace(/^## Changes\n/, ''))
        : `<p>Nothing has changed since ${lastMeeting ? `the meeting of ${formatDate(lastMeeting)}` : 'the first meeting'}.</p>`,
  };
  const nav = [
    { label: 'Home', href: '/' },
    { label: 'Committees', href: '/committees/' },
    { label: 'Recommendations', href: '/recommendations/' },
    { label: 'Boroughs', href: '/boroughs/' },
    { label: 'Glossary', href: '/glossary/' },
    { label: 'Search', href: '/search/' },
    { label: 'Open data', href: '/data/' },
  ];
  return {
    model: {
      nav,
      site,
      contacts,
      committees: [...committees.values()],
      committeePages,
      yearPages,
      meetings,
      reports,
      minutes,
      decisions,
      sets,
      trackerPages: sets.flatMap((set) =>
        set.filterPages.map((page) => ({
          set: { label: set.title, href: set.url },
          page,
          statusFilters: set.statusFilters,
          ownerFilters: set.ownerFilters,
          pageTitle: `${set.title}: ${page.heading}`,
          breadcrumb: crumbsToRecommendations({ label: set.title, href: set.url }),
        })),
      ),
      trackedRecommendations: sets.flatMap((set) =>
        set.recommendations.map((recommendation) => ({
          set: { label: set.title, href: set.url },
          recommendation,
          pageTitle: `${recommendation.heading}: ${set.title}`,
          breadcrumb: crumbsToRecommendations({ label: set.title, href: set.url }),
        })),
      ),
      topBreadcrumb: crumbsToTop(),
      latestMeetings: [...meetings]
        .sort((a, b) => b.date.localeCompare(a.date) || a.committee.code.localeCompare(b.committee.code))
        .slice(0, LATEST)
        .map((m) => ({ label: `${m.committee.name}, ${m.dateLabel}`, href: m.url })),
      latestReports: reports
        .slice(-LATEST)
        .reverse()
        .map((r) => ({ label: r.title, href: r.url, note: `${r.committee.name}, ${r.dateLabel}` })),
      statuses: content.statuses.data.statuses.map((s) => toStatusInfo(s, s.id)),
      boroughs,
      boroughOverview: overview,
      glossary,
      dataFiles,
      sitemapUrls,
      changesPage,
    },
    errors,
  };
}

function buildYearPages(committees: readonly Committee[], meetings: readonly Meeting[], pattern: string): YearPage[] {
  return committees.flatMap((committee) => {
    const years = [
      ...new Set(meetings.filter((m) => m.committee.code === committee.code).map((m) => m.date.slice(0, 4))),
    ]
      .sort()
      .reverse();
    return years.map((year) => {
      const inYear = meetings
        .filter((m) => m.committee.code === committee.code && m.date.startsWith(year))
        .sort((a, b) => b.date.localeCompare(a.date));
      // A year is headed with the name of its latest meeting: a committee renamed that year is named as it ended the year.
      const named = inYear[0]?.committee ?? committee;
      return {
        committee: named,
        year,
        url: fillUrlPattern(pattern, { committee: committee.code, date: `${year}-01-01` }),
        meetings: inYear,
        pageTitle: `${named.name}, ${year}`,
        breadcrumb: crumbsToCommittees(named),
      };
    });
  });
}

/** "Planning, Performance & Review Committee (PPR), until 4 May 2006": each name a committee has had, oldest first. */
function describeNames(c: CommitteesData['committees'][number]): string[] {
  if (c.renamed.length === 0) return [];
  const names = [
    { from: undefined as string | undefined, name: c.name, short_name: c.short_name },
    ...[...c.renamed].sort((a, b) => a.from.localeCompare(b.from)),
  ];
  return names.map((n, i) => {
    const next = names[i + 1];
    const label = `${n.name}${n.short_name ? ` (${n.short_name})` : ''}`;
    if (n.from === undefined) return `${label}, until ${formatDate(addDays(next?.from ?? '', -1))}`;
    return next
      ? `${label}, ${formatDate(n.from)} to ${formatDate(addDays(next.from ?? '', -1))}`
      : `${label}, from ${formatDate(n.from)}`;
  });
}

/** Meetings and reports listed on the home page. */
const LATEST = 10;

const SAFE_URL = /^\/([a-z0-9]+(-[a-z0-9]+)*\/)*$/;
/** Pages every site has, whatever its content. */
const FIXED_PAGES = [
  '/',
  '/changes/',
  '/committees/',
  '/recommendations/',
  '/boroughs/',
  '/glossary/',
  '/search/',
  '/data/',
];
/** Folders of the built site that hold files, not pages: no page may be written into them. */
const RESERVED = ['/assets/', '/pagefind/'];

function checkPageUrls(
  pages: ReadonlyArray<{ url: string; file: string }>,
  errors: ContentProblem[],
  content: Content,
): void {
  const seen = new Map<string, string>();
  const reported = new Set<string>();
  for (const page of pages) {
    // Schemas already forbid it; this second lock keeps every page inside the output folder.
    if (!SAFE_URL.test(page.url)) {
      errors.push(
        createProblem(
          { file: page.file, line: 1, col: 1 },
          'E_SCHEMA',
          `the page URL ${page.url} is not a plain path`,
          `use only lower-case letters, digits and hyphens in the URL patterns of ${content.site.file} and in codes and file names`,
        ),
      );
      continue;
    }
    const reserved = RESERVED.find((prefix) => page.url.startsWith(prefix));
    if (reserved)
      errors.push(
        createProblem(
          { file: page.file, line: 1, col: 1 },
          'E_DUPLICATE_ID',
          `this page would have the URL ${page.url}, inside ${reserved}, which holds the site's own files`,
          `change the URL patterns in ${content.site.file}, or the code or file name that makes this URL`,
        ),
      );
    const other = seen.get(page.url);
    const key = `${page.file}\u0000${page.url}`;
    if (other && !reported.has(key)) {
      reported.add(key);
      errors.push(
        createProblem(
          { file: page.file, line: 1, col: 1 },
          'E_DUPLICATE_ID',
          `a page here would have the URL ${page.url}, as a page of ${other} does`,
          `change the URL patterns in ${content.site.file}, or the code, owner or file name that gives both the same URL`,
        ),
      );
    } else if (!other) seen.set(page.url, page.file);
  }
}

function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id.localeCompare(b.id));
}
