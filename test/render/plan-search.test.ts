import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import type { SiteModel } from '../../src/model/types.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { planSearch } from '../../src/render/index-search.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

async function modelOf(root: string): Promise<SiteModel> {
  const result = await checkProject(root, { today: '2003-01-01' });
  expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
  return result.model!;
}

describe('the search indexes of an archive', () => {
  let root = '';
  let model: SiteModel;
  beforeAll(async () => {
    root = await makeTempDir('search-plan');
    await generateArchive(root, { reports: 45, committees: 3, sets: 2, recommendations: 5, entries: 6 });
    model = await modelOf(root);
  });

  it('has one index for each committee with reports, holding all its reports and no others, one of the tracker, and one of the boroughs and glossary', () => {
    const bundles = planSearch(model, 'render');
    const withReports = model.committees.filter((c) => model.reports.some((r) => r.committee.code === c.code));
    expect(bundles.map((b) => b.dir)).toEqual([
      ...withReports.map((c) => `pagefind/reports-${c.code}`),
      'pagefind/recommendations',
      'pagefind/reference',
    ]);
    for (const committee of withReports) {
      const urls = model.reports.filter((r) => r.committee.code === committee.code).map((r) => r.url);
      expect(bundles.find((b) => b.dir === `pagefind/reports-${committee.code}`)?.urls).toEqual(urls);
    }
    expect(bundles.at(-2)?.urls).toEqual(model.trackedRecommendations.map((r) => r.recommendation.url));
    expect(bundles.at(-1)?.urls).toEqual([...model.boroughs.map((b) => b.url), '/glossary/']);
    expect(bundles.flatMap((b) => b.urls)).toHaveLength(
      model.reports.length + model.trackedRecommendations.length + model.boroughs.length + 1,
    );
  });

  it('changes the key of only the edited report’s committee when a report is edited', async () => {
    const before = planSearch(model, 'render');
    const report = model.reports.find((r) => r.committee.code === 'c02')!;
    const file = path.join(root, report.file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('The duty to', 'The statutory duty to'));
    const after = planSearch(await modelOf(root), 'render');
    const changed = after.filter((b, i) => b.key !== before[i]?.key).map((b) => b.dir);
    expect(changed).toEqual(['pagefind/reports-c02']);
  });

  it('changes every key when the templates or code that render the pages change', () => {
    const before = planSearch(model, 'render');
    const after = planSearch(model, 'other render');
    expect(after.every((b, i) => b.key !== before[i]?.key)).toBe(true);
  });
});
