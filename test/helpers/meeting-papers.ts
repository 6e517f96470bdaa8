import { appendFile, cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { editFile, REPO_ROOT } from './project.ts';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/exempt');
export const EXEMPT_REPORT = 'exempt/reports/2005/2005-12-08-x-ppr-12-exempt.md';

/**
 * Into a copy of the example project: a Part 2 on the agenda of 8 December 2005 with an
 * exempt report, minutes of that meeting with an exempt minute item and decisions, and a
 * set with an exempt recommendation, and a set exempt as a whole shown by the exempt report,
 * each exempt file under exempt/. Every field of what is
 * exempt carries MARKERWORD.
 */
export async function addExemptPapers(root: string): Promise<void> {
  await mkdir(path.join(root, 'exempt/reports/2005'), { recursive: true });
  await cp(path.join(FIXTURE, 'exempt-report.md'), path.join(root, EXEMPT_REPORT));
  await mkdir(path.join(root, 'content/recommendations/exempt-set'));
  await mkdir(path.join(root, 'exempt/recommendations/exempt-set'), { recursive: true });
  await cp(path.join(FIXTURE, 'set-index.yaml'), path.join(root, 'content/recommendations/exempt-set/index.yaml'));
  await cp(path.join(FIXTURE, '01.yaml'), path.join(root, 'exempt/recommendations/exempt-set/01.yaml'));
  await cp(path.join(FIXTURE, '02.yaml'), path.join(root, 'content/recommendations/exempt-set/02.yaml'));
  const wholeSet = 'exempt/recommendations/whole-exempt-set';
  await mkdir(path.join(root, wholeSet), { recursive: true });
  await cp(path.join(FIXTURE, 'whole-set-index.yaml'), path.join(root, wholeSet, 'index.yaml'));
  await cp(path.join(FIXTURE, 'whole-set-01.yaml'), path.join(root, wholeSet, '01.yaml'));
  await mkdir(path.join(root, 'content/minutes/x-ppr'), { recursive: true });
  await cp(path.join(FIXTURE, 'minutes.md'), path.join(root, 'content/minutes/x-ppr/2005-12-08.md'));
  await mkdir(path.join(root, 'exempt/minutes/x-ppr'), { recursive: true });
  await cp(path.join(FIXTURE, 'exempt-minutes.md'), path.join(root, 'exempt/minutes/x-ppr/2005-12-08.md'));
  const meeting = 'content/meetings/x-ppr/2005-12-08.yaml';
  await editFile(root, meeting, 'agenda:\n', 'agenda:\n  - kind: standing\n    title: Apologies for absence\n');
  await appendFile(
    path.join(root, meeting),
    [
      '  - kind: exclusion',
      'part_2:',
      '  - report: 2005-12-08-x-ppr-12-exempt',
      '    number: 1',
      '    exempt: 3',
      '    title: Legal advice on a claim',
      '    text: Item text MARKERWORD',
      '',
    ].join('\n'),
  );
}
