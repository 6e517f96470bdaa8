import type { PagedLists } from './plan-render.ts';

/** Items per Eleventy run: enough that a run's start-up cost is small, few enough to bound its memory. */
export const RENDER_BATCH = 800;

/**
 * What an item weighs in a batch: a page, and a meeting's pack as many pages
 * again as it holds reports and minutes whole (Eleventy keeps each pack's HTML,
 * ten reports long, until its run ends: 800 packs took 2 GB at 20,000 reports).
 */
export function weighItem(list: keyof PagedLists, item: unknown): number {
  if (list !== 'meetings') return 1;
  return 1 + (item as PagedLists['meetings'][number]).agenda.filter((a) => a.report || a.minutes).length;
}

type Item = [keyof PagedLists, unknown];

/**
 * The lists cut into batches of at most `size` pages' weight in all (a group
 * heavier alone is a batch); always at least one batch. A meeting and the
 * reports its pack holds go in one batch.
 */
export function splitLists(lists: PagedLists, size: number): PagedLists[] {
  const batches: PagedLists[] = [];
  let current: Record<string, unknown[]> = {};
  let count = 0;
  const names = Object.keys(lists) as Array<keyof PagedLists>;
  const start = () => {
    current = Object.fromEntries(names.map((name) => [name, []]));
    batches.push(current as unknown as PagedLists);
    count = 0;
  };
  start();
  for (const group of groupItems(lists)) {
    const weight = group.reduce((n, [name, item]) => n + weighItem(name, item), 0);
    if (count > 0 && count + weight > size) start();
    for (const [name, item] of group) current[name]?.push(item);
    count += weight;
  }
  return batches;
}

/**
 * Every item, in groups rendered together: each meeting with the reports its
 * pack holds, so that a report's Markdown, rendered for its own page, is still
 * kept (`report-parts.ts`) when its pack asks for it; then every other item alone.
 */
function groupItems(lists: PagedLists): Item[][] {
  const reports = new Set<unknown>(lists.reports);
  const groups: Item[][] = [];
  for (const meeting of lists.meetings) {
    const held = meeting.agenda.flatMap(({ report }): Item[] =>
      report && reports.delete(report) ? [['reports', report]] : [],
    );
    groups.push([...held, ['meetings', meeting]]);
  }
  for (const name of Object.keys(lists) as Array<keyof PagedLists>) {
    if (name === 'meetings') continue;
    const items: readonly unknown[] = name === 'reports' ? [...reports] : lists[name];
    for (const item of items) groups.push([[name, item]]);
  }
  return groups;
}
