import { describe, expect, it } from 'vitest';
import { parseMinutes } from '../../src/meetings/parse-minutes.ts';
import { createMarkdown } from '../../src/markdown/create-markdown.ts';

describe('minute items and their decisions', () => {
  it('splits the body at `##` headings, each tied to its agenda item, with its lines', () => {
    const body = [
      '',
      '## Apologies for absence {agenda=1}',
      '',
      'None.',
      '',
      '## Civil claims {agenda=2.1 exempt=3}',
      '',
      'Text.',
    ].join('\n');
    const { items, problems } = parseMinutes(body, 10);
    expect(problems).toEqual([]);
    expect(items.map(({ title, agenda, exempt, line, text }) => ({ title, agenda, exempt, line, text }))).toEqual([
      { title: 'Apologies for absence', agenda: { part: 1, number: 1 }, exempt: undefined, line: 11, text: 'None.' },
      { title: 'Civil claims', agenda: { part: 2, number: 1 }, exempt: 3, line: 15, text: 'Text.' },
    ]);
  });

  it('reads what a decision did and to which recommendations, and where it stands', () => {
    const body = [
      '## Report {agenda=6}',
      '',
      'Resolved (agreed cdrp-scrutiny-2003/5, cdrp-scrutiny-2003/06): That the',
      'targets be agreed.',
      '',
      'RESOLVED: That the report be noted.',
      '',
      'Resolved (noted cdrp-scrutiny-2003): That it be noted.',
    ].join('\n');
    const { items, problems } = parseMinutes(body, 1);
    expect(problems).toEqual([]);
    expect(items[0]?.decisions).toEqual([
      {
        word: 'Resolved',
        action: 'agreed',
        targets: ['cdrp-scrutiny-2003/05', 'cdrp-scrutiny-2003/06'],
        text: 'That the targets be agreed.',
        line: 3,
        col: 1,
      },
      { word: 'RESOLVED', targets: [], text: 'That the report be noted.', line: 6, col: 1 },
      {
        word: 'Resolved',
        action: 'noted',
        targets: ['cdrp-scrutiny-2003'],
        text: 'That it be noted.',
        line: 8,
        col: 1,
      },
    ]);
  });

  it('says where a heading lacks its agenda item, text comes first, or a number was typed', () => {
    const { problems } = parseMinutes(
      ['Opening words.', '', '## Apologies', '', '## 4. Report {agenda=4}', '', '## Other {agenda=x}'].join('\n'),
      1,
    );
    expect(problems.map((p) => `${p.line}:${p.code}`)).toEqual([
      '1:E_MINUTES_SYNTAX',
      '3:E_MINUTES_SYNTAX',
      '5:E_MINUTES_SYNTAX',
      '7:E_MINUTES_SYNTAX',
      '7:E_MINUTES_SYNTAX',
    ]);
  });

  it('does not take a heading inside a fenced block for a minute item', () => {
    const { items } = parseMinutes(['## Report {agenda=4}', '', '```', '## not a heading', '```'].join('\n'), 1);
    expect(items).toHaveLength(1);
  });

  it('renders a decision as the clerk wrote the word, and only in minutes', () => {
    const md = createMarkdown();
    expect(md.render('RESOLVED (noted x): That it be noted.', { minutes: true })).toBe(
      '<p class="resolved"><strong>RESOLVED</strong> – That it be noted.</p>\n',
    );
    expect(md.render('Resolved – That the minutes be agreed.', { minutes: true })).toBe(
      '<p class="resolved"><strong>Resolved</strong> – That the minutes be agreed.</p>\n',
    );
    expect(md.render('Resolved: in a report, a word like any other.')).toBe(
      '<p>Resolved: in a report, a word like any other.</p>\n',
    );
  });
});

describe('a minute item of a lettered agenda item', () => {
  it('ties `{agenda=4a}` to item 4a, and `{agenda=4}` to item 4', () => {
    const { items, problems } = parseMinutes(
      '## May Day {agenda=4}\n\nNoted.\n\n## Meeting with demonstrators {agenda=4a}\n\nNoted.\n',
      0,
    );
    expect(problems).toEqual([]);
    expect(items.map((i) => i.agenda)).toEqual([
      { part: 1, number: 4 },
      { part: 1, number: '4a' },
    ]);
  });
});
