import { addDays, formatDate } from '../domain/dates.ts';
import { fillUrlPattern } from '../domain/urls.ts';
import type { CommitteesData } from '../schemas/shared-data.ts';
import { crumbsToCommittees } from './breadcrumbs.ts';
import { listFollowLinks } from './build-feeds.ts';
import type { Committee, CommitteePage, Meeting, YearPage } from './types.ts';

/** Each committee's page: its names over time and its years of meetings, newest first. */
export function buildCommitteePages(
  data: CommitteesData,
  committees: ReadonlyMap<string, Committee>,
  yearPages: readonly YearPage[],
): CommitteePage[] {
  return data.committees.map((c) => {
    const committee = committees.get(c.code)!;
    return {
      committee,
      names: describeNames(c),
      breadcrumb: crumbsToCommittees(),
      years: yearPages.filter((y) => y.committee.code === c.code),
      follow: listFollowLinks(committee.url, committee.name, true),
    };
  });
}

/** A page per committee and year with its meetings, newest first. */
export function buildYearPages(
  committees: readonly Committee[],
  meetings: readonly Meeting[],
  pattern: string,
): YearPage[] {
  return committees.flatMap((committee) => {
    const years = [
      ...new Set(meetings.filter((m) => m.committee.code === committee.code).map((m) => m.date.slice(0, 4))),
    ]
      .sort()
      .reverse();
    return years.map((year) => {
      const inYear = meetings
        .filter((m) => m.committee.code === committee.code && m.date.startsWith(year))
        .sort((a, b) => b.date.localeCompare(a.date));
      // A year is headed with the name of its latest meeting: a committee renamed that year is named as it ended the year.
      const named = inYear[0]?.committee ?? committee;
      return {
        committee: named,
        year,
        url: fillUrlPattern(pattern, { committee: committee.code, date: `${year}-01-01` }),
        meetings: inYear,
        pageTitle: `${named.name}, ${year}`,
        breadcrumb: crumbsToCommittees(named),
      };
    });
  });
}

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
