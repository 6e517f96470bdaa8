import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/pipeline/build-project.ts';
import { normaliseSpace } from '../helpers/page-text.ts';
import { readPageLines } from '../helpers/pdf.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { listFiles } from '../helpers/site-build.ts';

/** The headings of a page's printed part (its article, or the whole pack), as text. */
function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => normaliseSpace((m[2] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'))).filter(Boolean);
}

/** A page whose last lines of text (less the running footer) are a heading, with that heading. */
export function findHeadingsAtFoot(pages: readonly string[][], headings: readonly string[]): Array<{ page: number; heading: string }> {
  const found: Array<{ page: number; heading: string }> = [];
  pages.forEach((lines, i) => {
    // The running footer ("…, Report 6" or "…: committee pack", and "Page N of M") is not the page's text.
    const text = lines.filter((l) => !/^Page \d+ of \d+$/.test(l) && !/(, Report \d+|: committee pack)$/.test(l));
    for (let k = 1; k <= 3 && k <= text.length; k++) {
      const tail = text.slice(-k).join(' ');
      const heading = headings.find((h) => h === tail);
      if (heading) found.push({ page: i + 1, heading });
    }
  });
  return found;
}

describe('page breaks in the printed example archive', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildProject({ root: await copyExampleProject() });
    expect(build.errors.filter((e) => e.severity === 'error')).toEqual([]);
  });

  it('leaves no heading alone at the foot of a page, in any PDF', async () => {
    const pdfs = await listFiles(build.siteDir, '.pdf');
    expect(pdfs.length).toBeGreaterThanOrEqual(4);
    for (const pdf of pdfs) {
      const html = await readFile(path.join(path.dirname(pdf), pdf.endsWith('-pack.pdf') ? 'pack/index.html' : 'index.html'), 'utf8');
      const headings = headingsOf(html);
      expect(headings.length).toBeGreaterThan(3);
      expect({ pdf: path.basename(pdf), found: findHeadingsAtFoot(await readPageLines(pdf), headings) }).toEqual({ pdf: path.basename(pdf), found: [] });
    }
  });

  it('would see a heading left at the foot of a page', () => {
    const pages = [['Some text.', 'C. Race and equality impact', 'Committee, 8 December 2005, Report 6', 'Page 1 of 2'], ['Text.', 'Committee, 8 December 2005, Report 6', 'Page 2 of 2']];
    expect(findHeadingsAtFoot(pages, ['C. Race and equality impact'])).toEqual([{ page: 1, heading: 'C. Race and equality impact' }]);
  });
});
