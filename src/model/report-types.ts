/** The view model of a report: its sections, appendices and recommendation tables. */
import type { ItemNumber } from '../domain/item-numbers.ts';
import type { Committee } from '../domain/committee-names.ts';
import type { NotForPublication } from '../meetings/describe-exempt.ts';

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
  /** The table's caption; none when the view says `caption: false`. */
  caption?: string;
  /** The id of what names the table: its caption, else its heading row, else the heading above it. */
  labelId: string;
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
  /** The agenda item number: 6, or 6a. */
  number: ItemNumber;
  title: string;
  by: string;
  /** The opening line; absent for a report that has none. */
  descriptionLine?: string;
  summaryHtml: string;
  /** Section A; absent for a report that makes no recommendation, whose sections are lettered from A. */
  recommendations?: {
    letter: string;
    heading: string;
    id: string;
    leadHtml?: string;
    style: 'numbered' | 'bulleted' | 'paragraphs';
    itemsHtml: string[];
  };
  sections: Section[];
  /** A digest of the Markdown the sections' and appendices' parts are made from: they are made only when a page asks. */
  readonly textKey: string;
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

/** What a page offers to follow: its feed (and a committee's calendar), for the page's head and its text. */
export interface FollowLink {
  href: string;
  label: string;
  type: 'application/atom+xml' | 'text/calendar';
}
