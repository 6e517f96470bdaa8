import { locatePath, type DataPath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem, type ErrorCode, type Severity } from '../errors/content-problem.ts';
import { checkViewReferences } from './check-view-references.ts';
import { checkMeetingPapers } from './check-meeting-papers.ts';
import { didYouMean } from '../errors/suggest.ts';
import { isRealDate, SLUG_PATTERN } from '../schemas/common.ts';
import type { Checked, Content } from '../content/content.ts';
import { createStatusResolver } from '../domain/statuses.ts';

/**
 * Every reference between files: statuses, owners, sets, reports, meetings,
 * committees, glossary terms, boroughs and fact kinds; and every id that must be unique.
 * `known` holds `kind:id` of every file that was read, even one that failed its schema.
 */
export function checkReferences(
  content: Content,
  known: ReadonlySet<string>,
  unchecked: ReadonlySet<string> = new Set(),
): ContentProblem[] {
  const errors: ContentProblem[] = [];
  const report: Reporter = (entry, path, code, message, hint, key = false, severity = 'error') =>
    errors.push(createProblem(locatePath(entry.source, path, { key }), code, message, hint, severity));

  const committeeCodes = content.committees.data.committees.map((c) => c.code);
  const reportIds = content.reports.map((r) => r.id);
  const boroughIds = content.boroughs.map((b) => b.id);
  const exists = (kind: string, id: string, list: readonly string[]) => list.includes(id) || known.has(`${kind}:${id}`);

  checkUnique(
    content.committees,
    content.committees.data.committees.map((c) => c.code),
    ['committees'],
    'code',
    'committee code',
    report,
  );
  checkUnique(
    content.glossary,
    content.glossary.data.terms.map((t) => t.term),
    ['terms'],
    'term',
    'glossary term',
    report,
  );
  checkUnique(
    content.facts,
    content.facts.data.facts.map((f) => f.id),
    ['facts'],
    'id',
    'fact id',
    report,
  );
  const statusWords = content.statuses.data.statuses.flatMap((s, i) => [
    { word: s.id, path: ['statuses', i, 'id'] },
    ...s.aliases.map((a, j) => ({ word: a, path: ['statuses', i, 'aliases', j] })),
  ]);
  const seenWords = new Set<string>();
  for (const { word, path } of statusWords) {
    const key = word.toLowerCase();
    if (seenWords.has(key))
      report(
        content.statuses,
        path,
        'E_DUPLICATE_ID',
        `the status word \`${word}\` is used twice`,
        'each id and alias must name one status',
      );
    seenWords.add(key);
  }
  const resolveStatus = createStatusResolver(content.statuses.data);
  // Two statuses with one label would read as one on every page and filter.
  checkUnique(
    content.statuses,
    content.statuses.data.statuses.map((st) => st.label.toLowerCase()),
    ['statuses'],
    'label',
    'status label',
    report,
  );
  for (const set of content.sets) {
    if (!SLUG_PATTERN.test(set.id))
      report(
        set,
        [],
        'E_FILE_NAME',
        `the folder name \`${set.id}\` cannot be part of a web address`,
        'rename the folder with lower-case letters, digits and single hyphens, such as `drugs-scrutiny-2007`',
      );
    // Owners become filter pages (`owner/mps/`): two that differ only in case or punctuation would share one.
    const owners = new Map<string, string>();
    set.data.owners.forEach((owner, i) => {
      const key = owner.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const other = owners.get(key);
      if (other !== undefined)
        report(
          set,
          ['owners', i],
          'E_DUPLICATE_ID',
          `the owner \`${owner}\` is \`${other}\` written another way`,
          `keep one of them, and write it the same way in every recommendation of the set`,
        );
      else owners.set(key, owner);
    });
  }
  for (const borough of content.boroughs) {
    if (!SLUG_PATTERN.test(borough.id))
      report(
        borough,
        [],
        'E_FILE_NAME',
        `the file name \`${borough.id}.yaml\` cannot be part of a web address`,
        'rename the file with lower-case letters, digits and single hyphens, such as `new-town.yaml`',
      );
  }

  for (const set of content.sets) {
    const numbers = new Map<number, Checked<unknown>>();
    for (const rec of content.recommendations.filter((r) => r.id.startsWith(`${set.id}/`))) {
      const n = rec.data.number;
      const other = numbers.get(n);
      if (other)
        report(
          rec,
          ['number'],
          'E_DUPLICATE_ID',
          `recommendation ${n} of \`${set.id}\` is also defined in ${other.file}`,
          'give each recommendation its own number, or delete the copy',
        );
      else numbers.set(n, rec);
      if (Number(rec.id.split('/')[1]) !== n)
        report(
          rec,
          ['number'],
          'E_FILE_NAME',
          `the file is named ${rec.file.split('/').pop()} but holds recommendation ${n}`,
          `rename it to ${String(n).padStart(2, '0')}.yaml`,
        );
      if (n > set.data.total)
        report(
          rec,
          ['number'],
          'E_SCHEMA',
          `recommendation ${n} is beyond the set’s total of ${set.data.total}`,
          `correct the number, or \`total\` in ${set.file}`,
        );
      if (!set.data.owners.includes(rec.data.owner))
        report(
          rec,
          ['owner'],
          'E_UNKNOWN_REF',
          `unknown owner \`${rec.data.owner}\``,
          didYouMean(
            rec.data.owner,
            set.data.owners,
            `write one of the owners listed in ${set.file}: ${set.data.owners.join(', ')}, or add this one there`,
          ),
        );
    }
  }
  for (const rec of content.recommendations) {
    // Entries are kept oldest first: the site takes the latest by date, `papers changes` the last written; the order makes them one.
    const checkOrder = (entries: ReadonlyArray<{ date: string }>, path: DataPath, what: string, plural: string) =>
      entries.forEach((entry, i) => {
        const previous = entries[i - 1];
        if (previous && entry.date < previous.date)
          report(
            rec,
            [...path, i, 'date'],
            'E_DATE',
            `this ${what} is dated ${entry.date}, before the one above it (${previous.date})`,
            `keep ${plural} oldest first: move it above that one, or correct its date`,
          );
      });
    checkOrder(rec.data.commentary, ['commentary'], 'commentary', 'commentaries');
    for (const [k, kp] of rec.data.key_points.entries()) {
      for (const [a, action] of kp.actions.entries()) {
        checkOrder(action.progress, ['key_points', k, 'actions', a, 'progress'], 'progress entry', 'progress entries');
        for (const [p, entry] of action.progress.entries()) {
          if (!unchecked.has('statuses') && !resolveStatus(entry.status)) {
            report(
              rec,
              ['key_points', k, 'actions', a, 'progress', p, 'status'],
              'E_UNKNOWN_STATUS',
              `unknown status \`${entry.status}\``,
              didYouMean(
                entry.status,
                statusWords.map((w) => w.word),
                `write one of the statuses of data/statuses.yaml: ${content.statuses.data.statuses.map((s) => s.id).join(', ')}`,
              ),
            );
          }
        }
      }
    }
  }

  const reportsById = new Map(content.reports.map((r) => [r.id, r]));
  const meetingsById = new Map(content.meetings.map((m) => [m.id, m]));
  for (const meeting of content.meetings) {
    const [committee, date] = meeting.id.split('/') as [string, string];
    if (!unchecked.has('committees') && !committeeCodes.includes(committee))
      report(
        meeting,
        [],
        'E_UNKNOWN_REF',
        `the folder names the committee \`${committee}\`, which is not in data/committees.yaml`,
        didYouMean(committee, committeeCodes, addCommitteeHint(committee, committeeCodes)),
      );
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date))
      report(
        meeting,
        [],
        'E_FILE_NAME',
        `the file name \`${date}\` is not a meeting date`,
        'name a meeting file after its date, as YYYY-MM-DD.yaml',
      );
    for (const field of ['agenda', 'part_2'] as const) {
      meeting.data[field].forEach((item, i) => {
        if (item.report === undefined) return;
        const target = reportsById.get(item.report);
        if (!target && !exists('report', item.report, reportIds))
          report(
            meeting,
            [field, i, 'report'],
            'E_UNKNOWN_REF',
            `no report \`${item.report}\``,
            didYouMean(item.report, reportIds, 'write the report’s file name under content/reports without .md'),
          );
        if (target && meetingIdOf(target.data) !== meeting.id)
          report(
            meeting,
            [field, i, 'report'],
            'E_UNKNOWN_REF',
            `report \`${item.report}\` belongs to the meeting ${meetingIdOf(target.data)}, not this one`,
            'list it on its own meeting’s agenda, or correct the report’s committee and date',
          );
      });
    }
  }

  const reportKeys = new Map<string, Checked<unknown>>();
  const terms = content.glossary.data.terms.map((t) => t.term);
  for (const rep of content.reports) {
    const d = rep.data;
    if (!unchecked.has('committees') && !committeeCodes.includes(d.committee))
      report(
        rep,
        ['committee'],
        'E_UNKNOWN_REF',
        `unknown committee \`${d.committee}\``,
        didYouMean(d.committee, committeeCodes, addCommitteeHint(d.committee, committeeCodes)),
      );
    checkAuthors(rep, d.authors, report);
    const meetingId = meetingIdOf(d);
    const meeting = meetingsById.get(meetingId);
    if (!meeting && !known.has(`meeting:${meetingId}`)) {
      report(
        rep,
        ['date'],
        'E_UNKNOWN_REF',
        `there is no meeting file content/meetings/${meetingId}.yaml`,
        `create content/meetings/${meetingId}.yaml with this report on its agenda, or correct the committee and date`,
      );
    } else if (meeting && ![...meeting.data.agenda, ...meeting.data.part_2].some((item) => item.report === rep.id)) {
      report(
        rep,
        ['number'],
        'E_UNKNOWN_REF',
        `the agenda of ${meeting.file} does not list this report`,
        d.exempt === undefined
          ? `add \`- report: ${rep.id}\` to its agenda`
          : `add \`- report: ${rep.id}\` with its public \`title\` under \`part_2\``,
      );
    }
    const key = `${meetingId}/${d.number}`;
    const other = reportKeys.get(key);
    if (other)
      report(
        rep,
        ['number'],
        'E_DUPLICATE_ID',
        `report ${d.number} of ${meetingId} is also ${other.file}`,
        'give each report of a meeting its own number',
      );
    else reportKeys.set(key, rep);
    d.abbreviations.forEach((term, i) => {
      if (!unchecked.has('glossary') && !terms.includes(term))
        report(
          rep,
          ['abbreviations', i],
          'E_UNKNOWN_REF',
          `\`${term}\` is not in the glossary`,
          didYouMean(term, terms, `add \`- term: ${term}\` with its \`expansion\` to data/glossary.yaml`),
        );
    });
    d.boroughs.forEach((slug, i) => {
      if (!exists('borough', slug, boroughIds))
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

  const tiles = new Map<string, string>();
  for (const borough of content.boroughs) {
    const tile = borough.data.tile;
    if (!tile) continue;
    const key = `${tile.col},${tile.row}`;
    const other = tiles.get(key);
    if (other)
      report(
        borough,
        ['tile'],
        'E_DUPLICATE_ID',
        `this tile (column ${tile.col}, row ${tile.row}) is also ${other}'s`,
        'give each borough its own square on the map',
      );
    else tiles.set(key, borough.id);
  }

  const factTypes = content.facts.data.facts;
  for (const borough of content.boroughs) {
    // One fact holds one value from a date: a second entry for the same date that says otherwise contradicts it.
    const held = new Map<string, { value: unknown; index: number }>();
    borough.data.facts.forEach((fact, i) => {
      const key = `${fact.fact}\u0000${fact.held_from}`;
      const earlier = held.get(key);
      if (earlier && earlier.value !== fact.value)
        report(
          borough,
          ['facts', i, 'value'],
          'E_DUPLICATE_ID',
          `\`${fact.fact}\` is given as ${String(fact.value)} from ${fact.held_from}, and as ${String(earlier.value)} from the same date above`,
          'keep the value the source states, and delete the other entry; a change of value needs the date it took effect',
        );
      else if (!earlier) held.set(key, { value: fact.value, index: i });
    });
    borough.data.facts.forEach((fact, i) => {
      const type = factTypes.find((f) => f.id === fact.fact);
      if (unchecked.has('facts')) {
        // data/facts.yaml failed its own check: its kinds are not known.
      } else if (!type)
        report(
          borough,
          ['facts', i, 'fact'],
          'E_UNKNOWN_REF',
          `unknown fact \`${fact.fact}\``,
          didYouMean(
            fact.fact,
            factTypes.map((f) => f.id),
            `add \`- id: ${fact.fact}\` with its \`label\` and \`type\` to data/facts.yaml`,
          ),
        );
      else if (typeof fact.value !== JS_TYPE[type.type])
        report(
          borough,
          ['facts', i, 'value'],
          'E_SCHEMA',
          `the fact \`${fact.fact}\` takes ${type.type === 'boolean' ? 'true or false' : type.type === 'number' ? 'a number' : 'text'}`,
          `correct the value; data/facts.yaml says it is ${type.type}`,
        );
      else if (type.choices && !type.choices.some((c) => c.value === fact.value))
        report(
          borough,
          ['facts', i, 'value'],
          'E_SCHEMA',
          `\`${String(fact.value)}\` is not a value of \`${fact.fact}\``,
          `use one of: ${type.choices.map((c) => c.value).join(', ')}`,
        );
      if (!exists('report', fact.source.report, reportIds))
        report(
          borough,
          ['facts', i, 'source', 'report'],
          'E_UNKNOWN_REF',
          `no report \`${fact.source.report}\``,
          didYouMean(fact.source.report, reportIds, 'write the report’s file name under content/reports without .md'),
        );
    });
  }
  errors.push(...checkMeetingPapers(content, known));
  return errors;
}

const JS_TYPE = { boolean: 'boolean', number: 'number', text: 'string' } as const;

function addCommitteeHint(code: string, codes: readonly string[]): string {
  return `committees are defined in data/committees.yaml: add \`- code: ${code}\` with its \`name\` there${codes.length > 0 ? `, or write one of: ${codes.join(', ')}` : ''}`;
}

/**
 * `authors: [A and B, MPA.]` is two items to YAML: a comma inside a flow list
 * splits a name. An item that ends in "." or starts with a lower-case word is
 * most likely the tail of the item before it.
 */
function checkAuthors(rep: Checked<unknown>, authors: readonly string[] | undefined, report: Reporter): void {
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

export function meetingIdOf(report: { committee: string; date: string }): string {
  return `${report.committee}/${report.date}`;
}

type Reporter = (
  entry: Checked<unknown>,
  path: DataPath,
  code: ErrorCode,
  message: string,
  hint: string,
  key?: boolean,
  severity?: Severity,
) => void;

function checkUnique(
  entry: Checked<unknown>,
  values: readonly string[],
  listPath: DataPath,
  field: string,
  what: string,
  report: Reporter,
): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value))
      report(
        entry,
        [...listPath, i, field],
        'E_DUPLICATE_ID',
        `the ${what} \`${value}\` appears twice`,
        `keep one ${what} \`${value}\``,
      );
    seen.add(value);
  });
}
