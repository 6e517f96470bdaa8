import type { Content } from '../content/content.ts';
import { buildReport } from './build-report.ts';
import { type BuiltMemo, createBuiltMemo, keepBuilt, sameItems } from './keep-built.ts';
import type { ReportContext } from './report-context.ts';
import type { Report } from './types.ts';

type ReportEntry = Content['reports'][number];

/** A report as built, and the checked entries it was built from. */
interface KeptReport {
  from: readonly unknown[];
  built: Report;
  /** The sets it shows, by id. */
  shown: readonly string[];
}

/**
 * Reports kept from one build to the next by a process that builds again and
 * again (the preview). A report is made from its own file, the shared data and
 * the recommendation sets it shows; while the loader and the checks hand back
 * the very same objects for each of those, the report is the one built before.
 */
export interface ReportMemo {
  byId: Map<string, KeptReport>;
  /** An object for each set that stays the same while the set's file and its recommendations' files do. */
  sets: BuiltMemo<object>;
}

export function createReportMemo(): ReportMemo {
  return { byId: new Map(), sets: createBuiltMemo() };
}

/** Build each report, or take it from `memo` when nothing it is made from has changed. */
export function buildReports(entries: readonly ReportEntry[], ctx: ReportContext, memo?: ReportMemo): Report[] {
  if (!memo) return entries.map((entry) => buildReport(entry, ctx));
  const kept = new Map<string, KeptReport>();
  const sets = markSets(ctx, memo);
  const built = entries.map((entry) => {
    const known = memo.byId.get(entry.id);
    if (known && sameItems(known.from, listInputs(entry, ctx, known.shown, sets))) {
      kept.set(entry.id, known);
      return known.built;
    }
    const fresh = buildReport(entry, ctx);
    const shown = [...new Set(fresh.views.map((v) => v.set))];
    kept.set(entry.id, { from: listInputs(entry, ctx, shown, sets), built: fresh, shown });
    return fresh;
  });
  memo.byId = kept;
  return built;
}

/**
 * For each set, an object that is the same while the set's file and each of
 * its recommendations' files are: a report compares one object for each set it
 * shows, not every recommendation of it.
 */
function markSets(ctx: ReportContext, memo: ReportMemo): Map<string, object> {
  const { sets } = ctx.content;
  const marks = keepBuilt(
    sets,
    (set) => set.id,
    (set) => [set, ...(ctx.recommendationsBySet.get(set.id) ?? [])],
    () => ({}),
    memo.sets,
  );
  return new Map(sets.map((set, i) => [set.id, marks[i]!]));
}

/** Everything a report is made from: its entry, the shared data, and each set it shows with that set's recommendations. */
function listInputs(
  entry: ReportEntry,
  ctx: ReportContext,
  shown: readonly string[],
  sets: ReadonlyMap<string, object>,
): unknown[] {
  const { content } = ctx;
  const inputs: unknown[] = [
    entry,
    content.site,
    content.committees,
    content.contacts,
    content.glossary,
    content.statuses,
  ];
  for (const set of shown) inputs.push(set, sets.get(set));
  return inputs;
}
