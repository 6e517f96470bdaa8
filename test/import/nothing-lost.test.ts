import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { importReport, type ImportResult } from '../../src/import/import-report.ts';
import { mapReport } from '../../src/import/map-report.ts';
import { readBlocks, type Block } from '../../src/import/read-blocks.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { findMissingLines, pageText } from '../helpers/page-text.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ARCHIVE = path.join(REPO_ROOT, 'test/fixtures/archive');

interface Fixture {
  file: string;
  committee: string;
  date: string;
  page: string;
}

/** The archive fixture's reports, each with its built page's path. */
async function listFixtures(): Promise<Fixture[]> {
  const out: Fixture[] = [];
  for (const year of await readdir(path.join(ARCHIVE, 'content/reports'))) {
    for (const name of await readdir(path.join(ARCHIVE, 'content/reports', year))) {
      const file = `content/reports/${year}/${name}`;
      const data = matter(await readFile(path.join(ARCHIVE, file), 'utf8')).data as Record<string, unknown>;
      const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date);
      const [y, m, d] = date.split('-') as [string, string, string];
      const item = String(data.number).padStart(2, '0');
      const page = `committees/${data.committee}/${y}/${y.slice(2)}${m}${d}/${item}/index.html`;
      out.push({ file, committee: String(data.committee), date, page });
    }
  }
  return out;
}

/** The lines of a document as a reader has them: each paragraph, heading, list item and table cell. */
function documentLines(html: string): string[] {
  const lines = (block: Block): string[] =>
    block.kind === 'list'
      ? block.items.map((i) => i.text)
      : block.kind === 'table'
        ? block.rows.flat().map((c) => c.text)
        : [block.text];
  return readBlocks(html).flatMap(lines).filter(Boolean);
}

/** Letters and digits only: a line said in a warning is found there however it was quoted or shortened. */
const squeeze = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Lines neither on the rebuilt page nor named (by their first words) in a warning. */
function unaccounted(lines: readonly string[], page: string, warnings: ImportResult['warnings']): string[] {
  const said = squeeze(warnings.map((w) => w.message).join(' '));
  return findMissingLines(lines, pageText(page)).filter((line) => !said.includes(squeeze(line).slice(0, 40)));
}

describe('nothing lost silently: every line of a source document is in the content or in a located warning', () => {
  let built = '';
  beforeAll(async () => {
    const result = await buildProject({ root: ARCHIVE, outputDir: await makeTempDir('lost-source'), pdf: false });
    expect(result.ok).toBe(true);
    built = result.siteDir;
  }, 120_000);

  it('each real archive page, imported into the archive without its report and built again', async () => {
    const fixtures = await listFixtures();
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    for (const fixture of fixtures) {
      const root = await makeTempDir('lost-root');
      await cp(ARCHIVE, root, { recursive: true });
      await rm(path.join(root, fixture.file));
      const meetingFile = path.join(root, `content/meetings/${fixture.committee}/${fixture.date}.yaml`);
      const meeting = parse(await readFile(meetingFile, 'utf8')) as { agenda: Array<{ report?: string }> };
      meeting.agenda = meeting.agenda.filter((a) => a.report !== path.basename(fixture.file, '.md'));
      await writeFile(meetingFile, stringify(meeting));
      const source = await readFile(path.join(built, fixture.page), 'utf8');
      const result = await importReport({
        root,
        file: path.join(built, fixture.page),
        meeting: `${fixture.committee}/${fixture.date}`,
      });
      expect(
        (await checkProject(root)).errors.filter((e) => e.severity === 'error'),
        fixture.file,
      ).toEqual([]);
      const rebuilt = await buildProject({ root, outputDir: await makeTempDir('lost-built'), pdf: false });
      const page = await readFile(path.join(rebuilt.siteDir, fixture.page), 'utf8');
      const article = /<article[\s\S]*<\/article>/.exec(source)?.[0] ?? source;
      expect(unaccounted(documentLines(article), page, result.warnings), fixture.file).toEqual([]);
    }
  }, 300_000);

  it.each([
    ['a heading and text before the Summary', '<h2>Note</h2><p>Read with the annex.</p>', 'before', true],
    ['a definition list in a section', '<dl><dt>Cost</dt><dd>£4m over two years</dd></dl>', 'after', false],
    ['a table in the recommendations', '<table><tr><td>Spend</td><td>£1m</td></tr></table>', 'a', true],
    [
      'links under Supporting material',
      '<h2>Supporting material</h2><ul><li><a href="x.pdf">Annex (PDF)</a></li></ul>',
      'end',
      true,
    ],
    [
      'a quotation and a preformatted block',
      '<blockquote><p>Quoted words.</p></blockquote><pre>  Spaced\n  text</pre>',
      'after',
      false,
    ],
  ])('a constructed page with %s', (_what, html, where, dropped) => {
    const document = `<h1>Plan</h1><p>Report: 4</p><p>Date: 1 May 2009</p><p>By: Clerk</p>
${where === 'before' ? html : ''}<h2>Summary</h2><p>In brief.</p>
<h2>A. Recommendation</h2><p>That members note the report.</p>${where === 'a' ? html : ''}
<h2>B. Supporting information</h2><p>1. The plan.</p>${where === 'after' ? html : ''}
${where === 'end' ? html : ''}`;
    const draft = mapReport(readBlocks(document), {
      committeeName: 'Committee',
      source: 'page',
      meetingDate: '2009-05-01',
      dateStyle: 'long',
      glossary: [],
      contacts: [],
    });
    // The format's own rules: the opening's fields become front matter (as the opening tests show),
    // a section's letter and a paragraph's typed number are the build's, the "Supporting material" heading the page's.
    const structure = /^(Report|Date|By):|^[A-Z]\. |^Supporting material$/;
    const written = squeeze(`${JSON.stringify(draft.front)} ${draft.body}`);
    const said = squeeze(draft.warnings.map((w) => w.message).join(' '));
    const lost = documentLines(document)
      .filter((line) => !structure.test(line))
      .map((line) => line.replace(/^\d+\. /, ''))
      .filter((line) => !written.includes(squeeze(line)) && !said.includes(squeeze(line).slice(0, 40)));
    expect(lost).toEqual([]);
    // What is kept is kept without a word; what is left out is said.
    expect(draft.warnings.length > 0).toBe(dropped);
  });
});
