import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, createCheckMemory } from '../../src/pipeline/check-project.ts';
import type { SiteModel } from '../../src/model/types.ts';
import {
  addMinutes2005,
  copyExampleProject,
  editFile,
  REPO_ROOT,
  REPORT_2004,
  REPORT_2005,
} from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const TODAY = { today: '2026-01-01' };

/** The example's pages that are made from other things: its two meetings and their years, its committee, a borough. */
function pagesOf(model: SiteModel) {
  const meeting = (date: string) => model.meetings.find((m) => m.date === date)!;
  const year = (y: string) => model.yearPages.find((p) => p.year === y)!;
  return {
    meeting2004: meeting('2004-11-04'),
    meeting2005: meeting('2005-12-08'),
    year2004: year('2004'),
    year2005: year('2005'),
    committee: model.committeePages.find((c) => c.committee.code === 'x-ppr')!,
    barnet: model.boroughs.find((b) => b.slug === 'barnet')!,
    bexley: model.boroughs.find((b) => b.slug === 'bexley')!,
  };
}

type Pages = ReturnType<typeof pagesOf>;

/** Which of the pages were built again (not the same objects as before). */
function rebuilt(before: Pages, after: Pages): string[] {
  return Object.keys(before).filter((k) => before[k as keyof Pages] !== after[k as keyof Pages]);
}

describe('a check that remembers what it built', () => {
  it('builds again only the meetings, years, committees and boroughs an edit reaches, and they show the edit', async () => {
    const root = await copyExampleProject();
    const memory = createCheckMemory();
    const check = async () => pagesOf((await checkProject(root, { ...TODAY, memory })).model!);
    const edit = async (file: string, find: string, replace: string) => {
      await editFile(root, file, find, replace);
      memory.files.changed.add(file);
      return check();
    };
    let pages = await check();
    const step = async (file: string, find: string, replace: string) => {
      const before = pages;
      pages = await edit(file, find, replace);
      return rebuilt(before, pages);
    };
    // Nothing changed: every page is kept.
    expect(rebuilt(pages, await check())).toEqual([]);
    // The 2004 report's text: its meeting (whose pack holds it), that year and the committee, not the boroughs.
    expect(await step(REPORT_2004, 'Most boroughs have', 'Most boroughs now have')).toEqual([
      'meeting2004',
      'year2004',
      'committee',
    ]);
    // The 2005 report's title: also the boroughs whose facts cite it.
    expect(await step(REPORT_2005, 'title: Crime and', 'title: Edited Crime and')).toEqual([
      'meeting2005',
      'year2005',
      'committee',
      'barnet',
      'bexley',
    ]);
    expect(JSON.stringify(pages.barnet)).toContain('Edited Crime and Disorder');
    // A borough's own file: that borough alone.
    expect(await step('data/boroughs/bexley.yaml', 'name: Bexley', 'name: Bexley (edited)')).toEqual(['bexley']);
    expect(pages.bexley.name).toBe('Bexley (edited)');
    // The committee's name: everything that names it (the boroughs' facts cite the report by title and date alone).
    const renamed = await step(
      'data/committees.yaml',
      'name: Planning, Performance',
      'name: Edited Planning, Performance',
    );
    expect(renamed).toEqual(['meeting2004', 'meeting2005', 'year2004', 'year2005', 'committee']);
    expect(pages.year2004.pageTitle).toMatch(/^Edited Planning/);
    // And the model kept is the model a fresh check builds.
    const { model } = await checkProject(root, { ...TODAY, memory });
    expect(JSON.stringify(model)).toBe(JSON.stringify((await checkProject(root, TODAY)).model));
  });

  it('keeps minutes, and the meeting that holds them, until the minutes or what they are numbered and tied by change', async () => {
    const root = await copyExampleProject();
    const file = await addMinutes2005(root);
    const memory = createCheckMemory();
    const check = async () => (await checkProject(root, { ...TODAY, memory })).model!;
    const first = await check();
    const second = await check();
    expect(second.minutes[0]).toBe(first.minutes[0]);
    expect(second.meetings.find((m) => m.date === '2005-12-08')).toBe(
      first.meetings.find((m) => m.date === '2005-12-08'),
    );
    // Another meeting's report: the minutes are kept.
    await editFile(root, REPORT_2004, 'Most boroughs have', 'Most boroughs now have');
    memory.files.changed.add(REPORT_2004);
    const third = await check();
    expect(third.minutes[0]).toBe(second.minutes[0]);
    // The minutes themselves: built again, with their meeting and the decision they record.
    await editFile(root, file, 'Resolved (noted', 'Resolved (closed');
    memory.files.changed.add(file);
    const fourth = await check();
    expect(fourth.minutes[0]).not.toBe(third.minutes[0]);
    expect(fourth.meetings.find((m) => m.date === '2005-12-08')?.minutes).toBe(fourth.minutes[0]);
    expect(fourth.decisions.map((d) => d.action)).toEqual(['closed']);
    // The shared site data (its title, the start of its municipal year): built again.
    await editFile(root, 'data/site.yaml', 'title: ', 'title: Edited ');
    memory.files.changed.add('data/site.yaml');
    expect((await check()).minutes[0]).not.toBe(fourth.minutes[0]);
    const { model } = await checkProject(root, { ...TODAY, memory });
    expect(JSON.stringify(model)).toBe(JSON.stringify((await checkProject(root, TODAY)).model));
  });

  it('keeps a meeting with Part 2 items, and its minutes, while their public copies say the same', async () => {
    const root = await makeTempDir('archive');
    await cp(path.join(REPO_ROOT, 'test/fixtures/archive'), root, { recursive: true });
    const memory = createCheckMemory();
    const check = async () => (await checkProject(root, { ...TODAY, memory })).model!;
    const withPart2 = (model: SiteModel) => model.meetings.find((m) => m.url.endsWith('/090305/'))!;
    const first = await check();
    expect(JSON.stringify(withPart2(first))).toContain('Exempt');
    // Another meeting's report: the meeting with Part 2 items and its minutes are kept.
    const report = 'content/reports/2010/2010-02-25-mpa-07-calendar-of-meetings.md';
    await editFile(root, report, 'the', 'the the');
    memory.files.changed.add(report);
    const second = await check();
    expect(withPart2(second)).toBe(withPart2(first));
    expect(withPart2(second).minutes).toBeDefined();
    expect(withPart2(second).minutes).toBe(withPart2(first).minutes);
    // Its minutes themselves: built again.
    const minutes = 'content/minutes/sop/2009-03-05.md';
    await editFile(root, minutes, 'the', 'the the');
    memory.files.changed.add(minutes);
    expect(withPart2(await check()).minutes).not.toBe(withPart2(second).minutes);
    const { model } = await checkProject(root, { ...TODAY, memory });
    expect(JSON.stringify(model)).toBe(JSON.stringify((await checkProject(root, TODAY)).model));
  });
});
