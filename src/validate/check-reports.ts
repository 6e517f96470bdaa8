import type { Entry } from '../content/entry.ts';
import { didYouMean } from '../errors/suggest.ts';
import { checkViewReferences } from './check-view-references.ts';
import { checkReportName } from './check-report-name.ts';
import {
  describeCommitteeFix,
  isKnown,
  meetingOfReport,
  type ReferenceCheck,
  type Reporter,
} from './reference-check.ts';

/** Reports: committee, meeting and its agenda, a number of their own, glossary terms, boroughs and the tables of their appendices. */
export function checkReports(check: ReferenceCheck): void {
  const { content, unchecked, report } = check;
  const committeeCodes = content.committees.data.committees.map((c) => c.code);
  const committeeSet = new Set(committeeCodes);
  const meetingsById = new Map(content.meetings.map((m) => [m.id, m]));
  const reportKeys = new Map<string, Entry<unknown>>();
  const terms = content.glossary.data.terms.map((t) => t.term);
  const boroughIds = content.boroughs.map((b) => b.id);
  const names = { terms, termSet: new Set(terms), boroughIds, boroughSet: new Set(boroughIds) };
  for (const rep of content.reports) {
    const d = rep.data;
    if (!unchecked.has('committees') && !committeeSet.has(d.committee))
      report(
        rep,
        ['committee'],
        'E_UNKNOWN_REF',
        `unknown committee \`${d.committee}\``,
        didYouMean(d.committee, committeeCodes, describeCommitteeFix(d.committee, committeeCodes)),
      );
    checkAuthors(rep, d.authors, report);
    checkReportName(rep, report);
    checkOnAgenda(rep, meetingsById, check);
    const key = `${meetingOfReport(d)}/${d.number}`;
    const other = reportKeys.get(key);
    if (other)
      report(
        rep,
        ['number'],
        'E_DUPLICATE_ID',
        `report ${d.number} of ${meetingOfReport(d)} is also ${other.file}`,
        'give each report of a meeting its own number',
      );
    else reportKeys.set(key, rep);
    checkNamedThings(rep, check, names);
  }
}

type ReportEntry = ReferenceCheck['content']['reports'][number];
type MeetingEntry = ReferenceCheck['content']['meetings'][number];

/** The report's meeting exists and lists it on its agenda. */
function checkOnAgenda(rep: ReportEntry, meetingsById: ReadonlyMap<string, MeetingEntry>, check: ReferenceCheck): void {
  const { report } = check;
  const meetingId = meetingOfReport(rep.data);
  const meeting = meetingsById.get(meetingId);
  if (!meeting && !check.known.has(`meeting:${meetingId}`)) {
    report(
      rep,
      ['date'],
      'E_UNKNOWN_REF',
      `there is no meeting file content/meetings/${meetingId}.yaml`,
      `create content/meetings/${meetingId}.yaml with this report on its agenda, or correct the committee and date`,
    );
  } else if (meeting && !isOnAgenda(meeting, rep.id)) {
    report(
      rep,
      ['number'],
      'E_UNKNOWN_REF',
      `the agenda of ${meeting.file} does not list this report`,
      rep.data.exempt === undefined
        ? `add \`- report: ${rep.id}\` to its agenda`
        : `add \`- report: ${rep.id}\` with its public \`title\` under \`part_2\``,
    );
  }
}

function isOnAgenda(meeting: MeetingEntry, id: string): boolean {
  const names = (item: { report?: string | undefined }) => item.report === id;
  return meeting.data.agenda.some(names) || meeting.data.part_2.some(names);
}

/** The glossary's terms and the boroughs' ids: as lists, for suggestions, and as sets, to look up. */
interface Names {
  terms: readonly string[];
  termSet: ReadonlySet<string>;
  boroughIds: readonly string[];
  boroughSet: ReadonlySet<string>;
}

/** The glossary terms, boroughs and recommendation sets the report names exist. */
function checkNamedThings(
  rep: ReportEntry,
  check: ReferenceCheck,
  { terms, termSet, boroughIds, boroughSet }: Names,
): void {
  const { content, unchecked, report } = check;
  const d = rep.data;
  d.abbreviations.forEach((term, i) => {
    if (!unchecked.has('glossary') && !termSet.has(term))
      report(
        rep,
        ['abbreviations', i],
        'E_UNKNOWN_REF',
        `\`${term}\` is not in the glossary`,
        didYouMean(term, terms, `add \`- term: ${term}\` with its \`expansion\` to data/glossary.yaml`),
      );
  });
  d.boroughs.forEach((slug, i) => {
    if (!isKnown(check, 'borough', slug, boroughSet))
      report(
        rep,
        ['boroughs', i],
        'E_UNKNOWN_REF',
        `no borough \`${slug}\``,
        didYouMean(slug, boroughIds, 'write a file name of data/boroughs without .yaml'),
      );
  });
  d.appendices.forEach((appendix, i) => {
    if (!appendix.recommendations) return;
    for (const problem of checkViewReferences(appendix.recommendations, content, d.exempt === undefined)) {
      report(
        rep,
        ['appendices', i, 'recommendations', ...problem.path],
        problem.exempt ? 'E_EXEMPT' : 'E_UNKNOWN_REF',
        problem.message,
        problem.hint,
      );
    }
  });
}

/**
 * `authors: [A and B, MPA.]` is two items to YAML: a comma inside a flow list
 * splits a name. An item that ends in "." or starts with a lower-case word is
 * most likely the tail of the item before it.
 */
function checkAuthors(rep: Entry<unknown>, authors: readonly string[] | undefined, report: Reporter): void {
  authors?.forEach((author, i) => {
    if (i === 0 || !(/\.$/.test(author.trim()) || /^[a-z]/.test(author.trim()))) return;
    const joined = `${authors[i - 1]}, ${author}`;
    report(
      rep,
      ['authors', i],
      'E_AUTHOR_SPLIT',
      `\`${author}\` looks like the end of the author before it, split at a comma`,
      `if it is one author, put it in quotes: - "${joined.replace(/"/g, '\\"')}"`,
      false,
      'warning',
    );
  });
}
