/** What a view of a set names: the set, and optionally one owner and some numbers. */
export interface ViewSelection {
  set: string;
  owner?: string | undefined;
  numbers?: readonly number[] | undefined;
}

/**
 * The recommendations a view shows: those of its set, of its owner if it names
 * one, and among its numbers if it lists them. One rule for the tables a report
 * prints, the facts that cite them and the check that nothing exempt is shown.
 */
export function selectShown<T extends { id: string; data: { owner: string; number: number } }>(
  view: ViewSelection,
  recommendations: readonly T[],
): T[] {
  return (groupBySet(recommendations).get(view.set) ?? []).filter(
    (r) =>
      (view.owner === undefined || r.data.owner === view.owner) &&
      (view.numbers === undefined || view.numbers.includes(r.data.number)),
  );
}

/** Each list of recommendations by set (the folder its id begins with), made once: every view of every report looks in one set. */
const BY_SET = new WeakMap<readonly unknown[], Map<string, unknown[]>>();

export function groupBySet<T extends { id: string }>(recommendations: readonly T[]): Map<string, T[]> {
  const known = BY_SET.get(recommendations);
  if (known) return known as Map<string, T[]>;
  const bySet = new Map<string, T[]>();
  for (const r of recommendations) {
    const set = r.id.slice(0, r.id.lastIndexOf('/'));
    const list = bySet.get(set);
    if (list) list.push(r);
    else bySet.set(set, [r]);
  }
  BY_SET.set(recommendations, bySet);
  return bySet;
}
