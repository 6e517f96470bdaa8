import type { DataPath } from '../content/yaml-source.ts';
import type { Entry } from '../content/entry.ts';
import { createStatusResolver } from '../domain/statuses.ts';
import { didYouMean } from '../errors/suggest.ts';
import { listStatusWords } from './check-shared-data.ts';
import type { ReferenceCheck } from './reference-check.ts';
import { groupBySet } from './shown-recommendations.ts';

/** Recommendations: numbers within their set, owners, statuses, and dated entries oldest first. */
export function checkRecommendations(check: ReferenceCheck): void {
  const { content, unchecked, report } = check;
  const bySet = groupBySet(content.recommendations);
  for (const set of content.sets) {
    const numbers = new Map<number, Entry<unknown>>();
    for (const rec of bySet.get(set.id) ?? []) checkInSet(rec, set, numbers, report);
  }
  for (const rec of content.recommendations) checkEntryOrder(rec, report);
  if (!unchecked.has('statuses')) for (const rec of content.recommendations) checkStatusWords(rec, check);
}

type RecommendationEntry = ReferenceCheck['content']['recommendations'][number];
type SetEntry = ReferenceCheck['content']['sets'][number];

/** A recommendation's number is its own in its set, its file's name and within the set's total; its owner is the set's. */
function checkInSet(
  rec: RecommendationEntry,
  set: SetEntry,
  numbers: Map<number, Entry<unknown>>,
  report: ReferenceCheck['report'],
): void {
  const n = rec.data.number;
  const other = numbers.get(n);
  if (other)
    report(
      rec,
      ['number'],
      'E_DUPLICATE_ID',
      `recommendation ${n} of \`${set.id}\` is also defined in ${other.file}`,
      'give each recommendation its own number, or delete the copy',
    );
  else numbers.set(n, rec);
  if (Number(rec.id.split('/')[1]) !== n)
    report(
      rec,
      ['number'],
      'E_FILE_NAME',
      `the file is named ${rec.file.split('/').pop()} but holds recommendation ${n}`,
      `rename it to ${String(n).padStart(2, '0')}.yaml`,
    );
  if (n > set.data.total)
    report(
      rec,
      ['number'],
      'E_SCHEMA',
      `recommendation ${n} is beyond the set’s total of ${set.data.total}`,
      `correct the number, or \`total\` in ${set.file}`,
    );
  if (!set.data.owners.includes(rec.data.owner))
    report(
      rec,
      ['owner'],
      'E_UNKNOWN_REF',
      `unknown owner \`${rec.data.owner}\``,
      didYouMean(
        rec.data.owner,
        set.data.owners,
        `write one of the owners listed in ${set.file}: ${set.data.owners.join(', ')}, or add this one there`,
      ),
    );
}

/** Entries are kept oldest first: the site takes the latest by date, `papers changes` the last written; the order makes them one. */
function checkEntryOrder(rec: RecommendationEntry, report: ReferenceCheck['report']): void {
  const checkOrder = (entries: ReadonlyArray<{ date: string }>, path: DataPath, what: string, plural: string) =>
    entries.forEach((entry, i) => {
      const previous = entries[i - 1];
      if (previous && entry.date < previous.date)
        report(
          rec,
          [...path, i, 'date'],
          'E_DATE',
          `this ${what} is dated ${entry.date}, before the one above it (${previous.date})`,
          `keep ${plural} oldest first: move it above that one, or correct its date`,
        );
    });
  checkOrder(rec.data.commentary, ['commentary'], 'commentary', 'commentaries');
  for (const [k, kp] of rec.data.key_points.entries())
    for (const [a, action] of kp.actions.entries())
      checkOrder(action.progress, ['key_points', k, 'actions', a, 'progress'], 'progress entry', 'progress entries');
}

/**
 * Every status word a recommendation file's progress entries give, read from
 * the file as it is: run on files that failed their schema too, so a pull
 * request learns of an unknown status in the same round as its other mistakes.
 */
export function checkStatusWords(rec: Entry<unknown>, { content, report }: ReferenceCheck): void {
  const resolveStatus = createStatusResolver(content.statuses.data);
  for (const [k, kp] of listOf(rec.data, 'key_points').entries())
    for (const [a, action] of listOf(kp, 'actions').entries())
      for (const [p, entry] of listOf(action, 'progress').entries()) {
        const status = (entry as { status?: unknown }).status;
        if (typeof status !== 'string' || resolveStatus(status)) continue;
        report(
          rec,
          ['key_points', k, 'actions', a, 'progress', p, 'status'],
          'E_UNKNOWN_STATUS',
          `unknown status \`${status}\``,
          didYouMean(
            status,
            listStatusWords(content.statuses.data).map((w) => w.word),
            `write one of the statuses of data/statuses.yaml: ${content.statuses.data.statuses.map((s) => s.id).join(', ')}`,
          ),
        );
      }
}

/** The list under `key` of a value read from YAML, whatever shape it has. */
function listOf(value: unknown, key: string): unknown[] {
  const list = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list : [];
}
