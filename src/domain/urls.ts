import { formatShortDate } from './dates.ts';
import { type ItemNumber, padItemNumber } from './item-numbers.ts';
import { meetingDay } from './meeting-ids.ts';

export interface UrlParts {
  committee: string;
  date: string;
  number?: ItemNumber;
  /** Another meeting that day, such as `agm`: the archive's addresses put it after the date (`060629-agm`). */
  sitting?: string;
}

/**
 * Fill a URL pattern such as `/committees/{committee}/{yyyy}/{yymmdd}/{nn}/`.
 * Every value is a validated slug, date or number, so a URL cannot leave the site.
 */
export function fillUrlPattern(pattern: string, parts: UrlParts): string {
  const values: Record<string, string> = {
    committee: parts.committee,
    yyyy: parts.date.slice(0, 4),
    yymmdd: formatShortDate(parts.date) + (parts.sitting ? `-${parts.sitting}` : ''),
    date: meetingDay(parts.date, parts.sitting),
    nn: parts.number === undefined ? '' : padItemNumber(parts.number),
    number: parts.number === undefined ? '' : String(parts.number),
  };
  return pattern.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The file a page URL is written to, relative to the site folder (`/a/b/` is `a/b/index.html`). */
export function pageFile(url: string): string {
  const file = url.endsWith('/') ? `${url}index.html` : url;
  return file.split('/').filter(Boolean).join('/');
}

/**
 * Where the site lives: the path every link starts with (`/`, or `/repo/` for
 * a site published at owner.github.io/repo/) and the absolute address of that
 * path. The path is `basePath` when set, else the path of `baseUrl`.
 */
export function siteBase(baseUrl: string, basePath?: string): { basePath: string; baseUrl: string } {
  const url = new URL(baseUrl);
  const pathname = basePath ?? (url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
  return { basePath: pathname, baseUrl: new URL(pathname, url.origin).href };
}

/** An absolute address for a site path such as `/feed.xml`, under the site's base. */
export function absoluteUrl(sitePath: string, baseUrl: string): string {
  if (baseUrl !== resolved.base || resolved.urls.size > MAX_RESOLVED) resolved = { base: baseUrl, urls: new Map() };
  let url = resolved.urls.get(sitePath);
  if (url === undefined) {
    url = new URL(sitePath.replace(/^\//, ''), baseUrl).href;
    resolved.urls.set(sitePath, url);
  }
  return url;
}

/** The addresses resolved under the last base: a feed, the sitemap and the open data name each page again. */
let resolved = { base: '', urls: new Map<string, string>() };
const MAX_RESOLVED = 200_000;

/** The tracker's page of a recommendation set, such as `/recommendations/cdrp-scrutiny-2003/`. */
export function setUrl(setId: string): string {
  return `/recommendations/${setId}/`;
}

/** The tracker's page of one recommendation, such as `/recommendations/cdrp-scrutiny-2003/03/`. */
export function recommendationUrl(setId: string, number: number): string {
  return `${setUrl(setId)}${String(number).padStart(2, '0')}/`;
}

/** A borough's page, such as `/boroughs/camden/`. */
export function boroughUrl(slug: string): string {
  return `/boroughs/${slug}/`;
}

/** The Atom feed that follows a page (a committee, a set, a recommendation): `feed.xml` beside it. */
export function feedUrl(pageUrl: string): string {
  return `${pageUrl}feed.xml`;
}

/** A committee's calendar of meetings: `meetings.ics` beside its page. */
export function calendarUrl(committeeUrl: string): string {
  return `${committeeUrl}meetings.ics`;
}
