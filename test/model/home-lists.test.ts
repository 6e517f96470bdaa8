import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { REPO_ROOT } from '../helpers/project.ts';

describe("the home page's lists", () => {
  it('are the latest meetings of every committee and the latest reports, newest first, ten of each', async () => {
    const { model } = await checkProject(path.join(REPO_ROOT, 'test/fixtures/archive'), { today: '2026-01-01' });
    const meetings = model!.meetings;
    const newest = [...meetings].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 10);
    expect(model!.latestMeetings.map((m) => m.href)).toEqual(newest.map((m) => m.url));
    // More than one committee, so the order is by date, not by committee.
    expect(new Set(newest.map((m) => m.committee.code)).size).toBeGreaterThan(1);
    const dates = model!.latestReports.map((r) => model!.reports.find((x) => x.url === r.href)!.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(model!.latestReports).toHaveLength(Math.min(10, model!.reports.length));
    expect(model!.statuses.map((s) => s.id)).toContain('completed');
  });
});
