import { type BuiltMemo, createBuiltMemo } from '../util/keep-built.ts';
import type { BuiltMinutes } from './build-minutes.ts';
import { createReportMemo, type ReportMemo } from './report-memo.ts';
import type { Borough, CommitteePage, Meeting, RecommendationSet, YearPage } from './types.ts';

/**
 * What one model keeps between the builds of a process that builds again and
 * again (the preview): each report, minutes, set, meeting, year, committee and borough
 * page, kept while everything it is made from is the very same object. A kept
 * item is never changed, so `planRender` keeps its fingerprint too.
 */
export interface ModelMemory {
  reports: ReportMemo;
  minutes: BuiltMemo<BuiltMinutes>;
  sets: BuiltMemo<RecommendationSet>;
  meetings: BuiltMemo<Meeting>;
  yearPages: BuiltMemo<YearPage>;
  committeePages: BuiltMemo<CommitteePage>;
  boroughs: BuiltMemo<Borough>;
}

export function createModelMemory(): ModelMemory {
  return {
    reports: createReportMemo(),
    minutes: createBuiltMemo(),
    sets: createBuiltMemo(),
    meetings: createBuiltMemo(),
    yearPages: createBuiltMemo(),
    committeePages: createBuiltMemo(),
    boroughs: createBuiltMemo(),
  };
}
