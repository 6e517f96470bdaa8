import type { Content } from '../content/content.ts';
import { locatePath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';

/** What a built report shows that other files may cite: the checks of the built model read these. */
export interface ReportShown {
  /** The titles of its lettered sections, in order. */
  sections: string[];
  /** Its numbered paragraphs, by reference such as `B8`. */
  paragraphs: string[];
  /** Each appendix: the recommendation set its tables show (if any), and the numbers they show. */
  appendices: Array<{ set?: string; numbers: number[] }>;
}

/** The built model, as its checks see it. */
export interface ModelIndex {
  /** Each report built, by id. */
  reports: ReadonlyMap<string, ReportShown>;
  /** Every page of the site, with the file that makes it. */
  pages: ReadonlyArray<{ url: string; file: string }>;
}

/**
 * The checks that need the model built: what a report's body turned out to
 * hold (its sections and numbered paragraphs, the tables of its appendices),
 * and every page's URL.
 */
export function checkModel(content: Content, index: ModelIndex): ContentProblem[] {
  const problems: ContentProblem[] = [];
  checkNumberedSections(content, index, problems);
  checkFactSources(content, index, problems);
  checkPageUrls(index.pages, problems, content);
  return problems;
}

/** `numbered_sections` names sections the body has. */
function checkNumberedSections(content: Content, index: ModelIndex, problems: ContentProblem[]): void {
  for (const entry of content.reports) {
    const sections = index.reports.get(entry.id)?.sections;
    if (!sections) continue;
    entry.data.numbered_sections.forEach((title, i) => {
      if (!sections.some((s) => s.toLowerCase() === title.toLowerCase())) {
        problems.push(
          createProblem(
            locatePath(entry.source, ['numbered_sections', i]),
            'E_UNKNOWN_REF',
            `no section is headed "${title}"`,
            `use a \`## \` heading of the body: ${sections.join(', ') || 'there are none'}`,
          ),
        );
      }
    });
  }
}

/** A borough fact's source names a paragraph, appendix and recommendation its report has. */
function checkFactSources(content: Content, index: ModelIndex, problems: ContentProblem[]): void {
  for (const borough of content.boroughs) {
    borough.data.facts.forEach((fact, i) => {
      const { report, paragraph, appendix, recommendation } = fact.source;
      const shown = index.reports.get(report);
      const paragraphs = shown?.paragraphs;
      if (paragraph !== undefined && paragraphs && !paragraphs.includes(paragraph)) {
        problems.push(
          createProblem(
            locatePath(borough.source, ['facts', i, 'source', 'paragraph']),
            'E_UNKNOWN_REF',
            `report \`${report}\` has no numbered paragraph ${paragraph}`,
            `its numbered paragraphs are ${[...paragraphs].join(', ') || 'none'}`,
          ),
        );
      }
      const appendices = shown?.appendices;
      if (appendix !== undefined && appendices && !appendices[appendix - 1]) {
        problems.push(
          createProblem(
            locatePath(borough.source, ['facts', i, 'source', 'appendix']),
            'E_UNKNOWN_REF',
            `report \`${report}\` has no appendix ${appendix}`,
            `it has ${appendices.length} appendices`,
          ),
        );
      }
      const numbers = appendix !== undefined ? appendices?.[appendix - 1]?.numbers : undefined;
      const shownSet = appendix !== undefined ? appendices?.[appendix - 1]?.set : undefined;
      const recommendationId = `${shownSet}/${String(recommendation).padStart(2, '0')}`;
      // A recommendation whose own file failed its check is reported there, not again here.
      const failedOwnCheck =
        content.found?.has(`recommendation:${recommendationId}`) &&
        !content.recommendations.some((r) => r.id === recommendationId);
      if (recommendation !== undefined && numbers && !failedOwnCheck && !numbers.includes(recommendation)) {
        problems.push(
          createProblem(
            locatePath(borough.source, ['facts', i, 'source', 'recommendation']),
            'E_UNKNOWN_REF',
            `appendix ${appendix} of \`${report}\` shows no recommendation ${recommendation}`,
            'correct the recommendation number',
          ),
        );
      }
    });
  }
}

const SAFE_URL = /^\/([a-z0-9]+(-[a-z0-9]+)*\/)*$/;
/** Folders of the built site that hold files, not pages: no page may be written into them. */
const RESERVED = ['/assets/', '/pagefind/'];

/** Every page of the site, whatever made its URL (patterns, codes, owners, file names), has one of its own. */
function checkPageUrls(
  pages: ReadonlyArray<{ url: string; file: string }>,
  errors: ContentProblem[],
  content: Content,
): void {
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
