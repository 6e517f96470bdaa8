import type { Entry } from '../content/entry.ts';
import type { ContentProblem } from '../errors/content-problem.ts';
import { didYouMean } from '../errors/suggest.ts';
import { keepBuilt } from '../util/keep-built.ts';
import { checkViewReferences } from './check-view-references.ts';
import { checkReportName } from './check-report-name.ts';
import {
  createReporter,
  describeCommitteeFix,
  isKnown,
  meetingOfReport,
  type ReferenceCheck,
  type Reporter,
} from './reference-check.ts';

/** Reports: committee, meeting and its agenda, a number of their own, glossary terms, boroughs and the tables of their appendices. */
export function checkReports(check: ReferenceCheck): void {
  const { content, report } = check;
  const context = describeContext(check);
  const found = keepBuilt(
    content.reports,
    (rep) => rep.file,
    (rep) => listReportInputs(rep, context, check),
    (rep) => checkReport(rep, context, check),
    check.kept?.memory.reports,
  );
  for (const problems of found) check.problems.push(...problems);
  const reportKeys = new Map<string, Entry<unknown>>();
  for (const rep of content.reports) {
    const d = rep.data;
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
  }
}

/** What every report is checked against, made once for all of them. */
interface Context {
  committeeCodes: string[];
  committeeSet: ReadonlySet<string>;
  meetingsById: ReadonlyMap<string, MeetingEntry>;
  names: Names;
}

function describeContext({ content }: ReferenceCheck): Context {
  const committeeCodes = content.committees.data.committees.map((c) => c.code);
  const terms = content.glossary.data.terms.map((t) => t.term);
  const boroughIds = content.boroughs.map((b) => b.id);
  return {
    committeeCodes,
    committeeSet: new Set(committeeCodes),
    meetingsById: new Map(content.meetings.map((m) => [m.id, m])),
    names: { terms, termSet: new Set(terms), boroughIds, boroughSet: new Set(boroughIds) },
  };
}

/**
 * Everything a report's own checks read besides the report: the shared data,
 * its meeting, the boroughs, the files found, and the sets its appendices show.
 */
function listReportInputs(rep: ReportEntry, context: Context, check: ReferenceCheck): unknown[] {
  const { content, unchecked, kept } = check;
  const inputs: unknown[] = [
    rep,
    content.committees,
    content.glossary,
    unchecked.has('committees'),
    unchecked.has('glossary'),
    context.meetingsById.get(meetingOfReport(rep.data)),
    kept?.found,
    kept?.boroughs,
  ];
  for (const appendix of rep.data.appendices)
    if (appendix.recommendations) inputs.push(...(kept?.viewOf(appendix.recommendations.set) ?? []));
  return inputs;
}

/** One report's own checks: its problems, found apart from every other report's. */
function checkReport(rep: ReportEntry, context: Context, check: ReferenceCheck): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const own = { ...check, report: createReporter(problems), problems };
  const d = rep.data;
  if (!check.unchecked.has('committees') && !context.committeeSet.has(d.committee))
    own.report(
      rep,
      ['committee'],
      'E_UNKNOWN_REF',
      `unknown committee \`${d.committee}\``,
      didYouMean(d.committee, context.committeeCodes, describeCommitteeFix(d.committee, context.committeeCodes)),
    );
  checkAuthors(rep, d.authors, own.report);
  checkReportName(rep, own.report);
  checkOnAgenda(rep, context.meetingsById, own);
  checkNamedThings(rep, own, context.names);
  return problems;
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
