import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forEachAtOnce } from '../util/for-each-at-once.ts';
import { giveWay, linkFile } from '../util/link-file.ts';
import { namingFile } from '../errors/describe-system-error.ts';
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

/** Text files of a published site: where it is, and the fingerprint of each as it was written (by URL). */
export interface PublishedTexts {
  siteDir: string;
  hashes: Record<string, string>;
}

/**
 * Write each text file into `outDir` (made, then let go, one after another;
 * at 20,000 reports Eleventy held 550 MB of them at once). A file made the same as the published one is
 * linked from it, not written. How many were written, and the fingerprint of each.
 */
export async function writeTextFiles(
  outDir: string,
  files: readonly TextFile[],
  published?: PublishedTexts,
  signal?: AbortSignal,
): Promise<{ written: number; hashes: Record<string, string> }> {
  const hashes: Record<string, string> = {};
  let written = 0;
  for (const dir of new Set(files.map((f) => path.dirname(path.join(outDir, f.url)))))
    await mkdir(dir, { recursive: true });
  let made = 0;
  await forEachAtOnce(files, 8, async (file) => {
    if (signal && ++made % 200 === 0) await giveWay(signal);
    const text = file.format();
    const hash = createHash('sha256').update(text).digest('base64url');
    hashes[file.url] = hash;
    const to = path.join(outDir, file.url);
    if (published?.hashes[file.url] === hash && (await isLinked(path.join(published.siteDir, file.url), to))) return;
    await writeFile(to, text).catch((error: unknown) => {
      throw namingFile(error, to);
    });
    written++;
  });
  return { written, hashes };
}

/** Whether `from` could be put at `to` (a file removed from the published site by hand cannot). */
function isLinked(from: string, to: string): Promise<boolean> {
  return linkFile(from, to).then(
    () => true,
    () => false,
  );
}

/** An open-data file in its format: JSON indented by two spaces, or CSV as spreadsheets read it. */
export function formatDataFile(file: DataFile): string {
  const made = file.make();
  return made.format === 'json' ? `${JSON.stringify(made.data, null, 2)}\n` : formatCsv(made.header, made.rows);
}
