import type { Content } from '../content/content.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';

/** Every page of the site, with the file that makes its URL. */
export type PageList = ReadonlyArray<{ url: string; file: string }>;

/**
 * The one check that needs the model built: every page's URL, whatever made
 * it (patterns, codes, owners, file names), is a plain path of its own. All
 * else was checked as the files were read.
 */
export function checkModel(content: Content, pages: PageList): ContentProblem[] {
  const problems: ContentProblem[] = [];
  checkPageUrls(pages, problems, content);
  return problems;
}

const SAFE_URL = /^\/([a-z0-9]+(-[a-z0-9]+)*\/)*$/;
/** Folders of the built site that hold files, not pages: no page may be written into them. */
const RESERVED = ['/assets/', '/pagefind/'];

/** Every page of the site, whatever made its URL (patterns, codes, owners, file names), has one of its own. */
function checkPageUrls(pages: PageList, errors: ContentProblem[], content: Content): void {
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
