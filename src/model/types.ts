/** The view model: everything templates show, prepared so that templates stay dumb. */
import type { Committee } from '../domain/committee-names.ts';
import type { ExemptNote, NotForPublication } from '../meetings/describe-exempt.ts';

export interface Link {
  label: string;
  href: string;
}

export interface SiteInfo {
  title: string;
  body: string;
  bodyShort: string;
  /** The absolute address of the site's root, ending in `/`. */
  baseUrl: string;
  /** The path every page's links start with: `/`, or such as `/repo/`. */
  basePath: string;
  language: string;
  bannerHtml?: string;
  feedbackEmail?: string;
  licence?: { name: string; url: string };
}

export type { Committee, ExemptNote, NotForPublication };

export interface StatusInfo {
  id: string;
  label: string;
  colour: string;
  closed: boolean;
}

export interface TableRow {
  /** The cells after the key point: the action, then its result, or its owner and target. */
  cells: Array<{ html: string; status?: string }>;
}

export interface KeyPointRows {
  html: string;
  rows: TableRow[];
}

/** One recommendation as a report shows it, as at the view's date. */
export interface RecommendationTable {
  number: number;
  id: string;
  heading: string;
  /** The recommendation's own page on the tracker. */
  url: string;
  textHtml: string;
  caption: string;
  /** "Recommendation 33: <text>" as a full-width first row, in place of the heading above the table. */
  headingRowHtml?: string;
  columns: string[];
  keyPoints: KeyPointRows[];
  commentaryHtml?: string;
}

/** A view of a recommendation set placed in a report: an appendix, or a block in a section. */
export interface RecommendationView {
  kind: 'progress' | 'plan' | 'list';
  set: string;
  owner?: string;
  asAt: string;
  asAtLabel: string;
  headingRows: boolean;
  columns: string[];
  tables: RecommendationTable[];
  /** For a list: each recommendation's text. */
  items: Array<{ number: number; id: string; textHtml: string }>;
}

/** A piece of a section or appendix: Markdown's HTML, or a view of recommendations. */
export type Part = { html: string; view?: undefined } | { view: RecommendationView; html?: undefined };

export interface Appendix {
  number: number;
  id: string;
  heading: string;
  title?: string;
  parts: Part[];
}

export interface Section {
  letter: string;
  title: string;
  id: string;
  parts: Part[];
}

export interface Report {
  id: string;
  file: string;
  url: string;
  committee: Committee;
  meetingUrl: string;
  /** The meeting's date: agendas, packs and URLs. */
  date: string;
  dateLabel: string;
  /** The date the report bears ("Date:"): its own, or the meeting's. */
  reportDate: string;
  reportDateLabel: string;
  number: number;
  title: string;
  by: string;
  /** The opening line; absent for a report that has none. */
  descriptionLine?: string;
  summaryHtml: string;
  recommendations: {
    letter: string;
    heading: string;
    id: string;
    leadHtml?: string;
    style: 'numbered' | 'bulleted' | 'paragraphs';
    itemsHtml: string[];
  };
  sections: Section[];
  backgroundPapers?: { letter: string; id: string; itemsHtml: string[]; saysNone: boolean };
  contact?: {
    letter: string;
    id: string;
    authorsLabel?: string;
    authors: string[];
    heading?: string;
    contacts: Array<{ label: string; value: string }>;
  };
  /** Every view of a recommendation set the report shows, in order: for the tracker. */
  views: RecommendationView[];
  appendicesNewPage: boolean;
  abbreviations: Array<{ term: string; expansion: string }>;
  appendices: Appendix[];
  contents: Link[];
  breadcrumb: Link[];
  shareHref: string;
  feedbackHref?: string;
  boroughs: string[];
  /** The report's PDF, beside its page. */
  pdfUrl: string;
  /** Running footer of the printed report. */
  printFooter: string;
  /** An exempt report, which only members read: said at its head and on every printed page. */
  notForPublication?: NotForPublication;
  supportingMaterial: Link[];
}

