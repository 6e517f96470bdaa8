import type { Report, SiteInfo } from '../model/types.ts';
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

/** An Atom feed of reports, newest first; every date comes from the content. */
export function formatAtomFeed(site: SiteInfo, reports: readonly Report[]): string {
  const newest = [...reports].sort((a, b) => b.date.localeCompare(a.date) || b.number - a.number);
  const updated = newest[0] ? `${newest[0].date}T00:00:00Z` : '1970-01-01T00:00:00Z';
  const entries = newest.map(
    (r) => `  <entry>
    <title>${escapeXml(r.title)}</title>
    <link href="${escapeXml(absoluteUrl(r.url, site.baseUrl))}"/>
    <id>${escapeXml(absoluteUrl(r.url, site.baseUrl))}</id>
    <updated>${r.date}T00:00:00Z</updated>
    <author><name>${escapeXml(r.by)}</name></author>
    <summary>${escapeXml(r.descriptionLine ?? r.title)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">
  <title>${escapeXml(site.title)}: reports</title>
  <link href="${escapeXml(absoluteUrl('/feed.xml', site.baseUrl))}" rel="self"/>
  <link href="${escapeXml(site.baseUrl)}"/>
  <id>${escapeXml(absoluteUrl('/feed.xml', site.baseUrl))}</id>
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
