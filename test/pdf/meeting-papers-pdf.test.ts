import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/pipeline/build-project.ts';
import { useOwnTempDir } from '../helpers/chromium.ts';
import { flattenBookmarks, readBookmarks, readPageTexts, readPdfInfo } from '../helpers/pdf.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ARCHIVE = path.join(REPO_ROOT, 'test/fixtures/archive');
const MINUTES_0402 = 'committees/sop/2009/090402/sop-2009-04-02-minutes.pdf';
const PACK_0402 = 'committees/sop/2009/090402/sop-2009-04-02-pack.pdf';

describe('minutes and agendas in print, by real Chromium', () => {
  let build: BuildResult;
  const pdf = (url: string) => path.join(build.siteDir, url);
  beforeAll(async () => {
    await useOwnTempDir();
    build = await buildProject({ root: ARCHIVE, outputDir: await makeTempDir('papers-pdf') });
    expect(build.errors.filter((e) => e.severity === 'error')).toEqual([]);
  }, 300_000);

  it('prints minutes as a tagged PDF of their own, with bookmarks for each minute and a footer on every page', async () => {
    const info = await readPdfInfo(pdf(MINUTES_0402));
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Minutes: Strategic and Operational Policing Committee, 2 April 2009');
    const pages = await readPageTexts(pdf(MINUTES_0402));
    pages.forEach((text, i) => {
      expect(text).toContain('Strategic and Operational Policing Committee, 2 April 2009: minutes');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages[0]).toContain(
      'Minutes of the Strategic and Operational Policing Committee of the Metropolitan Police Authority held on 2 April 2009',
    );
    expect(pages.join(' ')).toContain(
      'Resolved – That the minutes of the Strategic and Operational Policing Committee (Part 1 and 2) held on 5 March 2009 be agreed',
    );
    const titles = flattenBookmarks(await readBookmarks(pdf(MINUTES_0402)));
    for (const title of [
      'Present',
      '91. Apologies for absence',
      '92. Declarations of interests',
      '93. Minutes: Strategic and Operational Policing Committee – 5 March 2009',
    ])
      expect(titles).toContain(title);
  });

  it('puts the minutes an agenda confirms into its pack, on the page the agenda gives', async () => {
    const pages = await readPageTexts(pdf(PACK_0402));
    const agenda = pages[1] ?? '';
    expect(agenda).toContain('Part 1: Items to be considered while the press and public are present');
    const minutes = Number(
      /3 Minutes: Strategic and Operational Policing Committee – 5 March 2009 (\d+)/.exec(agenda)?.[1],
    );
    const report = Number(/ 9 [^0-9]+ (\d+)/.exec(agenda)?.[1]);
    expect(minutes).toBe(3);
    expect(pages[minutes - 1]).toMatch(
      /^Agenda item 3: Minutes: Strategic and Operational Policing Committee – 5 March 2009 Minutes/,
    );
    expect(pages[minutes - 1]).toContain('held on 5 March 2009');
    expect(report).toBeGreaterThan(minutes);
    expect(pages[report - 1]).toMatch(/^Agenda item 9: /);
    expect(pages[report - 2]).not.toMatch(/^Agenda item 9: /);
  });
});
