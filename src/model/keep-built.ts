/** Something built, and everything it was built from. */
interface Kept<T> {
  from: readonly unknown[];
  built: T;
}

/**
 * What a process that builds again and again (the preview) keeps from one
 * build to the next: each thing built (a set, a meeting, a borough's page) by
 * its key, with everything it was built from. While each of those is the very
 * same object, the thing is the one built before, and is never changed.
 */
export interface BuiltMemo<T> {
  byKey: Map<string, Kept<T>>;
}

export function createBuiltMemo<T>(): BuiltMemo<T> {
  return { byKey: new Map() };
}

/**
 * Build each item, or take it from `memo` when everything it is made from
 * (`listInputs`) is the very same as when it was built. `listInputs` is given
 * the thing built, for what only that tells (the sets a report shows): the one
 * kept, to compare, and a new one, to keep. The memo then holds only what this
 * build made or kept.
 */
export function keepBuilt<I, T>(
  items: readonly I[],
  keyOf: (item: I) => string,
  listInputs: (item: I, built: T) => readonly unknown[],
  build: (item: I) => T,
  memo?: BuiltMemo<T>,
): T[] {
  if (!memo) return items.map(build);
  const kept = new Map<string, Kept<T>>();
  const built = items.map((item) => {
    const key = keyOf(item);
    const known = memo.byKey.get(key);
    if (known && sameItems(known.from, listInputs(item, known.built))) {
      kept.set(key, known);
      return known.built;
    }
    const fresh = build(item);
    kept.set(key, { from: listInputs(item, fresh), built: fresh });
    return fresh;
  });
  memo.byKey = kept;
  return built;
}

/** Whether two lists of what something was made from hold the very same objects, in order. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
