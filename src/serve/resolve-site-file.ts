import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { pageFile } from '../domain/urls.ts';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.pagefind': 'application/octet-stream',
};

/**
 * The file of a built site that a request path names, or nothing. A site
 * served under a path prefix (`basePath`, such as `/repo/`) answers only
 * below it, as GitHub Pages does. A path that
 * does not decode, holds a NUL, leads outside the site folder (`..`, encoded
 * or not, or a sibling folder whose name starts the same), or names anything
 * but a regular file (a folder, a link) is never served.
 */
export async function resolveSiteFile(
  siteDir: string,
  requestPath: string,
  basePath = '/',
): Promise<{ file: string; pathname: string } | undefined> {
  const found = locateSiteFile(siteDir, requestPath, basePath);
  if (!found) return undefined;
  try {
    return (await lstat(found.file)).isFile() ? { file: found.file, pathname: found.pathname } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where in `siteDir` a request path points, whether or not a file is there:
 * its absolute path, and its path inside the site (`a/b/index.html`). Nothing
 * for a path that may not be served (see `resolveSiteFile`).
 */
export function locateSiteFile(
  siteDir: string,
  requestPath: string,
  basePath = '/',
): { file: string; inside: string; pathname: string } | undefined {
  let pathname: string;
  try {
    const requested = new URL(requestPath, 'http://site.invalid').pathname;
    if (!requested.startsWith(basePath)) return undefined;
    pathname = decodeURIComponent(requested.slice(basePath.length - 1));
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const root = path.resolve(siteDir);
  const file = path.resolve(root, pageFile(pathname));
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  return { file, inside: inside.split(path.sep).join('/'), pathname };
}
