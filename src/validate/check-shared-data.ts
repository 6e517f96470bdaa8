import type { StatusesData } from '../schemas/shared-data.ts';
import { checkUnique, type ReferenceCheck } from './reference-check.ts';

/** Every id and alias of the statuses, with where it is written. */
export function listStatusWords(statuses: StatusesData): Array<{ word: string; path: Array<string | number> }> {
  return statuses.statuses.flatMap((s, i) => [
    { word: s.id, path: ['statuses', i, 'id'] },
    ...s.aliases.map((a, j) => ({ word: a, path: ['statuses', i, 'aliases', j] })),
  ]);
}

/** The shared data's own ids: committee codes, glossary terms, fact ids, status words and labels, each used once. */
export function checkSharedData({ content, report }: ReferenceCheck): void {
  checkUnique(
    content.committees,
    content.committees.data.committees.map((c) => c.code),
    ['committees'],
    'code',
    'committee code',
    report,
  );
  checkUnique(
    content.glossary,
    content.glossary.data.terms.map((t) => t.term),
    ['terms'],
    'term',
    'glossary term',
    report,
  );
  checkUnique(
    content.facts,
    content.facts.data.facts.map((f) => f.id),
    ['facts'],
    'id',
    'fact id',
    report,
  );
  const statusWords = listStatusWords(content.statuses.data);
  const seenWords = new Set<string>();
  for (const { word, path } of statusWords) {
    const key = word.toLowerCase();
    if (seenWords.has(key))
      report(
        content.statuses,
        path,
        'E_DUPLICATE_ID',
        `the status word \`${word}\` is used twice`,
        'each id and alias must name one status',
      );
    seenWords.add(key);
  }
  // Two statuses with one label would read as one on every page and filter.
  checkUnique(
    content.statuses,
    content.statuses.data.statuses.map((st) => st.label.toLowerCase()),
    ['statuses'],
    'label',
    'status label',
    report,
  );
}
