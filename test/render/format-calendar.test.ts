import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatCalendar } from '../../src/render/format-calendar.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { REPO_ROOT } from '../helpers/project.ts';

/** The content lines of a calendar, its folds undone. */
const unfold = (ics: string) => ics.replaceAll('\r\n ', '').split('\r\n');

describe('the iCalendar file', () => {
  it('folds a line at 75 octets of UTF-8, never inside a character, and unfolds to the line', () => {
    for (const line of [
      `DESCRIPTION:${'a'.repeat(200)}`,
      `DESCRIPTION:${'é'.repeat(90)}`,
      `SUMMARY:${'Comité 👮 '.repeat(30)}`,
      `LOCATION:${'x'.repeat(63)}`,
    ]) {
      const folded = foldLine(line);
      const physical = folded.split('\r\n');
      for (const [i, piece] of physical.entries()) {
        expect(Buffer.byteLength(piece), piece).toBeLessThanOrEqual(75);
        if (i > 0) expect(piece.startsWith(' ')).toBe(true);
        // No piece ends in half a surrogate pair: each is whole UTF-16, and so whole UTF-8.
        expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
      }
      expect(physical.length).toBe(Math.ceil((Buffer.byteLength(line) - 75) / 74) + 1 || 1);
      expect(folded.replaceAll('\r\n ', '')).toBe(line);
    }
    expect(foldLine('SEQUENCE:0')).toBe('SEQUENCE:0');
  });

  it('escapes what a TEXT value must', () => {
    expect(escapeText('Planning, Performance & Review; 1\\2\nnext\r\nlast')).toBe(
      'Planning\\, Performance & Review\\; 1\\\\2\\nnext\\nlast',
    );
  });

  it('writes each meeting as an event: timed or whole-day, its agenda as the description, CRLF throughout', async () => {
    const { model } = await checkProject(REPO_ROOT);
    const site = model!.site;
    const [first, second] = model!.meetings;
    const untimed = { ...second!, time: undefined, venue: undefined } as typeof second & {};
    const timedMeeting = { ...first!, time: '23:30' };
    const ics = formatCalendar(site, 'Meetings, all', [untimed, timedMeeting]);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:-//${escapeText(site.body)}//papers//EN`,
      'NAME:Meetings\\, all',
      'X-WR-CALNAME:Meetings\\, all',
    ]);
    const events = lines.join('\n').split('BEGIN:VEVENT\n').slice(1);
    expect(events).toHaveLength(2);
    const byId = (m: { id: string }) => events.find((e) => e.includes(`UID:${m.id.replace('/', '-')}@`)) ?? '';
    const timed = byId(first!);
    const date = first!.date.replaceAll('-', '');
    // Two hours long, into the next day.
    const next = new Date(Date.parse(`${first!.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(timed).toContain(`DTSTART:${date}T233000\nDTEND:${next.replaceAll('-', '')}T013000\n`);
    expect(timed).toContain(`DTSTAMP:${date}T000000Z\n`);
    expect(timed).toContain(`URL;VALUE=URI:${site.baseUrl.replace(/\/$/, '')}${first!.url}\n`);
    expect(timed).toContain(
      `DESCRIPTION:${escapeText(`${first!.parts[0]!.items[0]!.number}. ${first!.parts[0]!.items[0]!.title}`)}`,
    );
    const day = byId(untimed);
    expect(day).toMatch(/DTSTART;VALUE=DATE:\d{8}\nDTEND;VALUE=DATE:\d{8}\n/);
    expect(day).not.toContain('LOCATION:');
  });
});
