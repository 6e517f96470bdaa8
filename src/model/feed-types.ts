/** The view model of what can be followed: feeds and calendars. */
import type { Meeting } from './meeting-types.ts';

/** One thing to follow: a new paper, a status reported, or a decision. */
export interface FeedEntry {
  /** Unique in its feed, and the same on every build. */
  id: string;
  title: string;
  url: string;
  date: string;
  /** What the entry says: HTML, escaped again as the Atom format asks. */
  summaryHtml: string;
  author?: string;
}

/** What the open-data page says of a feed. */
export interface FeedInfo {
  url: string;
  title: string;
  /** The page the feed follows. */
  pageUrl: string;
}

/**
 * An Atom feed of one page's news: a committee, a recommendation set or one
 * recommendation. Its entries are listed when it is written, not when the model
 * is built: a check or a preview never makes them.
 */
export interface Feed extends FeedInfo {
  /** Its entries, newest first. */
  listEntries(): FeedEntry[];
}

/** An iCalendar of one committee's meetings. */
export interface CalendarFile {
  url: string;
  title: string;
  meetings: Meeting[];
}
