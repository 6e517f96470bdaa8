/**
 * The entry in force on a date: the latest dated on or before it (the last
 * written wins a tie). A report shows the position as at its own date, so
 * adding a later entry never changes what an earlier report said.
 */
export function pickAsAt<T extends { date: string }>(entries: readonly T[], asAt: string): T | undefined {
  let best: T | undefined;
  for (const entry of entries) {
    if (entry.date <= asAt && (best === undefined || entry.date >= best.date)) best = entry;
  }
  return best;
}
