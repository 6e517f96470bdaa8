import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { pageText } from '../helpers/page-text.ts';
import {
  addFormatReport,
  FORMAT_REPORT as REPORT,
  FORMAT_REPORT_FILE as REPORT_FILE,
} from '../helpers/format-report.ts';
import { copyExampleProject, editFile, PAGE_2004, PAGE_2005 } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('the report format beyond the two examples', () => {
  let siteDir = '';
  let html = '';
  beforeAll(async () => {
    const root = await copyExampleProject();
    await addFormatReport(root);
    await editFile(
      root,
      'data/committees.yaml',
      '    short_name: PPR\n',
      '    short_name: PPR\n    renamed:\n      - { from: 2005-06-01, name: Planning and Review Committee, short_name: PR }\n',
    );
    await editFile(root, 'data/site.yaml', 'language: en-GB\n', 'language: en-GB\ndate_style: short\n');
    const result = await buildProject({ root, outputDir: await makeTempDir('format'), pdf: false });
    expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
    siteDir = result.siteDir;
    html = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208/07/index.html'), 'utf8');
  });

  it('sets out the recommendations with the heading, lead and style the report gives', () => {
    expect(html).toContain('A. Recommendations</h2>');
    expect(html).toMatch(/<ul class="recommendation-list">\s*<li>That members note the report.<\/li>/);
  });

  it('places a progress table inside a section, with its own as-at date, caption, columns and heading rows', () => {
    const section = html.slice(
      html.indexOf('id="supporting-information"'),
      html.indexOf('</section>', html.indexOf('id="supporting-information"')),
    );
    expect(section).toContain(
      '<caption id="recommendation-1-caption">Recommendation 1: position at 22 November</caption>',
    );
    expect(section).toContain('<th scope="col">Position at 22 November</th>');
    expect(section).toMatch(
      /<th scope="colgroup" colspan="3" class="heading-row" id="recommendation-1-row"><a href="\/recommendations\/cdrp-scrutiny-2003\/01\/">Recommendation 1<\/a>: Borough commanders should nominate/,
    );
    expect(section).not.toContain('id="recommendation-3-caption"><');
    expect(pageText(section).indexOf('The table below')).toBeLessThan(
      pageText(section).indexOf('Recommendation 1: position'),
    );
  });

  it('prints a table without a caption when the view says `caption: false`, named by its heading row', () => {
    const start = html.indexOf('<section class="recommendation" id="recommendation-4"');
    const table = html.slice(start, html.indexOf('</section>', start));
    expect(start).toBeGreaterThan(0);
    expect(table).not.toContain('<caption');
    expect(table).toContain('aria-labelledby="recommendation-4-row"');
    expect(table).toMatch(/<th scope="colgroup" colspan="3" class="heading-row" id="recommendation-4-row">/);
    expect(table).toContain('<th scope="col">Key points</th>');
  });

  it('prints a footnote at the end of the body, linked from its citation and back', () => {
    expect(html).toMatch(
      /follows the guidance\.<sup class="footnote-ref"><a href="#fn1" id="fnref1">\[1\]<\/a><\/sup>/,
    );
    expect(html).toMatch(
      /<li id="fn1" class="footnote-item"><p>Home Office guidance on partnership reporting\. <a href="#fnref1" class="footnote-backref" aria-label="Back to the text of footnote 1">/,
    );
  });

  it('shows an action plan and a list of texts without "No progress had been reported", whatever the date', () => {
    expect(html).toContain('<caption id="recommendation-3-caption">Recommendation 3: action plan</caption>');
    expect(html).toContain('<th scope="col">Owner</th><th scope="col">Target date</th>');
    expect(html).not.toContain('No progress had been reported');
    expect(html).toMatch(/<ol class="recommendation-texts">\s*<li value="1">Borough commanders/);
    expect(html).toMatch(/<li value="3">/);
  });

  it('counts each placement as "shown in" on the tracker and in the dashboard', async () => {
    const rec1 = await readFile(path.join(siteDir, 'recommendations/cdrp-scrutiny-2003/01/index.html'), 'utf8');
    expect(rec1).toContain('/committees/x-ppr/2005/051208/07/#recommendation-1');
    const dashboard = await readFile(
      path.join(siteDir, 'recommendations/cdrp-scrutiny-2003/dashboard/index.html'),
      'utf8',
    );
    expect(dashboard).toContain('/committees/x-ppr/2005/051208/07/');
  });

  it('shows the report’s own date, the meeting’s date in the opening line in the short style, and the name in force', () => {
    expect(html).toContain('<dt>Date:</dt> <dd>17 November 2005</dd>');
    expect(html).toContain(
      'Report 7 of the 8 Dec 05 meeting of the Planning and Review Committee and tests the format.',
    );
  });

  it('prints no authors, background papers or contacts the report does not give', () => {
    expect(html).not.toContain('Background papers');
    expect(html).not.toContain('Contact details');
    expect(html).not.toContain('Report author');
  });

  it('renders clauses as nested lists, and a Markdown table in a labelled scroll region', () => {
    expect(html).toMatch(
      /<ol type="i" class="clauses clauses-paren">\s*<li>To monitor performance, including:\s*<ol type="a" class="clauses clauses-paren">/,
    );
    expect(html).toMatch(
      /<div class="table-wrap" role="region" aria-label="Table 1" tabindex="0">\s*<p class="scroll-hint" data-pagefind-ignore="all">Scroll sideways to see the whole table.<\/p>\s*<table class="plain-table">/,
    );
  });

  it('asks print to start appendices on a new page', () => {
    expect(html).toContain('<article class="report appendices-new-page"');
  });

  it('names a renamed committee as it was called at each meeting, and lists its names', async () => {
    const old = await readFile(path.join(siteDir, PAGE_2004), 'utf8');
    expect(old).toContain('meeting of the Planning, Performance &amp; Review Committee and');
    const recent = await readFile(path.join(siteDir, PAGE_2005), 'utf8');
    expect(recent).toContain('<a href="/committees/x-ppr/">Planning and Review Committee</a>');
    const pack = await readFile(path.join(siteDir, 'committees/x-ppr/2005/051208/pack/index.html'), 'utf8');
    expect(pack).toContain('<h1 id="cover-heading">Planning and Review Committee</h1>');
    const feed = await readFile(path.join(siteDir, 'feed.xml'), 'utf8');
    expect(feed).toContain('of the Planning and Review Committee and');
    const committee = await readFile(path.join(siteDir, 'committees/x-ppr/index.html'), 'utf8');
    expect(committee).toContain('Planning, Performance &amp; Review Committee (PPR), until 31 May 2005');
    expect(committee).toContain('Planning and Review Committee (PR), from 1 June 2005');
  });
});

