/** The view model: everything templates show, prepared so that templates stay dumb. */
import type { Committee } from '../domain/committee-names.ts';
import type { ExemptNote, NotForPublication } from '../meetings/describe-exempt.ts';
import type { PublicPages } from './public-page-types.ts';
import type { CalendarFile, Feed } from './feed-types.ts';
import type { CommitteePage, Decision, Meeting, Minutes, YearPage } from './meeting-types.ts';
import type { Link, Report, SiteInfo, StatusInfo } from './report-types.ts';
import type {
  Borough,
  BoroughOverview,
  DataFile,
  FilterPage,
  RecommendationSet,
  TrackedRecommendation,
} from './tracker-types.ts';

export type { Committee, ExemptNote, NotForPublication };
export type * from './public-page-types.ts';
export type * from './feed-types.ts';
export type * from './meeting-types.ts';
export type * from './report-types.ts';
export type * from './tracker-types.ts';

export interface SiteModel {
  nav: Link[];
  committeePages: CommitteePage[];
  yearPages: YearPage[];
  sets: RecommendationSet[];
  /** Flat lists for pagination: each item names its set without holding it, so data has no cycles. */
  trackerPages: Array<{
    set: Link;
    page: FilterPage;
    statusFilters: Array<Link & { count: number }>;
    ownerFilters: Array<Link & { count: number }>;
    pageTitle: string;
    breadcrumb: Link[];
  }>;
  trackedRecommendations: Array<{
    set: Link;
    recommendation: TrackedRecommendation;
    pageTitle: string;
    breadcrumb: Link[];
  }>;
  /** The home page's latest meetings and reports, newest first (ten of each); a meeting's date lets the page show those still to come as the next meetings. */
  latestMeetings: Array<Link & { date: string }>;
  latestReports: Array<Link & { note: string }>;
  /** Every status of data/statuses.yaml, in its order: the open data's vocabulary. */
  statuses: StatusInfo[];
  /** The trail above the pages of the top level (lists of all committees, sets or boroughs, the glossary, search, open data, changes). */
  topBreadcrumb: Link[];
  boroughs: Borough[];
  boroughOverview: BoroughOverview;
  glossary: Array<{ term: string; expansion: string; description?: string }>;
  dataFiles: DataFile[];
  /** Every page of the site but the packs (which are printed, not read): the sitemap's entries. */
  sitemapUrls: string[];
  /** "Changes since the last meeting", worked out from the dates in the content. */
  changesPage: { heading: string; html: string };
  site: SiteInfo;
  contacts: { heading: string; contacts: Array<{ label: string; value: string }> };
  committees: Committee[];
  meetings: Meeting[];
  reports: Report[];
  minutes: Minutes[];
  decisions: Decision[];
  /** The Atom feed of each committee, set and recommendation. */
  feeds: Feed[];
  /** The iCalendar of each committee's meetings. */
  calendars: CalendarFile[];
  /** The contact page, the accessibility statement and the privacy page. */
  publicPages: PublicPages;
}
