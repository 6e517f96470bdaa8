import { locatePath } from '../content/yaml-source.ts';
import type { Content } from '../content/content.ts';
import { bodyText, type Entry } from '../content/entry.ts';
import { EXEMPT_DIR, type ExemptMinutes } from '../content/load-exempt.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { isExemptItem } from '../meetings/agenda-items.ts';
import { findExemptText } from '../meetings/find-exempt-text.ts';
import { refKey } from '../meetings/join-exempt-minutes.ts';
import { parseMinutes } from '../meetings/parse-minutes.ts';
import { checkDecisions } from './check-decisions.ts';

/**
 * Exempt papers are kept apart where they are written: an exempt report or
 * recommendation is a file under `exempt/`, and the text of an exempt minute
 * item is in `exempt/minutes/`, its heading alone in the public minutes.
 */
export function checkExemptPapers(content: Content): ContentProblem[] {
  const errors: ContentProblem[] = [];
  const exemptSets = new Set(content.sets.filter((s) => s.data.exempt !== undefined).map((s) => s.id));
  for (const entry of [...content.reports, ...content.sets]) errors.push(...checkPlace(entry));
  for (const entry of content.recommendations)
    errors.push(...(exemptSets.has(entry.id.split('/')[0]!) ? checkInExemptSet(entry) : checkPlace(entry)));
  errors.push(...checkSetsKeptOnce(content.sets));
  for (const minutes of content.minutes) {
    const exemptFile = `${EXEMPT_DIR}/minutes/${minutes.id}.md`;
    for (const p of findExemptText(bodyText(minutes), minutes.body?.startLine ?? 1, exemptFile))
      errors.push(createProblem({ file: minutes.file, line: p.line, col: p.col }, 'E_EXEMPT', p.message, p.hint));
  }
  for (const kept of content.exemptMinutes ?? []) errors.push(...checkExemptMinutes(kept, content));
  return errors;
}

const WHAT: Partial<Record<Entry['kind'], string>> = { report: 'report', 'recommendation-set': 'recommendation set' };

/** A recommendation of a set exempt as a whole is exempt with it, and kept under exempt/ beside its index.yaml. */
function checkInExemptSet(entry: Entry<{ exempt?: number | true }>): ContentProblem[] {
  if (entry.file.startsWith(`${EXEMPT_DIR}/`)) return [];
  const to = `${EXEMPT_DIR}/${entry.file.replace(/^content\//, '')}`;
  return [
    createProblem(
      locatePath(entry.source, []),
      'E_EXEMPT',
      `this recommendation's set is exempt as a whole, so the recommendation is too, and is kept under ${EXEMPT_DIR}/ with it`,
      `move it there: \`git mv ${entry.file} ${to}\``,
    ),
  ];
}

/** A set is public (content/) or exempt as a whole (exempt/), never both. */
function checkSetsKeptOnce(sets: Content['sets']): ContentProblem[] {
  const seen = new Map<string, string>();
  return sets.flatMap((set) => {
    const other = seen.get(set.id);
    seen.set(set.id, set.file);
    if (other === undefined) return [];
    return [
      createProblem(
        locatePath(set.source, []),
        'E_EXEMPT',
        `the set \`${set.id}\` has an index.yaml in ${other} too`,
        'keep one: in content/ for a public set, or under exempt/ with `exempt: <paragraph>` for a set exempt as a whole',
      ),
    ];
  });
}

function checkPlace(entry: Entry<{ exempt?: number | true }>): ContentProblem[] {
  const kept = entry.file.startsWith(`${EXEMPT_DIR}/`);
  const what = WHAT[entry.kind] ?? 'recommendation';
  if (!kept && entry.data.exempt !== undefined) {
    const to = `${EXEMPT_DIR}/${entry.file.replace(/^content\//, '')}`;
    return [
      createProblem(
        locatePath(entry.source, ['exempt']),
        'E_EXEMPT',
        `an exempt ${what} is kept under ${EXEMPT_DIR}/, which the public build never reads`,
        `move it there: \`mkdir -p ${to.slice(0, to.lastIndexOf('/'))} && git mv ${entry.file} ${to}\``,
      ),
    ];
  }
  if (kept && entry.data.exempt === undefined)
    return [
      createProblem(
        locatePath(entry.source, []),
        'E_EXEMPT',
        `this ${what} is under ${EXEMPT_DIR}/ but does not say under which paragraph of Schedule 12A it is exempt`,
        'add `exempt: <paragraph>` (1 to 7, or `true` where the record does not say), or move it to content/ if it is public',
      ),
    ];
  return [];
}

/** Each item of `exempt/minutes/<id>.md` is exempt, has its heading in the public minutes, and decides on what exists. */
function checkExemptMinutes(kept: ExemptMinutes, content: Content): ContentProblem[] {
  const errors: ContentProblem[] = [];
  const at = (line: number, code: 'E_EXEMPT' | 'E_UNKNOWN_REF', message: string, hint: string) =>
    errors.push(createProblem({ file: kept.file, line, col: 1 }, code, message, hint));
  const { items, problems } = parseMinutes(kept.body.text, kept.body.startLine);
  for (const p of problems)
    errors.push(createProblem({ file: kept.file, line: p.line, col: p.col }, p.code, p.message, p.hint));
  const minutes = content.minutes.find((m) => m.id === kept.id);
  if (!minutes) {
    at(
      1,
      'E_UNKNOWN_REF',
      `there are no public minutes content/minutes/${kept.id}.md for these exempt items`,
      'write the public minutes of the meeting, with each exempt item’s heading and no text, or correct the file name',
    );
    return errors;
  }
  const stubs = new Set(
    parseMinutes(bodyText(minutes), 1)
      .items.filter(isExemptItem)
      .map((i) => refKey(i.agenda)),
  );
  for (const item of items) {
    const heading = `## ${item.title} {agenda=${refKey(item.agenda)}}`;
    if (!isExemptItem(item))
      at(
        item.line,
        'E_EXEMPT',
        `agenda item ${refKey(item.agenda)} is in Part 1 and this item is not marked exempt`,
        `a public minute item goes in ${minutes.file}; an exempt one of Part 1 is marked \`exempt=<paragraph>\`, here and on its heading there`,
      );
    else if (!stubs.has(refKey(item.agenda)))
      at(
        item.line,
        'E_EXEMPT',
        `the public minutes ${minutes.file} have no heading for this exempt item`,
        `add \`${heading}\` there, in its place among the items and with no text, so that the minutes are numbered alike for the public and for members`,
      );
    errors.push(...checkDecisions(item, kept.file, content));
  }
  return errors;
}