export type AgendaKind = 'standing' | 'minutes' | 'report' | 'oral' | 'urgent' | 'exclusion' | 'item';

export interface AgendaItem {
  number: number;
  title: string;
  /** Anchor of the item in the pack, and the name of its pages there. */
  id: string;
  /** The running header of the item's pages in the pack: "Agenda item 6: <title>". */
  runningHead: string;
  part: 1 | 2;
  kind: AgendaKind;
  textHtml?: string;
  report?: Report;
  /** The minutes this item confirms: they go into the pack. */
  minutes?: Minutes;
  exempt?: ExemptNote;
  /** The item prints exempt papers (members' pack only): said on each of its pages. */
  notForPublication?: NotForPublication;
}

/** "Part 1: items to be considered while the press and public are present", and Part 2 after their exclusion. */
export interface AgendaPart {
  part: 1 | 2;
  heading: string;
  lead: string;
  items: AgendaItem[];
  /** Said after the part's items: that the press and public must leave. */
  after?: string;
}

export interface MinuteItem {
  number: number;
  id: string;
  title: string;
  /** "(Agenda item 3)". */
  agendaLabel: string;
  html: string;
  exempt?: ExemptNote;
}

/** A meeting's minutes: attendance, then numbered minute items tied to the agenda. */
export interface Minutes {
  id: string;
  /** "Minutes: Committee, 8 December 2005": the page's and the PDF's title. */
  pageTitle: string;
  url: string;
  pdfUrl: string;
  meetingUrl: string;
  committee: Committee;
  date: string;
  dateLabel: string;
  /** "Minutes of the … held on … at …". */
  opening: string;
  draft: boolean;
  members: string[];
  also: string[];
  officers: Array<{ organisation: string; people: string[] }>;
  apologies: string[];
  items: MinuteItem[];
  breadcrumb: Link[];
  printFooter: string;
  /** The minutes hold the text of exempt items (members' papers only). */
  notForPublication?: NotForPublication;
  file: string;
}

/** A decision of a minute item that names recommendations or a set. */
export interface Decision {
  date: string;
  dateLabel: string;
  committee: string;
  minute: number;
  minuteTitle: string;
  /** The minute item on the minutes' page. */
  url: string;
  action: 'agreed' | 'noted' | 'closed';
  /** "RESOLVED" or "Resolved", as the minutes write it. */
  word: 'RESOLVED' | 'Resolved';
  targets: string[];
  /** The decision's words, "That …", as plain text. */
  text: string;
}

export interface Meeting {
  id: string;
  committee: Committee;
  date: string;
  dateLabel: string;
  url: string;
  time?: string;
  venue?: string;
  contact?: string;
  /** Every item, Part 1 then Part 2. */
  agenda: AgendaItem[];
  parts: AgendaPart[];
  minutes?: Minutes;
  /** Has the meeting papers (reports, minutes) to print into a pack? */
  hasPack: boolean;
  /** The pack holds exempt papers (members' pack only): said on its cover and every page. */
  packNotice?: NotForPublication;
  /** The committee pack: one HTML document printed into one PDF (once, its agenda's pages foretold from its reports' page counts; again if they foretold wrongly). */
  packUrl: string;
  packPdfUrl: string;
  /** "Committee, 8 December 2005": the meeting page's title. */
  pageTitle: string;
  /** "Committee, 8 December 2005: committee pack": the pack's title, footer and PDF title. */
  packTitle: string;
  breadcrumb: Link[];
}

export interface YearPage {
  committee: Committee;
  year: string;
  url: string;
  meetings: Meeting[];
  /** "Committee, 2005". */
  pageTitle: string;
  breadcrumb: Link[];
}

export interface CommitteePage {
  committee: Committee;
  breadcrumb: Link[];
  /** Each name the committee has had, with its dates; empty when it was never renamed. */
  names: string[];
  years: YearPage[];
}

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
  /** The home page's latest meetings and reports, newest first (ten of each). */
  latestMeetings: Link[];
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
}

