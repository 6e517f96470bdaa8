import { describe, expect, it } from 'vitest';
import { mapReport, type ImportContext } from '../../src/import/map-report.ts';
import { readBlocks } from '../../src/import/read-blocks.ts';
import { readDocument } from '../../src/import/read-document.ts';

const CTX: ImportContext = {
  committeeName: 'Strategic and Operational Policing Committee',
  source: 'page',
  meetingDate: '2009-04-02',
  dateStyle: 'long',
  glossary: ['MPA', 'MPS'],
  contacts: [{ label: 'MPA general', value: '020 7202 0202' }],
};

/** A page of the archive's shape, with `parts` in place of its sections. */
function page(parts: { opening?: string; a?: string; b?: string; end?: string }): string {
  return `<p>Report 9 of the 2 April 2009 meeting of the Strategic and Operational Policing Committee and provides an overview.</p>
<h1>MPS performance</h1>
${parts.opening ?? '<p>Report: 9</p><p>Date: 23 March 2009</p><p>By: Commissioner</p>'}
<h2>Summary</h2><p>An overview.</p>
<h2>A. Recommendation</h2>${parts.a ?? '<p>That members note the report.</p>'}
<h2>B. Supporting information</h2>${parts.b ?? '<p>1. The year to January.</p>'}
${parts.end ?? ''}`;
}

const map = (html: string, ctx: ImportContext = CTX) => mapReport(readBlocks(html), ctx);
const messages = (draft: ReturnType<typeof map>) => draft.warnings.map((w) => `${w.at}: ${w.message}`);

