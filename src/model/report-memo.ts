import type { Content } from '../content/content.ts';
import { buildReport } from './build-report.ts';
import { type BuiltMemo, createBuiltMemo, keepBuilt } from '../util/keep-built.ts';
import type { ReportContext } from './report-context.ts';
import type { Report } from './types.ts';

type ReportEntry = Content['reports'][number];

/**
 * Reports kept from one build to the next by a process that builds again and
 * again (the preview). A report is made from its own file, the shared data and
 * the recommendation sets it shows; while the loader and the checks hand back
 * the very same objects for each of those, the report is the one built before.
 */
export interface ReportMemo {
  reports: BuiltMemo<Report>;
  /** An object for each set that stays the same while the set's file and its recommendations' files do. */
  sets: BuiltMemo<object>;
}

export function createReportMemo(): ReportMemo {
  return { reports: createBuiltMemo(), sets: createBuiltMemo() };
}

/** Build each report, or take it from `memo` when nothing it is made from has changed. */
export function buildReports(entries: readonly ReportEntry[], ctx: ReportContext, memo?: ReportMemo): Report[] {
  if (!memo) return entries.map((entry) => buildReport(entry, ctx));
  const sets = markSets(ctx, memo);
  return keepBuilt(
    entries,
    (entry) => entry.id,
    (entry, report) => listInputs(entry, ctx, listShownSets(report), sets),
    (entry) => buildReport(entry, ctx),
    memo.reports,
  );
}

/** The sets a report shows, by id, worked out once for each report built. */
const SHOWN_SETS = new WeakMap<Report, readonly string[]>();

function listShownSets(report: Report): readonly string[] {
  let shown = SHOWN_SETS.get(report);
  if (!shown) {
    shown = [...new Set(report.views.map((v) => v.set))];
    SHOWN_SETS.set(report, shown);
  }
  return shown;
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
