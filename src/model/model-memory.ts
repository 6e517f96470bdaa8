import { type BuiltMemo, createBuiltMemo } from './keep-built.ts';
import { createReportMemo, type ReportMemo } from './report-memo.ts';
import type { Borough, CommitteePage, Meeting, RecommendationSet, YearPage } from './types.ts';

/**
 * What one model keeps between the builds of a process that builds again and
 * again (the preview): each report, set, meeting, year, committee and borough
 * page, kept while everything it is made from is the very same object. A kept
 * item is never changed, so `planRender` keeps its fingerprint too.
 */
export interface ModelMemory {
  reports: ReportMemo;
  sets: BuiltMemo<RecommendationSet>;
  meetings: BuiltMemo<Meeting>;
  yearPages: BuiltMemo<YearPage>;
  committeePages: BuiltMemo<CommitteePage>;
  boroughs: BuiltMemo<Borough>;
}

export function createModelMemory(): ModelMemory {
  return {
    reports: createReportMemo(),
    sets: createBuiltMemo(),
    meetings: createBuiltMemo(),
    yearPages: createBuiltMemo(),
    committeePages: createBuiltMemo(),
    boroughs: createBuiltMemo(),
  };
}
