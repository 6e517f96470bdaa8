import type { Feed, Report, SiteInfo } from '../model/types.ts';
import { absoluteUrl } from '../domain/urls.ts';

/** Text for XML: markup escaped, and the control characters XML 1.0 forbids removed. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The whole site's feed: every report, newest first. */
export function listReportsFeed(reports: readonly Report[]): Feed {
  const entries = reports.map((r) => ({
    id: r.url,
    title: r.title,
    url: r.url,
    date: r.date,
    summaryHtml: escapeXml(r.descriptionLine ?? r.title),
    author: r.by,
  }));
  entries.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return { url: '/feed.xml', title: 'reports', pageUrl: '/', listEntries: () => entries };
}

/** An Atom feed, newest entry first; every date comes from the content. */
export function formatAtomFeed(site: SiteInfo, feed: Feed): string {
  const at = (url: string) => escapeXml(absoluteUrl(url, site.baseUrl));
  const listed = feed.listEntries();
  const updated = listed[0] ? `${listed[0].date}T00:00:00Z` : '1970-01-01T00:00:00Z';
  const entries = listed.map(
    (e) => `  <entry>
    <title>${escapeXml(e.title)}</title>
    <link href="${at(e.url)}"/>
    <id>${at(e.id)}</id>
    <updated>${e.date}T00:00:00Z</updated>
    <author><name>${escapeXml(e.author ?? site.body)}</name></author>
    <summary type="html">${escapeXml(e.summaryHtml)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">
  <title>${escapeXml(site.title)}: ${escapeXml(feed.title)}</title>
  <link href="${at(feed.url)}" rel="self"/>
  <link href="${at(feed.pageUrl)}"/>
  <id>${at(feed.url)}</id>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

/** The sitemap of `urls` (the model gives every page once, in URL order). */
export function formatSitemap(site: SiteInfo, urls: readonly string[]): string {
  const lines = urls.map((url) => `  <url><loc>${escapeXml(absoluteUrl(url, site.baseUrl))}</loc></url>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${lines.join('\n')}
</urlset>
`;
}

export function formatRobots(site: SiteInfo): string {
  return `User-agent: *\nAllow: /\nSitemap: ${absoluteUrl('/sitemap.xml', site.baseUrl)}\n`;
}
