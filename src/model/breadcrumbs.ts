import type { Link } from './types.ts';

/**
 * The trail of links above each page ("You are in: Home › Committees › …"),
 * ending at the page's parent: the page itself is named by its own title.
 */
const HOME: Link = { label: 'Home', href: '/' };

/** Above a page of the top level: the glossary, search, the list of all committees or boroughs. */
export function crumbsToTop(): Link[] {
  return [HOME];
}

/** Above the committees' pages, and, given one, that committee's. */
export function crumbsToCommittees(committee?: { name: string; url: string }): Link[] {
  return [
    HOME,
    { label: 'Committees', href: '/committees/' },
    ...(committee ? [{ label: committee.name, href: committee.url }] : []),
  ];
}

/** Above a meeting's papers (a report, minutes): the committee, the year, the meeting. */
export function crumbsToMeeting(committee: { name: string; url: string }, year: Link, meeting: Link): Link[] {
  return [...crumbsToCommittees(committee), year, meeting];
}

/** Above the tracker's pages, and, given one, that recommendation set's. */
export function crumbsToRecommendations(set?: Link): Link[] {
  return [HOME, { label: 'Recommendations', href: '/recommendations/' }, ...(set ? [set] : [])];
}

/** Above a borough's page or a map. */
export function crumbsToBoroughs(): Link[] {
  return [HOME, { label: 'Boroughs', href: '/boroughs/' }];
}
