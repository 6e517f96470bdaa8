import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { findMissingLines, normaliseSpace, pageText, pageTextWithMarkers } from '../helpers/page-text.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Real agendas and minutes of the archive, authored in the content format. */
const ARCHIVE = path.join(REPO_ROOT, 'test/fixtures/archive');
const SOURCES = path.join(ARCHIVE, 'sources/papers');

/** `sop-2009-04-02-agenda.txt` → the meeting's page; `…-minutes….txt` → its minutes' page. */
function pageOf(source: string): string {
  const [, code, y, m, d, paper] = /^([a-z-]+?)-(\d{4})-(\d{2})-(\d{2})-(agenda|minutes)/.exec(source) ?? [];
  return `committees/${code}/${y}/${y?.slice(2)}${m}${d}/${paper === 'minutes' ? 'minutes/' : ''}index.html`;
}

describe('real agendas and minutes of the archive, rendered as published', async () => {
  const sources = (await readdir(SOURCES)).filter((f) => f.endsWith('.txt')).sort();
  let siteDir = '';
  beforeAll(async () => {
    const result = await buildProject({ root: ARCHIVE, outputDir: await makeTempDir('papers'), pdf: false });
    expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
    siteDir = result.siteDir;
  });
  const read = (url: string) => readFile(path.join(siteDir, url), 'utf8');

  it('holds an agenda and minutes of three meetings', () => {
    expect(sources.filter((s) => s.includes('-agenda')).length).toBeGreaterThanOrEqual(1);
    expect(
      new Set(sources.filter((s) => s.includes('-minutes')).map((s) => s.slice(0, 14))).size,
    ).toBeGreaterThanOrEqual(3);
  });

  it.each(sources)('%s: every line appears, in order, with its number or bullet', async (source) => {
    const lines = (await readFile(path.join(SOURCES, source), 'utf8')).split('\n').map(normaliseSpace).filter(Boolean);
    const text = pageTextWithMarkers(await read(pageOf(source)));
    expect(lines.length).toBeGreaterThan(8);
    expect(findMissingLines(lines, text)).toEqual([]);
  });

  it('numbers minutes on through the municipal year, from a given first number where earlier minutes are missing', async () => {
    const numbers = (html: string) => [...html.matchAll(/<h2 id="minute-(\d+)">/g)].map((m) => Number(m[1]));
    expect(numbers(await read('committees/sop/2008/081113/minutes/index.html'))).toEqual([1, 2, 3]);
    expect(numbers(await read('committees/sop/2009/090305/minutes/index.html'))).toEqual(
      Array.from({ length: 16 }, (_, i) => 75 + i),
    );
    expect(numbers(await read('committees/sop/2009/090402/minutes/index.html'))).toEqual([91, 92, 93]);
  });

  it('lists a Part 2 by title and exemption only, after the exclusion of the press and public', async () => {
    const text = pageText(await read('committees/sop/2009/090305/index.html'));
    expect(text).toMatch(
      /Exclusion of press and public To resolve that the press and public be asked to leave the meeting .* Please note that members of the press and public must leave the meeting at this point\. Part 2 Items considered after the exclusion of the press and public Urgent actions and authorisation .* Exempt under Schedule 12A to the Local Government Act 1972/,
    );
    const minutes = pageText(await read('committees/sop/2009/090305/minutes/index.html'));
    expect(minutes).toContain(
      '90. Minutes of Sub-committees (part 2) Professional Standards Cases Sub-committee – 19 January 2009 (Agenda item 3, Part 2) Exempt under Schedule 12A to the Local Government Act 1972: this minute is not published.',
    );
  });

  it('puts the minutes an agenda confirms into its pack, and links both ways', async () => {
    const pack = pageText(await read('committees/sop/2009/090402/pack/index.html'));
    expect(pack).toContain('3 Minutes: Strategic and Operational Policing Committee – 5 March 2009 000');
    expect(pack).toContain(
      'Minutes of the Strategic and Operational Policing Committee of the Metropolitan Police Authority held on 5 March 2009',
    );
    const meeting = await read('committees/sop/2009/090402/index.html');
    expect(meeting).toContain('href="/committees/sop/2009/090305/minutes/"');
    expect(meeting).toContain('href="/committees/sop/2009/090402/minutes/"');
  });

  it('offers a pack only for a meeting with papers to print', async () => {
    expect(await read('committees/sop/2009/090402/index.html')).toContain('sop-2009-04-02-pack.pdf');
    expect(await read('committees/sop/2009/090305/index.html')).not.toContain('-pack.pdf');
  });

  it('writes a calendar of the meetings beside the feed, the same on every build', async () => {
    const ics = await read('meetings.ics');
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(10);
    expect(ics).toContain('DTSTART:20090402T140000');
    expect(ics).toContain('DTSTAMP:20090402T000000Z');
    const again = await buildProject({ root: ARCHIVE, outputDir: await makeTempDir('papers'), pdf: false });
    expect(await readFile(path.join(again.siteDir, 'meetings.ics'), 'utf8')).toBe(ics);
  });
});
