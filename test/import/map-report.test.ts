import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, mapReport, type ImportContext } from '../../src/import/map-report.ts';
import { readBlocks } from '../../src/import/read-blocks.ts';

const CTX: ImportContext = {
  committeeName: 'Planning, Performance & Review Committee',
  source: 'page',
  meetingDate: '2005-12-08',
  dateStyle: 'long',
  glossary: ['MPA', 'MPS'],
  contacts: [{ label: 'MPA general', value: '020 7202 0202' }],
};

const REPORT = `
<p>Report 4 of the 8 December 2005 meeting of the Planning, Performance &amp; Review Committee and sets out a plan.</p>
<h1>A plan</h1>
<p>Report: 4</p><p>Date: 21 November 2005</p><p>By: Clerk</p>
<h2>Summary</h2><p>The <strong>plan</strong> in <em>brief</em>.</p>
<h2>A. Recommendations</h2><p>That</p><ol><li>members agree the plan;</li><li>members note paragraph 2.</li></ol>
<h2>B. Supporting information</h2>
<p>1. The plan has two parts, set out in paragraph 2.</p>
<p>2. The terms of reference are:</p>
<ol type="i"><li>to scrutinise;</li><li>to report.</li></ol>
<p>A note without a number.</p>
<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2005</td><td>£1 | 2</td></tr></table>
<h2>C. Background papers</h2><ul><li>The plan, 2004</li></ul>
<h2>D. Contact details</h2><p>Report authors: A. Author</p><p>For more information contact:</p><p>MPA general: 020 7202 0202</p>
<h2>List of abbreviations</h2><ul><li>MPA – Metropolitan Police Authority</li><li>XYZ – Something else</li></ul>
<h2>Appendix 1: The plan in full</h2><p>Its text.</p>
`;

describe('a report’s blocks to the content format', () => {
  const draft = mapReport(readBlocks(REPORT), CTX);

  it('reads the opening block into front matter: description, title, number, the date the report bears, author', () => {
    expect(draft.front).toMatchObject({
      description: 'sets out a plan.',
      title: 'A plan',
      number: 4,
      report_date: '2005-11-21',
      by: 'Clerk',
      summary: 'The **plan** in *brief*.',
    });
    expect(draft.reportDate).toBe('2005-11-21');
    expect(draft.missing).toEqual([]);
  });

  it('keeps the recommendations’ lead, items and heading', () => {
    expect(draft.front.recommendations).toEqual({
      lead: 'That',
      items: ['members agree the plan;', 'members note paragraph 2.'],
    });
  });

  it('takes typed numbers out, refers to a numbered paragraph by label, keeps clauses, unnumbered paragraphs and tables', () => {
    expect(draft.front.numbered_sections).toEqual(['Supporting information']);
    expect(draft.body).toBe(
      [
        '## Supporting information',
        'The plan has two parts, set out in paragraph [[b2]].',
        '{#b2} The terms of reference are:',
        '(i) to scrutinise;\n(ii) to report.',
        '{-} A note without a number.',
        '| Year | Cost |\n| --- | --- |\n| 2005 | £1 \\| 2 |',
      ].join('\n\n'),
    );
  });

  it('reads background papers, authors (with their label) and the standard contacts', () => {
    expect(draft.front).toMatchObject({
      background_papers: ['The plan, 2004'],
      authors: ['A. Author'],
      authors_label: 'Report authors',
    });
    expect(draft.front.contacts).toBeUndefined();
  });

  it('keeps the abbreviations the glossary has, and says which it has not', () => {
    expect(draft.front.abbreviations).toEqual(['MPA']);
    expect(draft.warnings).toContainEqual({
      at: 'List of abbreviations',
      message: expect.stringContaining('"XYZ" is not in the glossary'),
    });
  });

  it('keeps an appendix with its title and text', () => {
    expect(draft.front.appendices).toEqual([{ title: 'The plan in full', body: 'Its text.' }]);
  });

  it('keeps clause markers at every depth, as the build’s clause lists read them', () => {
    expect(
      htmlToMarkdown(
        '<ol type="i" class="clauses clauses-paren"><li>To monitor performance, including:<ol type="a" class="clauses clauses-paren"><li>crime; and</li></ol></li><li>To consider reports.</li></ol>',
      ),
    ).toBe('(i) To monitor performance, including:\n    (a) crime; and\n(ii) To consider reports.');
    expect(htmlToMarkdown('<ol type="a" class="clauses"><li>first</li><li>second</li></ol>')).toBe(
      'a. first\nb. second',
    );
    expect(htmlToMarkdown('<ol start="3"><li>third</li></ol><ul><li>a bullet</li></ul>')).toBe(
      '3. third\n\n- a bullet',
    );
  });

  it('keeps a description line that is not the generated one as the opening in full', () => {
    const other = mapReport(
      readBlocks(
        REPORT.replace(
          'Report 4 of the 8 December 2005 meeting of the Planning',
          'Report 4 of the 9 December 2005 meeting of the Planning',
        ),
      ),
      CTX,
    );
    expect(other.front.opening).toMatch(/^Report 4 of the 9 December 2005 meeting/);
    expect(other.front.description).toBeUndefined();
  });
});
