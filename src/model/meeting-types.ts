/** The view model of meetings: agendas in their parts, minutes, decisions, committee and year pages. */
import type { Committee } from '../domain/committee-names.ts';
import type { ItemNumber } from '../domain/item-numbers.ts';
import type { ExemptNote, NotForPublication } from '../meetings/describe-exempt.ts';
import type { FollowLink, Link, Report } from './report-types.ts';

export type AgendaKind = 'standing' | 'minutes' | 'report' | 'oral' | 'urgent' | 'exclusion' | 'item';

export interface AgendaItem {
  /** 6, or 6a for an item added under item 6. */
  number: ItemNumber;
  /** How the agenda's list numbers it: its `value`, or for a lettered item ("6a."), a marker of its own. */
  numbering: { value: number } | { marker: string };
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
  /** Its feed and calendar. */
  follow: FollowLink[];
}
