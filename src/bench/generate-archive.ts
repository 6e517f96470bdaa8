import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { PACKAGE_ROOT } from '../render/render-site.ts';
import { addDays } from '../domain/dates.ts';

export interface ArchiveSize {
  reports: number;
  committees: number;
  sets: number;
  recommendations: number;
  /** Progress entries per recommendation. */
  entries: number;
}

export const DEFAULT_SIZE: ArchiveSize = { reports: 2000, committees: 10, sets: 10, recommendations: 35, entries: 6 };

/** Reports per meeting; the first meeting has 20, for timing a full committee pack. */
const ITEMS_PER_MEETING = 10;
const PACK_ITEMS = 20;
/** Reports of the example content, counted in the archive's size. */
const EXAMPLE_REPORTS = 2;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A synthetic archive of the example's shape at any size: committees meeting
 * monthly, reports with the 2004 report's body, recommendation sets with dated
 * progress, some reports declaring a set's table. The shared data is the example's.
 */
export async function generateArchive(
  root: string,
  size: ArchiveSize,
): Promise<{ meetings: number; packMeeting: string }> {
  // The example content is part of the archive: its boroughs' facts cite its reports.
  await cp(path.join(PACKAGE_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  await cp(path.join(PACKAGE_ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  const committees = Array.from({ length: size.committees }, (_, i) => ({
    code: `c${pad(i + 1)}`,
    name: `Committee ${i + 1}`,
  }));
  await writeFile(
    path.join(root, 'data/committees.yaml'),
    stringify({ committees: [{ code: 'x-ppr', name: 'Planning, Performance & Review Committee' }, ...committees] }),
  );
  const seed = await readFile(
    path.join(PACKAGE_ROOT, 'content/reports/2004/2004-11-04-x-ppr-06-cdrp-borough-performance.md'),
    'utf8',
  );
  const body = seed.slice(seed.indexOf('\n---\n', 4) + 5);
  const boroughs = ['camden', 'greenwich', 'havering', 'barnet', 'hackney', 'croydon'];

  await writeSets(root, size);

  let written = EXAMPLE_REPORTS;
  let meetingIndex = 0;
  let packMeeting = '';
  while (written < size.reports) {
    const committee = committees[meetingIndex % committees.length] ?? committees[0];
    if (!committee) break;
    const date = addDays(
      '2003-01-15',
      Math.floor(meetingIndex / committees.length) * 28 + (meetingIndex % committees.length),
    );
    const items = meetingIndex === 0 ? PACK_ITEMS : Math.min(ITEMS_PER_MEETING, size.reports - written);
    const ids: string[] = [];
    for (let n = 1; n <= items; n++) {
      const id = `${date}-${committee.code}-${pad(n)}-report-${written + 1}`;
      ids.push(id);
      const set = meetingIndex % size.sets;
      const front = {
        committee: committee.code,
        date,
        number: n,
        title: `Report ${written + 1} on partnership performance`,
        by: 'Commissioner',
        description: `reports on partnership performance (report ${written + 1} of the archive).`,
        summary: `This report summarises partnership performance for ${committee.name}.`,
        recommendations: { lead: 'That', items: ['the report be noted;', 'progress be reported in six months.'] },
        numbered_sections: ['Supporting information', 'Race and equality impact', 'Financial implications'],
        authors: ['A. Author'],
        boroughs: [boroughs[written % boroughs.length]],
        appendices: n === 1 ? [{ recommendations: { set: `set-${pad(set + 1)}`, owner: 'MPS' } }] : [],
      };
      await mkdir(path.join(root, 'content/reports', date.slice(0, 4)), { recursive: true });
      await writeFile(
        path.join(root, 'content/reports', date.slice(0, 4), `${id}.md`),
        `---\n${stringify(front)}---\n${body}`,
      );
    }
    await mkdir(path.join(root, 'content/meetings', committee.code), { recursive: true });
    await writeFile(
      path.join(root, 'content/meetings', committee.code, `${date}.yaml`),
      stringify({ time: '14:00', venue: 'Committee Room 1', agenda: ids.map((report) => ({ report })) }),
    );
    if (meetingIndex === 0) packMeeting = `${committee.code}/${date}`;
    written += items;
    meetingIndex++;
  }
  return { meetings: meetingIndex, packMeeting };
}

/** The recommendation sets, each with its recommendations. */
async function writeSets(root: string, size: ArchiveSize): Promise<void> {
  for (let s = 0; s < size.sets; s++) {
    const dir = path.join(root, 'content/recommendations', `set-${pad(s + 1)}`);
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'index.yaml'),
      stringify({
        title: `Scrutiny ${s + 1}`,
        made_by: 'Scrutiny Panel',
        published: '2003-01',
        total: size.recommendations,
        owners: ['MPS', 'MPA'],
      }),
    );
    for (let r = 1; r <= size.recommendations; r++)
      await writeFile(path.join(dir, `${pad(r)}.yaml`), stringify(describeRecommendation(s, r, size)));
  }
}

/** Recommendation r of set s, with dated progress on two actions. */
function describeRecommendation(s: number, r: number, size: ArchiveSize) {
  const progress = (offset: number) =>
    Array.from({ length: Math.ceil(size.entries / 2) }, (_, e) => ({
      date: addDays('2003-03-01', (e * 2 + offset) * 150 + r * 3 + s),
      status:
        ['not-started', 'awaits', 'ongoing', 'ongoing', 'completed', 'completed'][Math.min(5, e * 2 + offset)] ??
        'ongoing',
      result: `Position ${e * 2 + offset + 1} of recommendation ${r}: work continues with the boroughs and partners as planned.`,
    }));
  return {
    number: r,
    owner: 'MPS',
    text: `Recommendation ${r} of scrutiny ${s + 1}: the MPS should develop and maintain arrangements with its partners, and report on them.`,
    key_points: [
      {
        text: 'Arrangements with partners',
        actions: [
          { text: 'Agree the arrangements', progress: progress(0) },
          { text: 'Report on them', progress: progress(1).slice(0, Math.floor(size.entries / 2)) },
        ],
      },
    ],
  };
}
