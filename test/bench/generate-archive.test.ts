import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('the synthetic archive of the benchmark', () => {
  it('is valid content of the requested size, with a 20-report meeting for the pack', async () => {
    const root = await makeTempDir('archive');
    const { packMeeting } = await generateArchive(root, {
      reports: 45,
      committees: 3,
      sets: 2,
      recommendations: 5,
      entries: 6,
    });
    const result = await checkProject(root, { today: '2003-01-01' });
    expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
    expect(result.model?.reports).toHaveLength(45);
    const generated = result.model?.sets.filter((s) => s.id.startsWith('set-')) ?? [];
    expect(generated.map((s) => s.recommendations.length)).toEqual([5, 5]);
    expect(result.model?.meetings.find((m) => m.id === packMeeting)?.agenda).toHaveLength(20);
    const rec = generated[0]?.recommendations[0];
    expect(rec?.keyPoints.flatMap((k) => k.actions.flatMap((a) => a.timeline))).toHaveLength(6);
  });
});
