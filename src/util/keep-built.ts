/** Something built, and everything it was built from. */
interface Kept<T> {
  from: readonly unknown[];
  built: T;
  /** The call of keepBuilt that last built or kept it. */
  turn: number;
}

/**
 * What a process that builds again and again (the preview) keeps from one
 * build to the next: each thing built (a set, a meeting, a borough's page) by
 * its key, with everything it was built from. While each of those is the very
 * same object, the thing is the one built before, and is never changed.
 */
export interface BuiltMemo<T> {
  byKey: Map<string, Kept<T>>;
  turn: number;
}

export function createBuiltMemo<T>(): BuiltMemo<T> {
  return { byKey: new Map(), turn: 0 };
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
  // The memo is changed in place, not made anew: at 20,000 reports a new map of them costs more than the comparing.
  const turn = ++memo.turn;
  const built = items.map((item) => {
    const key = keyOf(item);
    const known = memo.byKey.get(key);
    // A key met twice in one call (a mistake the checks report) is built again the second time.
    if (known && known.turn !== turn && sameItems(known.from, listInputs(item, known.built))) {
      known.turn = turn;
      return known.built;
    }
    const fresh = build(item);
    memo.byKey.set(key, { from: listInputs(item, fresh), built: fresh, turn });
    return fresh;
  });
  if (memo.byKey.size > items.length)
    for (const [key, kept] of memo.byKey) if (kept.turn !== turn) memo.byKey.delete(key);
  return built;
}

/** Whether two lists of what something was made from hold the very same objects, in order. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
