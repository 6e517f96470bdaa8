import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../src/model/types.ts';
import { buildProject, type BuildResult } from '../../src/pipeline/build-project.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { listTextFiles } from '../../src/render/list-text-files.ts';
import { addExemptPapers } from '../helpers/meeting-papers.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SITE = 'https://papers.example.org';
const COMMITTEE_FEED = '/committees/x-ppr/feed.xml';
const SET_FEED = '/recommendations/exempt-set/feed.xml';
const RECOMMENDATION_FEED = '/recommendations/cdrp-scrutiny-2003/05/feed.xml';

/** Each entry of an Atom feed: its title, link and id. */
function readEntries(atom: string): Array<{ title: string; link: string; id: string; updated: string }> {
  return [...atom.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, body = '']) => ({
    title: /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? '',
    link: /<link href="([^"]*)"\/>/.exec(body)?.[1] ?? '',
    id: /<id>([^<]*)<\/id>/.exec(body)?.[1] ?? '',
    updated: /<updated>([^<]*)<\/updated>/.exec(body)?.[1] ?? '',
  }));
}

describe('following a committee, a set or a recommendation', () => {
  let root = '';
  let model: SiteModel;
  let files: Map<string, string>;
  beforeAll(async () => {
    root = await copyExampleProject();
    await addExemptPapers(root);
    const checked = await checkProject(root, { today: '2026-01-01' });
    expect(checked.errors.filter((e) => e.severity !== 'warning')).toEqual([]);
    model = checked.model!;
    files = new Map(listTextFiles(model).map((f) => [f.url, f.format()]));
  });

  it('gives each committee a feed of its new papers and decisions, newest first', () => {
    const entries = readEntries(files.get(COMMITTEE_FEED) ?? '');
    const titles = entries.map((e) => e.title);
    expect(titles).toContain('Report 6: Crime and Disorder Reduction Partnerships');
    expect(titles).toContain('Report 6: CDRP borough performance');
    expect(titles).toContain('Agenda: Planning, Performance &amp; Review Committee, 8 December 2005');
    expect(titles.some((t) => t.startsWith('Minutes: Planning, Performance &amp; Review Committee'))).toBe(true);
    expect(titles.some((t) => t.startsWith('Decision: Apologies for absence'))).toBe(true);
    const dates = entries.map((e) => e.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) expect(e.link.startsWith(`${SITE}/committees/x-ppr/`)).toBe(true);
  });

  it('gives each set and each recommendation a feed of the statuses reported and the decisions', () => {
    const set = readEntries(files.get(SET_FEED) ?? '');
    expect(set.map((e) => e.title)).toContain('Decision: Apologies for absence (8 December 2005)');
    const rec = readEntries(files.get(RECOMMENDATION_FEED) ?? '');
    expect(rec.length).toBeGreaterThan(0);
    expect(rec.every((e) => /^Action \d+\.\d+: .+ \(\d+ \w+ \d{4}\)$/.test(e.title))).toBe(true);
    expect(files.get(RECOMMENDATION_FEED)).toContain(
      `Reported in &lt;a href=&quot;${SITE}/committees/x-ppr/2005/051208/06/#recommendation-5&quot;`,
    );
  });

  it('gives each committee a calendar of its own meetings', () => {
    const calendar = files.get('/committees/x-ppr/meetings.ics') ?? '';
    expect(calendar).toMatch(/^BEGIN:VCALENDAR/);
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(model.meetings.length);
  });

  it('lists every feed and calendar in the sitemap', () => {
    const sitemap = files.get('/sitemap.xml') ?? '';
    for (const url of [COMMITTEE_FEED, SET_FEED, RECOMMENDATION_FEED, '/committees/x-ppr/meetings.ics'])
      expect(sitemap).toContain(`<loc>${SITE}${url}</loc>`);
    expect(model.feeds.length).toBe(
      model.committees.length + model.sets.length + model.sets.flatMap((s) => s.recommendations).length,
    );
  });

  describe('on the built site', () => {
    let build: BuildResult;
    const page = (url: string) => readFile(path.join(build.siteDir, url, 'index.html'), 'utf8');
    beforeAll(async () => {
      build = await buildProject({ root, pdf: false, outputDir: await makeTempDir('feeds') });
      expect(build.ok).toBe(true);
    });

    it('links each page to its feed, in its head and in its text', async () => {
      for (const [url, feed] of [
        ['/committees/x-ppr/', COMMITTEE_FEED],
        ['/recommendations/exempt-set/', SET_FEED],
        ['/recommendations/cdrp-scrutiny-2003/05/', RECOMMENDATION_FEED],
      ] as const) {
        const html = await page(url);
        expect(html).toContain(`<link rel="alternate" type="application/atom+xml"`);
        expect(html).toMatch(new RegExp(`<link rel="alternate"[^>]*href="${feed}">`));
        expect(html).toMatch(new RegExp(`<a href="${feed}" type="application/atom\\+xml">News of `));
      }
      expect(await page('/committees/x-ppr/')).toContain(
        '<a href="/committees/x-ppr/meetings.ics" type="text/calendar">',
      );
    });

    it('lists them on the open data page and writes them as files', async () => {
      const data = await page('/data/');
      for (const url of [COMMITTEE_FEED, SET_FEED, RECOMMENDATION_FEED, '/committees/x-ppr/meetings.ics'])
        expect(data).toContain(`href="${url}"`);
      const written = await readFile(path.join(build.siteDir, RECOMMENDATION_FEED), 'utf8');
      expect(written).toBe(files.get(RECOMMENDATION_FEED));
    });
  });
});
