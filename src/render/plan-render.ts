import { createHash } from 'node:crypto';
import type { SiteModel } from '../model/types.ts';

/** The lists of the model with a page (or two) per item, which the templates paginate over. */
export type PagedLists = Pick<
  SiteModel,
  | 'reports'
  | 'minutes'
  | 'meetings'
  | 'trackedRecommendations'
  | 'trackerPages'
  | 'yearPages'
  | 'committeePages'
  | 'boroughs'
>;

/** An item with pages: its URLs, and what else its fingerprint stands for (see PAGED). */
interface PagedItem {
  item: object;
  urls: string[];
  within?: object;
}

/**
 * The page-per-item lists of the site, and the URLs each item's pages have.
 * A paginated template sees only its item and the shared data (site, nav,
 * contacts), never the rest of the model (a test holds the templates to
 * this), so a page whose item and shared data are unchanged is unchanged.
 * A list comes after the lists whose items its items hold (reports and minutes before
 * meetings, meetings before years, years before committees, recommendations before
 * the filter pages that list them); `within` names what else an item's fingerprint
 * stands for where a later item holds it (a tracked recommendation's own data).
 */
const PAGED: { [K in keyof PagedLists]: (m: SiteModel) => PagedItem[] } = {
  reports: (m: SiteModel) => m.reports.map((r) => ({ item: r, urls: [r.url] })),
  minutes: (m: SiteModel) => m.minutes.map((minutes) => ({ item: minutes, urls: [minutes.url] })),
  meetings: (m: SiteModel) => m.meetings.map((meeting) => ({ item: meeting, urls: [meeting.url, meeting.packUrl] })),
  trackedRecommendations: (m: SiteModel) =>
    m.trackedRecommendations.map((r) => ({ item: r, urls: [r.recommendation.url], within: r.recommendation })),
  trackerPages: (m: SiteModel) => m.trackerPages.map((t) => ({ item: t, urls: [t.page.url] })),
  yearPages: (m: SiteModel) => m.yearPages.map((y) => ({ item: y, urls: [y.url] })),
  committeePages: (m: SiteModel) => m.committeePages.map((c) => ({ item: c, urls: [c.committee.url] })),
  boroughs: (m: SiteModel) => m.boroughs.map((b) => ({ item: b, urls: [b.url] })),
};

const FIRST_LIST = Object.keys(PAGED)[0];

/** What a build rendered: each page's URL and the fingerprint of everything it was made from. */
export interface PageManifest {
  version: 1;
  pages: Record<string, string>;
  /** Each file that is not a page (feeds, calendars, open data): the fingerprint of its bytes. */
  texts?: Record<string, string>;
}

export interface RenderPlan {
  /** The items whose pages must be rendered; the templates paginate over these. */
  lists: PagedLists;
  /** URLs of pages that are unchanged since the previous build: copied, not rendered. */
  reuse: string[];
  manifest: PageManifest;
}

/**
 * Fingerprints of the items of the lists, by the item itself. An item is never
 * changed once built, and a process that builds again and again (the preview)
 * keeps each as the same object while what it is made from is unchanged
 * (`ModelMemory`): its fingerprint need not be worked out again. A kept item is
 * made from the same objects, so what stands in it for an earlier list's item
 * is the same too.
 */
const FINGERPRINTS = new WeakMap<object, { sharedKey: string; fingerprint: string }>();

function fingerprintOnce(item: object, sharedKey: string, work: (item: object) => string): string {
  const known = FINGERPRINTS.get(item);
  if (known?.sharedKey === sharedKey) return known.fingerprint;
  const fingerprint = work(item);
  FINGERPRINTS.set(item, { sharedKey, fingerprint });
  return fingerprint;
}

/** Whether every one of an item's pages had `fingerprint` in the previous build. */
function isUnchanged(urls: readonly string[], fingerprint: string, previous: PageManifest | undefined): boolean {
  if (!previous) return false;
  for (const url of urls) if (previous.pages[url] !== fingerprint) return false;
  return true;
}

/**
 * Decide which pages to render. `renderHash` covers the templates and the code
 * that renders them; with no previous manifest every page is rendered.
 */
export function planRender(model: SiteModel, renderHash: string, previous?: PageManifest): RenderPlan {
  const sharedJson = JSON.stringify({ site: model.site, nav: model.nav, contacts: model.contacts });
  const shared = createHash('sha256').update(renderHash).update(sharedJson);
  // A digest, not the shared JSON itself: compared for every kept item of every plan.
  const sharedKey = shared.copy().digest('hex');
  const pages: Record<string, string> = {};
  const reuse: string[] = [];
  const lists: Record<string, unknown[]> = {};
  // An item of an earlier list that a later item holds (a report in a meeting's agenda, a meeting in
  // a year) stands in that item's JSON as its fingerprint, so it is written out and hashed once.
  const fingerprints = new Map<unknown, string>();
  const replaceKnown = (key: string, value: unknown) =>
    key !== '' && typeof value === 'object' && value !== null ? (fingerprints.get(value) ?? value) : value;
  // The first list's items are written whole: no earlier list's items can stand in them.
  for (const [name, listItems] of Object.entries(PAGED)) {
    const keep: unknown[] = [];
    const work = (item: object) =>
      shared
        .copy()
        .update(name)
        .update(name === FIRST_LIST ? JSON.stringify(item) : JSON.stringify(item, replaceKnown))
        .digest('hex');
    for (const { item, urls, within } of listItems(model)) {
      const fingerprint = fingerprintOnce(item, sharedKey, work);
      fingerprints.set(item, fingerprint);
      if (within) fingerprints.set(within, fingerprint);
      for (const url of urls) pages[url] = fingerprint;
      if (isUnchanged(urls, fingerprint, previous)) reuse.push(...urls);
      else keep.push(item);
    }
    lists[name] = keep;
  }
  return { lists: lists as PagedLists, reuse, manifest: { version: 1, pages } };
}
