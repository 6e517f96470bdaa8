import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../src/errors/content-problem.ts';
import { checkProject, createCheckMemory } from '../../src/pipeline/check-project.ts';
import { copyExampleProject, editFile, REPORT_2004, REPORT_2005 } from '../helpers/project.ts';

const TODAY = { today: '2026-01-01' };
const MEETING_2005 = 'content/meetings/x-ppr/2005-12-08.yaml';
const ID_2005 = '2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships';

function describeProblems(errors: readonly ContentProblem[]): string[] {
  return errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.code} ${e.message}`).sort();
}

describe('a check that remembers what each report was found to hold', () => {
  it('finds after each edit what a check from nothing finds, also in the reports the edit did not touch', async () => {
    const root = await copyExampleProject();
    const memory = createCheckMemory();
    const again = async () => describeProblems((await checkProject(root, { ...TODAY, memory })).errors);
    const fresh = async () => describeProblems((await checkProject(root, TODAY)).errors);
    const edit = async (file: string, find: string, replace: string) => {
      await editFile(root, file, find, replace);
      memory.files.changed.add(file);
    };
    expect(await again()).toEqual([]);
    // Each edit is to a file other than the report; the report's own problem must still be found.
    const steps: Array<[string, string, string, string]> = [
      // Its meeting no longer lists it.
      [MEETING_2005, `- report: ${ID_2005}`, '- report: 2005-12-08-x-ppr-07-missing', 'does not list this report'],
      [MEETING_2005, '- report: 2005-12-08-x-ppr-07-missing', `- report: ${ID_2005}`, ''],
      // A term it uses leaves the glossary.
      ['data/glossary.yaml', '- term: IPLDP', '- term: IPLDPX', '`IPLDP` is not in the glossary'],
      ['data/glossary.yaml', '- term: IPLDPX', '- term: IPLDP', ''],
      // The set its appendix shows no longer has the owner it names.
      [
        'content/recommendations/cdrp-scrutiny-2003/index.yaml',
        'owners: [MPS, MPA]',
        'owners: [MPA]',
        '`MPS` is not an owner',
      ],
      ['content/recommendations/cdrp-scrutiny-2003/index.yaml', 'owners: [MPA]', 'owners: [MPS, MPA]', ''],
    ];
    for (const [file, find, replace, expected] of steps) {
      await edit(file, find, replace);
      const found = await again();
      expect(found).toEqual(await fresh());
      if (expected)
        expect(
          found.some((p) => p.startsWith(REPORT_2005) && p.includes(expected)),
          expected,
        ).toBe(true);
      else expect(found).toEqual([]);
    }
    // A borough it names is deleted.
    await rm(path.join(root, 'data/boroughs/havering.yaml'));
    memory.files.changed.add('data/boroughs/havering.yaml');
    const found = await again();
    expect(found).toEqual(await fresh());
    expect(found.some((p) => p.startsWith(REPORT_2005) && p.includes('no borough `havering`'))).toBe(true);
  });

  it('keeps what it found of a report that nothing it names has changed', async () => {
    const root = await copyExampleProject();
    const memory = createCheckMemory();
    await checkProject(root, { ...TODAY, memory });
    const keptOf = (file: string) => [
      memory.references.reports.byKey.get(file)?.built,
      memory.references.bodies.byKey.get(file)?.built,
    ];
    const before = keptOf(REPORT_2005);
    const other = keptOf(REPORT_2004);
    expect(before.every((list) => Array.isArray(list))).toBe(true);
    await editFile(root, REPORT_2004, 'Most boroughs have', 'Most boroughs now have');
    memory.files.changed.add(REPORT_2004);
    await checkProject(root, { ...TODAY, memory });
    // The same lists, not lists found again; the edited report's are found again.
    expect(keptOf(REPORT_2005)[0]).toBe(before[0]);
    expect(keptOf(REPORT_2005)[1]).toBe(before[1]);
    expect(keptOf(REPORT_2004)[0]).not.toBe(other[0]);
    expect(keptOf(REPORT_2004)[1]).not.toBe(other[1]);
  });
});
