import { addDays, formatDate } from '../domain/dates.ts';
import { fillUrlPattern } from '../domain/urls.ts';
import type { Content } from '../content/content.ts';
import type { CommitteesData } from '../schemas/shared-data.ts';
import { type BuiltMemo, keepBuilt } from '../util/keep-built.ts';
import { crumbsToCommittees } from './breadcrumbs.ts';
import { listFollowLinks } from './build-feeds.ts';
import type { Committee, CommitteePage, Meeting, YearPage } from './types.ts';

/** Each committee's page: its names over time and its years of meetings, newest first. */
export function buildCommitteePages(
  content: Pick<Content, 'site' | 'committees'>,
  committees: ReadonlyMap<string, Committee>,
  yearPages: readonly YearPage[],
  memo?: BuiltMemo<CommitteePage>,
): CommitteePage[] {
  const yearsOf = (code: string) => yearPages.filter((y) => y.committee.code === code);
  return keepBuilt(
    content.committees.data.committees,
    (c) => c.code,
    (c) => [content.site, c, ...yearsOf(c.code)],
    (c) => {
      const committee = committees.get(c.code)!;
      return {
        committee,
        names: describeNames(c),
        breadcrumb: crumbsToCommittees(),
        years: yearsOf(c.code),
        follow: listFollowLinks(committee.url, committee.name, true),
      };
    },
    memo,
  );
}

/** A page per committee and year with its meetings, newest first; kept in `memo` while its meetings are the same. */
export function buildYearPages(
  committees: readonly Committee[],
  meetings: readonly Meeting[],
  pattern: string,
  memo?: BuiltMemo<YearPage>,
): YearPage[] {
  const byCommittee = new Map<string, Map<string, Meeting[]>>();
  for (const m of meetings) {
    const years = byCommittee.get(m.committee.code) ?? new Map<string, Meeting[]>();
    byCommittee.set(m.committee.code, years);
    const year = m.date.slice(0, 4);
    const inYear = years.get(year);
    if (inYear) inYear.push(m);
    else years.set(year, [m]);
  }
  const groups = committees.flatMap((committee) => {
    const years = byCommittee.get(committee.code) ?? new Map<string, Meeting[]>();
    return [...years.keys()]
      .sort()
      .reverse()
      .map((year) => ({ code: committee.code, year, meetings: (years.get(year) ?? []).sort(newestFirst) }));
  });
  return keepBuilt(
    groups,
    (g) => `${g.code}/${g.year}`,
    (g) => [pattern, ...g.meetings],
    ({ code, year, meetings: inYear }) => {
      // A year is headed with the name of its latest meeting: a committee renamed that year is named as it ended the year.
      const named = inYear[0]!.committee;
      return {
        committee: named,
        year,
        url: fillUrlPattern(pattern, { committee: code, date: `${year}-01-01` }),
        meetings: inYear,
        pageTitle: `${named.name}, ${year}`,
        breadcrumb: crumbsToCommittees(named),
      };
    },
    memo,
  );
}

const newestFirst = (a: Meeting, b: Meeting) => b.date.localeCompare(a.date);

/** "Planning, Performance & Review Committee (PPR), until 4 May 2006": each name a committee has had, oldest first. */
function describeNames(c: CommitteesData['committees'][number]): string[] {
  if (c.renamed.length === 0) return [];
  const names = [
    { from: undefined as string | undefined, name: c.name, short_name: c.short_name },
    ...[...c.renamed].sort((a, b) => a.from.localeCompare(b.from)),
  ];
  return names.map((n, i) => {
    const next = names[i + 1];
    const label = `${n.name}${n.short_name ? ` (${n.short_name})` : ''}`;
    if (n.from === undefined) return `${label}, until ${formatDate(addDays(next?.from ?? '', -1))}`;
    return next
      ? `${label}, ${formatDate(n.from)} to ${formatDate(addDays(next.from ?? '', -1))}`
      : `${label}, from ${formatDate(n.from)}`;
  });
}
