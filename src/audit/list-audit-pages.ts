import type { SiteModel } from '../model/types.ts';

/** A page to check, and what kind of page it is. */
export interface AuditPage {
  type: string;
  url: string;
}

/** The pages every site has, one of each. */
const SINGLE_PAGES: ReadonlyArray<[string, string]> = [
  ['home', '/'],
  ['committees', '/committees/'],
  ['tracker', '/recommendations/'],
  ['boroughs', '/boroughs/'],
  ['glossary', '/glossary/'],
  ['changes', '/changes/'],
  ['open data', '/data/'],
  ['accessibility statement', '/accessibility/'],
  ['privacy', '/privacy/'],
  ['contact', '/contact/'],
  ['not found', '/404.html'],
];

/**
 * The pages `papers audit` checks: every page that is one of its kind, and of
 * each kind of page made per item (reports, meetings, minutes, recommendations…)
 * the first, the last and evenly spaced ones between, `perType` in all.
 */
export function listAuditPages(model: SiteModel, perType: number): AuditPage[] {
  const lists: ReadonlyArray<[string, ReadonlyArray<{ url: string }>]> = [
    ['committee', model.committeePages.map((c) => c.committee)],
    ['year', model.yearPages],
    ['meeting', model.meetings],
    ['report', model.reports],
    ['minutes', model.minutes],
    ['recommendation set', model.sets],
    ['filtered set', model.trackerPages.map((t) => t.page)],
    ['recommendation', model.trackedRecommendations.map((t) => t.recommendation)],
    ['dashboard', model.sets.map((s) => s.dashboard)],
    ['borough', model.boroughs],
    ['borough map', model.boroughOverview.maps],
  ];
  const searchWord = model.reports[0]?.title.split(/\s+/).find((word) => word.length > 4);
  return [
    ...SINGLE_PAGES.map(([type, url]) => ({ type, url })),
    ...(searchWord ? [{ type: 'search', url: `/search/?q=${encodeURIComponent(searchWord)}` }] : []),
    ...lists.flatMap(([type, items]) => spread(items, perType).map((item) => ({ type, url: item.url }))),
  ];
}

/** Up to `count` items: the first, the last, and evenly spaced ones between. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return items.slice(0, count);
  const step = (items.length - 1) / (count - 1);
  return [...new Set(Array.from({ length: count }, (_, i) => items[Math.round(i * step)] as T))];
}
