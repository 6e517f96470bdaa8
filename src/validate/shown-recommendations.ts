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
  return recommendations.filter(
    (r) =>
      r.id.startsWith(`${view.set}/`) &&
      (view.owner === undefined || r.data.owner === view.owner) &&
      (view.numbers === undefined || view.numbers.includes(r.data.number)),
  );
}