describe('shapes of the archive imported as the page has them', () => {
  it('a Report/Date/By block written as one paragraph split by line breaks', () => {
    const draft = map(page({ opening: '<p>Report: 9<br>Date: 23 March 2009<br />By: Commissioner</p>' }));
    expect(draft.missing).toEqual([]);
    expect(draft.front).toMatchObject({ number: 9, report_date: '2009-03-23', by: 'Commissioner' });
    expect(messages(draft)).toEqual([]);
  });

  it('the footer links "Send an e-mail linking to this page" and "Feedback" are left out, and said', () => {
    const end =
      '<div id="footer"><a href="mailto:?body=x">Send an e-mail linking to this page</a> <a href="/feedback">Feedback</a></div>';
    const draft = map(page({ end }));
    expect(draft.body).not.toMatch(/e-mail|Feedback/);
    expect(messages(draft)).toEqual([
      `the page: the old site's links "Send an e-mail linking to this page", "Feedback" were left out: they are not part of the report`,
    ]);
  });

  it('a lead "That Members" is the lead, never recommendation 1', () => {
    const draft = map(page({ a: '<p>That Members</p><ol><li>note the report;</li><li>agree the plan.</li></ol>' }));
    expect(draft.front.recommendations).toEqual({
      heading: 'Recommendation',
      lead: 'That Members',
      items: ['note the report;', 'agree the plan.'],
    });
  });

  it('a lead followed by typed numbers: the numbers are the list’s, never written escaped', () => {
    const draft = map(page({ a: '<p>That members:</p><p>1. note the report;</p><p>2. agree the plan.</p>' }));
    expect(draft.front.recommendations).toEqual({
      heading: 'Recommendation',
      lead: 'That members:',
      items: ['note the report;', 'agree the plan.'],
    });
  });

  it('typed numbers without a lead are a numbered list', () => {
    const draft = map(page({ a: '<p>1. That members note the report.</p><p>2. That members agree the plan.</p>' }));
    expect(draft.front.recommendations).toEqual({
      heading: 'Recommendation',
      style: 'numbered',
      items: ['That members note the report.', 'That members agree the plan.'],
    });
  });

  it('clauses typed as paragraphs, "(i) …" and "(a) …", stay clauses: never unnumbered paragraphs', () => {
    const b =
      '<p>1. The terms of reference are:</p><p>(i) to monitor performance, including:</p><p>(a) crime;</p><p>(ii) to report.</p><p>2. Next.</p>';
    const draft = map(page({ b }));
    expect(draft.body).toBe(
      [
        '## Supporting information',
        'The terms of reference are:',
        '(i) to monitor performance, including:',
        '(a) crime;',
        '(ii) to report.',
        'Next.',
      ].join('\n\n'),
    );
  });

  it('typed "•" bullets are a list, in the list of abbreviations too', () => {
    const end =
      '<h2>List of abbreviations</h2><p>•\tMPA – Metropolitan Police Authority</p><p>• MPS – Metropolitan Police Service</p>';
    const b = '<p>1. The areas are:</p><p>• Lambeth;</p><p>• Southwark.</p>';
    const draft = map(page({ b, end }));
    expect(draft.front.abbreviations).toEqual(['MPA', 'MPS']);
    expect(draft.body).toContain('- Lambeth;\n- Southwark.');
    expect(messages(draft)).toEqual([]);
  });

  it('a picture, alone in its paragraph or not, is said where it was; no picture or link to a file is written', () => {
    const b =
      '<p>1. The chart:</p><p><img src="data:image/png;base64,AAAA" alt=""></p><p>2. See <a href="file:///C:/Reports/chart.xls">the workbook</a> and <img src="http://example.com/x.png" alt="x">.</p>';
    const draft = map(page({ b }));
    expect(draft.body).not.toMatch(/data:|file:|example\.com|!\[/);
    expect(draft.body).toContain('See the workbook and .');
    expect(messages(draft)).toEqual([
      'B. Supporting information: 2 pictures were left out: add them by hand, as an image file of the project',
      'the document: a link to "file:///C:/Reports/chart.xls" was left out, its words kept: a published page links only to the web',
    ]);
  });

  it('a Word report in the house template gets the site’s opening line and contacts, and says what to write', () => {
    const word = `<h1>MPS performance</h1><p>Report: 9</p><p>Date: 23 March 2009</p><p>By: Commissioner</p>
<h2>Summary</h2><p>An overview.</p><h2>A. Recommendation</h2><p>That members note the report.</p>
<h2>B. Contact details</h2><p>Report author: A. Officer</p>`;
    const draft = map(word, { ...CTX, source: 'word' });
    expect(draft.front.opening).toBeUndefined();
    expect(draft.front.description).toMatch(/^\[To be written/);
    expect(draft.front.contacts).toBeUndefined();
    expect(draft.front.authors).toEqual(['A. Officer']);
    expect(messages(draft)).toEqual([expect.stringMatching(/^the opening: the document has no opening line/)]);
    // The same shapes on a page of the archive: it had no opening line nor contacts, and keeps none.
    const archived = map(word, CTX);
    expect(archived.front).toMatchObject({ opening: false, contacts: false });
  });

  it('reads the meeting and number the document states, for import to check against what it was told', () => {
    expect(map(page({})).stated).toEqual({ number: 9, date: '2009-04-02' });
  });

  it('a report with no recommendations section, its sections lettered from A; one lettered from B lost its A', () => {
    const none = page({}).replace(
      /<h2>A\. Recommendation<\/h2><p>That members note the report\.<\/p>\n<h2>B\./,
      '<h2>A.',
    );
    const draft = map(none);
    expect(draft.missing).toEqual([]);
    expect(draft.front.recommendations).toBeUndefined();
    expect(draft.body).toMatch(/^## Supporting information/);
    const lost = page({}).replace(/<h2>A\. Recommendation<\/h2><p>That members note the report\.<\/p>/, '');
    expect(map(lost).missing).toEqual(['recommendations (section "A. Recommendation")']);
  });

  it('a lettered report number, "Report: 9a": the number, the opening line and what the page states', () => {
    const lettered = page({ opening: '<p>Report: 9a</p><p>Date: 23 March 2009</p><p>By: Commissioner</p>' }).replace(
      'Report 9 of',
      'Report 9a of',
    );
    const draft = map(lettered);
    expect(draft.missing).toEqual([]);
    expect(draft.front).toMatchObject({ number: '9a', description: 'provides an overview.' });
    expect(draft.stated).toEqual({ number: '9a', date: '2009-04-02' });
  });

  it('a date with a leading zero: the committee’s style then, else the opening line in full', () => {
    const zero = page({}).replace('of the 2 April 2009', 'of the 02 April 2009');
    expect(map(zero).stated).toEqual({ number: 9, date: '2009-04-02' });
    expect(map(zero, { ...CTX, dateStyle: 'long-zero' }).front).toMatchObject({ description: 'provides an overview.' });
    expect(map(zero).front).toMatchObject({
      opening:
        'Report 9 of the 02 April 2009 meeting of the Strategic and Operational Policing Committee and provides an overview.',
    });
  });
});

describe('a saved page’s characters, read as its bytes say', () => {
  const body = '<h1>Café and crèche — “costs”</h1>';
  const read = async (bytes: Uint8Array) => {
    const document = await readDocument(bytes, 'page.html');
    return { text: readBlocks(document.html)[0], warnings: document.warnings.map((w) => w.message) };
  };

  it('UTF-8, with or without its byte-order mark', async () => {
    const utf8 = new TextEncoder().encode(`<!doctype html>${body}`);
    expect((await read(utf8)).text).toMatchObject({ text: 'Café and crèche — “costs”' });
    expect((await read(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).text).toMatchObject({
      text: 'Café and crèche — “costs”',
    });
  });

  it('UTF-16, by its byte-order mark (both byte orders)', async () => {
    const units = `<!doctype html>${body}`;
    const le = new Uint8Array(2 + units.length * 2);
    const be = new Uint8Array(2 + units.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < units.length; i++) {
      const code = units.charCodeAt(i);
      le.set([code & 0xff, code >> 8], 2 + i * 2);
      be.set([code >> 8, code & 0xff], 2 + i * 2);
    }
    for (const bytes of [le, be])
      expect(await read(bytes)).toEqual({
        text: expect.objectContaining({ text: 'Café and crèche — “costs”' }),
        warnings: [],
      });
  });

  it('the charset its head declares; bytes that are not UTF-8 and declare none as Latin-1, with a warning', async () => {
    const latin1 = (text: string) => new Uint8Array([...text].map((c) => (c === '—' ? 0x97 : c.charCodeAt(0))));
    const declared = await read(latin1('<!doctype html><meta charset="windows-1252"><h1>Café and crèche — 50%</h1>'));
    expect(declared).toEqual({ text: expect.objectContaining({ text: 'Café and crèche — 50%' }), warnings: [] });
    const guessed = await read(latin1('<html><h1>Café and crèche</h1>'));
    expect(guessed.text).toMatchObject({ text: 'Café and crèche' });
    expect(guessed.warnings).toEqual([expect.stringMatching(/declares no charset .* read as Latin-1/)]);
  });
});

describe('a Key points / Actions / Results table under a title row of its own', () => {
  const table = `<table><tr><td colspan="3">Recommendation 2 – Training</td></tr>
<tr><th>Key points</th><th>Actions</th><th>Results</th></tr>
<tr><td>Train officers</td><td>Run courses</td><td>Completed May 2009</td></tr></table>`;

  it('in a lettered section: the title is a paragraph before it, and Key points / Actions / Results its header', () => {
    const draft = mapReport(readBlocks(page({ b: `<p>1. Progress is below.</p>${table}` })), CTX);
    expect(draft.body).toBe(
      [
        '## Supporting information',
        'Progress is below.',
        '{-} **Recommendation 2 – Training**',
        '| Key points | Actions | Results |\n| --- | --- | --- |\n| Train officers | Run courses | Completed May 2009 |',
      ].join('\n\n'),
    );
    expect(draft.warnings).toEqual([]);
  });

  it('in a lettered section, with --recommendations: its rows are the progress, the set’s view in its place', () => {
    const draft = mapReport(readBlocks(page({ b: `<p>1. Progress is below.</p>${table}<p>2. More follows.</p>` })), {
      ...CTX,
      recommendationSet: 'youth-2008',
      recommendations: new Map([[2, { owner: 'MPS' }]]),
    });
    expect(draft.progress).toEqual([
      expect.objectContaining({
        number: 2,
        at: 'B. Supporting information, recommendation 2',
        rows: [expect.objectContaining({ keyPoint: 0, action: 0, text: 'Completed May 2009' })],
      }),
    ]);
    expect(draft.body).toBe(
      [
        '## Supporting information',
        'Progress is below.',
        '::: recommendations\nset: youth-2008\nnumbers: [2]\ncaption: false\nheading_rows: true\nresults_heading: "Results"\n:::',
        'More follows.',
      ].join('\n\n'),
    );
    expect(messages(draft)).toEqual([
      expect.stringMatching(
        /^B\. Supporting information: the table of recommendation 2 is its progress now, .* "Recommendation 2 – Training"$/,
      ),
    ]);
  });

  it('in an appendix, with --recommendations: its rows are the recommendation’s progress', () => {
    const end = `<h2>Appendix 1: Progress</h2><h3>Recommendation 2</h3>${table}`;
    const draft = mapReport(readBlocks(page({ end })), {
      ...CTX,
      recommendationSet: 'youth-2008',
      recommendations: new Map([[2, { owner: 'MPS' }]]),
    });
    expect(draft.progress).toEqual([
      expect.objectContaining({
        number: 2,
        rows: [expect.objectContaining({ keyPoint: 0, action: 0, text: 'Completed May 2009' })],
      }),
    ]);
  });
});