describe('mistakes in the new parts of a report', () => {
  it('reports a block’s mistakes at their line, with the file’s other mistakes, in one run', async () => {
    const root = await copyExampleProject();
    const body = REPORT.replace(
      'set: cdrp-scrutiny-2003\nnumbers: [1, 2]',
      'set: cdrp-scrutny-2003\nnumbers: [1, 2]',
    ).replace('view: plan', 'veiw: plan');
    await addFormatReport(root, body);
    // A schema error in another file must not hide them.
    await editFile(root, 'content/recommendations/cdrp-scrutiny-2003/19.yaml', 'number: 19', 'number: nineteen');
    const { errors, model } = await checkProject(root);
    expect(model).toBeUndefined();
    const lineOf = (text: string) => body.split('\n').indexOf(text) + 1;
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'E_UNKNOWN_REF',
        file: REPORT_FILE,
        line: lineOf('set: cdrp-scrutny-2003'),
        hint: 'did you mean `cdrp-scrutiny-2003`?',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'E_UNKNOWN_FIELD',
        file: REPORT_FILE,
        line: lineOf('veiw: plan'),
        hint: 'did you mean `view`?',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'E_SCHEMA', file: 'content/recommendations/cdrp-scrutiny-2003/19.yaml' }),
    );
  });

  it('refuses an unclosed block and a block inside a list', async () => {
    const root = await copyExampleProject();
    await addFormatReport(
      root,
      REPORT.replace('caption: false\nheading_rows: true\n:::\n', 'caption: false\nheading_rows: true\n').replace(
        'The table below gives the position.\n\n::: recommendations\nset: cdrp-scrutiny-2003\nnumbers: [1, 2]\n',
        '- a list\n\n  ::: recommendations\n  set: cdrp-scrutiny-2003\n  :::\n\n::: recommendations\nset: cdrp-scrutiny-2003\nnumbers: [1, 2]\n',
      ),
    );
    const { errors } = await checkProject(root);
    const messages = errors.filter((e) => e.file === REPORT_FILE).map((e) => e.message);
    expect(messages).toContain('a `::: recommendations` block is not closed');
    expect(messages).toContain('a `::: recommendations` block stands inside a list or quotation');
  });

  it('warns when an author list looks like one name split by YAML, with the fix', async () => {
    const root = await copyExampleProject();
    await addFormatReport(
      root,
      REPORT.replace('contacts: false\n', 'contacts: false\nauthors: [Jane Smith and John Brown, MPA.]\n'),
    );
    const { errors, model } = await checkProject(root);
    expect(model).toBeDefined();
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'E_AUTHOR_SPLIT',
        severity: 'warning',
        file: REPORT_FILE,
        hint: 'if it is one author, put it in quotes: - "Jane Smith and John Brown, MPA."',
      }),
    );
  });

  it('says where a missing committee is defined and what to write', async () => {
    const root = await copyExampleProject();
    await writeFile(path.join(root, REPORT_FILE), REPORT.replace('committee: x-ppr', 'committee: mpa'));
    const { errors } = await checkProject(root);
    const error = errors.find(
      (e) => e.file === REPORT_FILE && e.code === 'E_UNKNOWN_REF' && e.message.includes('committee'),
    );
    expect(error?.hint).toBe(
      'committees are defined in data/committees.yaml: add `- code: mpa` with its `name` there, or write one of: x-ppr',
    );
  });
});
