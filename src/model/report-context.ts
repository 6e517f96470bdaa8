import type { StatusResolver } from '../domain/statuses.ts';
import type MarkdownIt from 'markdown-it';
import type { Content } from '../content/content.ts';
import type { Entry } from '../content/entry.ts';
import type { CommitteeLookup } from '../domain/committee-names.ts';
import type { RecommendationData } from '../schemas/recommendation.ts';
import type { ReportData } from '../schemas/report.ts';
import type { SiteInfo } from './types.ts';

/** What every report is built with: the content, the site, committee names, Markdown, statuses and each set's recommendations. */
export interface ReportContext {
  content: Content;
  site: SiteInfo;
  committeeAt: CommitteeLookup;
  md: MarkdownIt;
  resolveStatus: StatusResolver;
  recommendationsBySet: ReadonlyMap<string, ReadonlyArray<Entry<RecommendationData>>>;
}

export type ReportEntry = Entry<ReportData>;
