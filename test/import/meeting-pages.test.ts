import { describe, expect, it } from 'vitest';
import { mapAgendaPage } from '../../src/import/agenda-page.ts';
import { createTurndown } from '../../src/import/block-markdown.ts';
import { mapMinutesPage } from '../../src/import/minutes-page.ts';
import { readSourceLines } from '../../src/import/line-fidelity.ts';
import { readBlocks } from '../../src/import/read-blocks.ts';

const turndown = createTurndown();
const md = (html: string) => turndown.turndown(html).trim();

/**
 * The opening of the archive's minutes of 13 November 2008 (test/fixtures/archive/sources/papers),
 * set out as the archive's pages set them: the members and officers in lists, each minute's number
 * and title in a paragraph with "(Agenda item N)" under it.
 */
const MINUTES = `<p>Minutes of the Strategic and Operational Policing Committee of the Metropolitan Police Authority held on 13 November 2008 at 10 Dean Farrar Street, London SW1H 0NY.</p>
<ul><li>Reshard Auladin (Chairman)</li><li>Jennette Arnold</li><li>Cindy Butts</li></ul>
<p>MPA officers</p><ul><li>Catherine Crawford (Chief Executive)</li></ul>
<p>MPS officers</p><ul><li>Anne McMeel (Director of Resources)</li></ul>
<p>1. Apologies for absence</p><p>(Agenda item 1)</p><p>Apologies for absence were received from Steve O’Connell (member).</p>
<p>3. Minutes: Co-ordination and Policing Committee - 4 July 2008 and 4 September 2008 ( Part 1)</p><p>(Agenda item 3)</p>
<p>RESOLVED – That the minutes of the Coordination and Policing Committee (Part 1) held on 4 July and 4 September 2008 be agreed and be signed as a correct record.</p>
<p>4. Exempt minutes</p><p>(Agenda item 1, Part 2)</p><p>Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972</p>`;

describe('a page of minutes, as the archive published it', () => {
  it('gives the venue, who was present, and each minute tied to its agenda item, decisions as the format writes them', () => {
    const draft = mapMinutesPage(readBlocks(MINUTES), md, 'minutes/index.html');
    expect(draft.warnings).toEqual([]);
    expect(draft.front).toEqual({
      venue: '10 Dean Farrar Street, London SW1H 0NY',
      present: {
        members: [{ name: 'Reshard Auladin', role: 'Chairman' }, 'Jennette Arnold', 'Cindy Butts'],
        officers: [
          { organisation: 'MPA officers', people: ['Catherine Crawford (Chief Executive)'] },
          { organisation: 'MPS officers', people: ['Anne McMeel (Director of Resources)'] },
        ],
      },
    });
    expect(draft.first).toBe(1);
    // The date its opening states, checked against the page's address on import.
    expect(draft.stated).toBe('2008-11-13');
    expect(draft.body.split('\n\n')).toEqual([
      '## Apologies for absence {agenda=1}',
      'Apologies for absence were received from Steve O’Connell (member).',
      '## Minutes: Co-ordination and Policing Committee - 4 July 2008 and 4 September 2008 ( Part 1) {agenda=3}',
      'RESOLVED: That the minutes of the Coordination and Policing Committee (Part 1) held on 4 July and 4 September 2008 be agreed and be signed as a correct record.',
      '## Exempt minutes {agenda=2.1}',
    ]);
  });

  it('reads the notice of minutes still to be agreed as a draft', () => {
    const draft = mapMinutesPage(readBlocks(`<p>These minutes are to be agreed.</p>${MINUTES}`), md, 'm');
    expect(draft.front).toMatchObject({ draft: true });
    expect(draft.warnings).toEqual([]);
  });

  it('refuses minutes it cannot tie to the agenda, or that publish an exempt item’s text', () => {
    const untied = MINUTES.replace('<p>(Agenda item 3)</p>', '');
    expect(() =>
      mapMinutesPage(
        readBlocks(untied.replace(/<p>1\..*?<\/p><p>\(Agenda item 1\)<\/p>/, '<h2>1. Apologies for absence</h2>')),
        md,
        'm',
      ),
    ).toThrow(expect.objectContaining({ code: 'E_IMPORT_MINUTES' }));
    const published = MINUTES.replace(
      'Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972',
      'The claim was settled.',
    );
    expect(() => mapMinutesPage(readBlocks(published), md, 'm')).toThrow(/text under minute 4, an exempt item/);
  });
});

/** An agenda as the archive's pages set one out: its time and venue on lines of their own, then each part's list. */
const AGENDA = `<h1>Strategic and Operational Policing Committee, 2 April 2009</h1><p class="pack-link"><a href="x-pack.pdf">Committee pack for 2 April 2009</a> <span class="file-size">PDF 1.2 MB</span></p><p>Time: 2.00pm</p><p>Venue: 10 Dean Farrar Street, London, SW1H 0NY</p>
<p>Part 1</p><p>Items to be considered while the press and public are present</p>
<ol><li>Apologies for absence</li><li>To receive any declarations of interests from members of the Committee.<p>Members must declare any personal interests.</p></li>
<li><a href="../090305/minutes/">Minutes: Strategic and Operational Policing Committee – 5 March 2009</a></li>
<li value="9"><a href="09/">MPS response to the MPA Stockwell Scrutiny</a> <a href="09/x.pdf" class="file-link">Report 9 <span class="file-size">PDF 120 KB</span></a></li>
<li>Exclusion of press and public</li></ol>
<p>Part 2</p><ol><li>Civil claims<p>Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972</p></li></ol>`;

describe('a meeting’s page, its agenda', () => {
  it('gives its time, venue and each part’s items, with their numbers, text, links and exempt paragraph', () => {
    const draft = mapAgendaPage(readBlocks(AGENDA), md, 'index.html');
    expect(draft.warnings).toEqual([]);
    expect(draft).toMatchObject({ time: '14:00', venue: '10 Dean Farrar Street, London, SW1H 0NY' });
    expect(draft.items).toEqual([
      { part: 1, title: 'Apologies for absence', kind: 'standing' },
      {
        part: 1,
        title: 'To receive any declarations of interests from members of the Committee.',
        kind: 'standing',
        text: 'Members must declare any personal interests.',
      },
      {
        part: 1,
        title: 'Minutes: Strategic and Operational Policing Committee – 5 March 2009',
        kind: 'minutes',
        link: '../090305/minutes/',
      },
      { part: 1, title: 'MPS response to the MPA Stockwell Scrutiny', number: 9, link: '09/' },
      { part: 1, title: 'Exclusion of press and public', kind: 'exclusion' },
      { part: 2, title: 'Civil claims', exempt: 3 },
    ]);
    // The site's own link to a report's PDF is no line of the page: it is made again from the report.
    expect(readSourceLines(AGENDA).join(' ')).not.toContain('PDF');
  });
});
