import type { Content } from '../content/content.ts';
import { sameItems } from './report-memo.ts';
import type { RecommendationSet } from './types.ts';

type SetEntry = Content['sets'][number];

/** A set as built, and everything it was built from. */
interface KeptSet {
  from: readonly unknown[];
  built: RecommendationSet;
}

/**
 * Recommendation sets kept from one build to the next by a process that builds
 * again and again (the preview), as reports are (`ReportMemo`). A set is made
 * from its own file, its recommendations' files, the shared data and the reports
 * that show it; while each of those is the very same object, the set is the one
 * built before.
 */
export interface SetMemo {
  byId: Map<string, KeptSet>;
}

export function createSetMemo(): SetMemo {
  return { byId: new Map() };
}

/** Build each set, or take it from `memo` when nothing it is made from has changed. */
export function buildSets(
  sets: readonly SetEntry[],
  listInputs: (set: SetEntry) => readonly unknown[],
  build: (set: SetEntry) => RecommendationSet,
  memo?: SetMemo,
): RecommendationSet[] {
  if (!memo) return sets.map(build);
  const kept = new Map<string, KeptSet>();
  const built = sets.map((set) => {
    const from = listInputs(set);
    const known = memo.byId.get(set.id);
    const entry = known && sameItems(known.from, from) ? known : { from, built: build(set) };
    kept.set(set.id, entry);
    return entry.built;
  });
  memo.byId = kept;
  return built;
}
