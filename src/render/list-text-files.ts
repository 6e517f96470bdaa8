import type { DataFile, SiteModel } from '../model/types.ts';
import { formatCalendar } from './format-calendar.ts';
import { formatCsv } from './format-csv.ts';
import { formatAtomFeed, listReportsFeed, formatRobots, formatSitemap } from './format-feeds.ts';

export interface TextFile {
  url: string;
  content: string;
}

/** The files of the site that are not pages, written out: the feeds, calendars, sitemap, robots.txt and open data. */
export function listTextFiles(model: SiteModel): TextFile[] {
  return [
    { url: '/feed.xml', content: formatAtomFeed(model.site, listReportsFeed(model.reports)) },
    { url: '/meetings.ics', content: formatCalendar(model.site, model.site.title, model.meetings) },
    ...model.feeds.map((feed) => ({ url: feed.url, content: formatAtomFeed(model.site, feed) })),
    ...model.calendars.map((c) => ({ url: c.url, content: formatCalendar(model.site, c.title, c.meetings) })),
    { url: '/sitemap.xml', content: formatSitemap(model.site, model.sitemapUrls) },
    { url: '/robots.txt', content: formatRobots(model.site) },
    ...model.dataFiles.map((file) => ({ url: file.url, content: formatDataFile(file) })),
  ];
}

/** An open-data file in its format: JSON indented by two spaces, or CSV as spreadsheets read it. */
export function formatDataFile(file: DataFile): string {
  return file.format === 'json' ? `${JSON.stringify(file.data, null, 2)}\n` : formatCsv(file.header, file.rows);
}
