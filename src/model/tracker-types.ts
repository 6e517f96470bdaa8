/** The view model of the tracker, the boroughs and the open data. */
import type { Decision } from './meeting-types.ts';
import type { FollowLink, Link, StatusInfo } from './report-types.ts';

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

/** What an open-data file holds, which the render stage writes in its format. */
export type DataFileContent =
  | { format: 'json'; data: unknown }
  | { format: 'csv'; header: string[]; rows: Array<Array<string | number | boolean>> };

/**
 * An open-data file: made when it is written, not when the model is built, so
 * a check or a preview never makes its rows, and a build holds one file's at a time.
 */
export type DataFile = DataFileInfo & { make(): DataFileContent };

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
  /** Its feed. */
  follow: FollowLink[];
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
  /** Its feed. */
  follow: FollowLink[];
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