export interface BoroughFact {
  fact: string;
  label: string;
  valueLabel: string;
  heldFromLabel: string;
  source: Link;
}

export interface Borough {
  slug: string;
  name: string;
  shortName: string;
  url: string;
  facts: BoroughFact[];
  reports: Link[];
  breadcrumb: Link[];
}

export interface TileMap {
  fact: string;
  label: string;
  url: string;
  width: number;
  height: number;
  tiles: Array<{
    x: number;
    y: number;
    label: string;
    name: string;
    valueLabel: string;
    fill: string;
    text: string;
    href: string;
  }>;
  legend: Array<{ label: string; fill: string; count: number }>;
  /** The tiles by borough name: what each code stands for, and its value. */
  key: TileMap['tiles'];
  /** The maps of the other kinds of fact. */
  others: Array<{ label: string; href: string }>;
  /** "Map: <fact>". */
  pageTitle: string;
  breadcrumb: Link[];
}

export interface BoroughOverview {
  url: string;
  factColumns: Array<{ id: string; label: string }>;
  rows: Array<{ borough: Borough; values: string[] }>;
  maps: TileMap[];
}

/** An open-data file as the open data page lists it. */
export interface DataFileInfo {
  url: string;
  title: string;
  description: string;
}

/** An open-data file: what it holds, which the render stage writes in its format. */
export type DataFile = DataFileInfo &
  (
    | { format: 'json'; data: unknown }
    | { format: 'csv'; header: string[]; rows: Array<Array<string | number | boolean>> }
  );

export interface TimelineEntry {
  date: string;
  dateLabel: string;
  status: StatusInfo;
  resultHtml: string;
  /** The reports that printed this entry. */
  reports: Link[];
}

export interface TrackedRecommendation {
  setId: string;
  number: number;
  url: string;
  heading: string;
  /** The recommendation's text as plain words, shortened: what a link to it says. */
  summary: string;
  owner: string;
  textHtml: string;
  status?: StatusInfo;
  statusDate?: string;
  keyPoints: Array<{
    html: string;
    actions: Array<{ html: string; target?: ActionTarget; timeline: TimelineEntry[] }>;
  }>;
  commentary: Array<{ dateLabel: string; html: string }>;
  /** Decisions of committees that named this recommendation or its set, oldest first. */
  decisions: Decision[];
}

export interface ActionTarget {
  originalLabel: string;
  revisions: Array<{ dateLabel: string; reasonHtml: string; decidedLabel?: string }>;
  currentLabel: string;
  /** Days the current target lies after the original: slippage, flagged on the page. */
  slippedDays: number;
}

export interface FilterPage {
  url: string;
  heading: string;
  recommendations: TrackedRecommendation[];
}

export interface DashboardRow {
  date: string;
  dateLabel: string;
  report: Link;
  counts: number[];
}

export interface RecommendationSet {
  id: string;
  url: string;
  title: string;
  madeBy: string;
  publishedLabel: string;
  total: number;
  descriptionHtml?: string;
  recommendations: TrackedRecommendation[];
  statusFilters: Array<Link & { count: number }>;
  ownerFilters: Array<Link & { count: number }>;
  filterPages: FilterPage[];
  dashboard: {
    url: string;
    statuses: StatusInfo[];
    rows: DashboardRow[];
    chart: StatusChart;
    pageTitle: string;
    breadcrumb: Link[];
  };
  breadcrumb: Link[];
}

/** A stacked bar per report date; geometry is worked out here so the template only draws it. */
export interface StatusChart {
  width: number;
  height: number;
  bars: Array<{
    y: number;
    label: string;
    total: number;
    segments: Array<{ x: number; width: number; fill: string; title: string }>;
  }>;
  legend: Array<{ x: number; label: string; fill: string }>;
  summary: string;
}
