import { formatShortDate } from './dates.ts';

export interface UrlParts {
  committee: string;
  date: string;
  number?: number;
}

/**
 * Fill a URL pattern such as `/committees/{committee}/{yyyy}/{yymmdd}/{nn}/`.
 * Every value is a validated slug, date or number, so a URL cannot leave the site.
 */
export function fillUrlPattern(pattern: string, parts: UrlParts): string {
  const values: Record<string, string> = {
    committee: parts.committee,
    yyyy: parts.date.slice(0, 4),
    yymmdd: formatShortDate(parts.date),
    date: parts.date,
    nn: parts.number === undefined ? '' : String(parts.number).padStart(2, '0'),
    number: parts.number === undefined ? '' : String(parts.number),
  };
  return pattern.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The file a page URL is written to, relative to the site folder (`/a/b/` is `a/b/index.html`). */
export function pageFile(url: string): string {
  const file = url.endsWith('/') ? `${url}index.html` : url;
  return file.split('/').filter(Boolean).join('/');
}
