import { closest, distance } from 'fastest-levenshtein';

/** The nearest known word, when it is near enough to be a likely typo. */
export function suggestClosest(word: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(word, [...known]);
  const limit = Math.max(2, Math.floor(word.length / 3));
  return distance(word, best) <= limit ? best : undefined;
}

export function didYouMean(word: string, known: readonly string[], fallback: string): string {
  const best = suggestClosest(word, known);
  return best === undefined ? fallback : `did you mean \`${best}\`?`;
}
