import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forEachAtOnce } from '../util/for-each-at-once.ts';
import type { DataFile, SiteModel } from '../model/types.ts';
import { formatCalendar } from './format-calendar.ts';
import { formatCsv } from './format-csv.ts';
import { formatAtomFeed, listReportsFeed, formatRobots, formatSitemap } from './format-feeds.ts';

/** A file of the site that is not a page, written out when asked for: one at a time, a large archive's are never all held at once. */
export interface TextFile {
  url: string;
  format: () => string;
}

/** The files of the site that are not pages: the feeds, calendars, sitemap, robots.txt and open data. */
export function listTextFiles(model: SiteModel): TextFile[] {
  return [
    { url: '/feed.xml', format: () => formatAtomFeed(model.site, listReportsFeed(model.reports)) },
    { url: '/meetings.ics', format: () => formatCalendar(model.site, model.site.title, model.meetings) },
    ...model.feeds.map((feed) => ({ url: feed.url, format: () => formatAtomFeed(model.site, feed) })),
    ...model.calendars.map((c) => ({ url: c.url, format: () => formatCalendar(model.site, c.title, c.meetings) })),
    { url: '/sitemap.xml', format: () => formatSitemap(model.site, model.sitemapUrls) },
    { url: '/robots.txt', format: () => formatRobots(model.site) },
    ...model.dataFiles.map((file) => ({ url: file.url, format: () => formatDataFile(file) })),
  ];
}

/** Write each text file into `outDir` (made, then let go, one after another): the paths written. */
export async function writeTextFiles(outDir: string, files: readonly TextFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const dir of new Set(files.map((f) => path.dirname(path.join(outDir, f.url)))))
    await mkdir(dir, { recursive: true });
  await forEachAtOnce(files, 8, async (file) => {
    const to = path.join(outDir, file.url);
    await writeFile(to, file.format());
    written.push(to);
  });
  return written;
}

/** An open-data file in its format: JSON indented by two spaces, or CSV as spreadsheets read it. */
export function formatDataFile(file: DataFile): string {
  const made = file.make();
  return made.format === 'json' ? `${JSON.stringify(made.data, null, 2)}\n` : formatCsv(made.header, made.rows);
}
