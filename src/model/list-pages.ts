import type { Content } from '../content/content.ts';
import type { Borough, BoroughOverview, Meeting, Minutes, RecommendationSet, Report, SiteModel } from './types.ts';

export interface PageSource {
  url: string;
  /** The file whose content or name makes the page's URL. */
  file: string;
}

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
  '/accessibility/',
  '/privacy/',
  '/contact/',
];

function listReportPages(reports: readonly Report[]): PageSource[] {
  return reports.map((r) => ({ url: r.url, file: r.file }));
}

function listMeetingPages(meetings: readonly Meeting[]): PageSource[] {
  return meetings.flatMap((m) => [m.url, m.packUrl].map((url) => ({ url, file: `content/meetings/${m.id}.yaml` })));
}

/** Every page of the site, with the file that makes its URL. */
export function listPages(
  content: Content,
  model: Pick<SiteModel, 'committeePages' | 'yearPages' | 'meetings' | 'reports' | 'sets'> & {
    minutes: readonly Minutes[];
    boroughs: readonly Borough[];
    overview: BoroughOverview;
  },
): PageSource[] {
  const { committeePages, yearPages, meetings, reports, minutes, sets, boroughs, overview } = model;
  const setFile = (set: RecommendationSet) => content.sets.find((x) => x.id === set.id)?.file ?? content.site.file;
  return [
    ...FIXED_PAGES.map((url) => ({ url, file: content.site.file })),
    ...committeePages.map((c) => ({ url: c.committee.url, file: content.committees.file })),
    ...yearPages.map((y) => ({ url: y.url, file: content.committees.file })),
    ...listMeetingPages(meetings),
    ...listReportPages(reports),
    ...minutes.map((m) => ({ url: m.url, file: m.file })),
    ...sets.flatMap((set) =>
      [set.url, set.dashboard.url, ...set.filterPages.map((f) => f.url)].map((url) => ({ url, file: setFile(set) })),
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
}

/** The sitemap's entries: every page but the packs (printed, not read), and every feed and calendar, once each, in URL order. */
export function listSitemapUrls(pages: readonly PageSource[], files: ReadonlyArray<{ url: string }>): string[] {
  const urls = [...pages.map((p) => p.url).filter((url) => !url.endsWith('/pack/')), ...files.map((f) => f.url)];
  return [...new Set(urls)].sort();
}
