import { readMeetingId } from '../domain/meeting-ids.ts';
import { meetingOfReport } from './reference-check.ts';
import { readMinutes } from '../meetings/read-minutes.ts';
import { locatePath, type DataPath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem, type ErrorCode, type Severity } from '../errors/content-problem.ts';
import { didYouMean } from '../errors/suggest.ts';
import { findAgendaItem, reportNumberIn } from '../meetings/agenda-items.ts';
import { numberAgenda } from '../meetings/number-agenda.ts';
import { compareItemNumbers, sameItemNumber, splitItemNumber } from '../domain/item-numbers.ts';
import { municipalYearOf, numberMinutes } from '../meetings/number-minutes.ts';
import type { MinuteItemData } from '../meetings/parse-minutes.ts';
import type { AgendaItemData } from '../schemas/meeting.ts';
import type { Content } from '../content/content.ts';
import type { Entry } from '../content/entry.ts';
import { checkDecisions } from './check-decisions.ts';
import { checkMinuteItems } from './check-minute-items.ts';
import { describeAgendaNumber } from './describe-agenda-number.ts';

/**
 * Agendas, minutes and decisions, and the rules that keep exempt papers off
 * the public site: an exempt report stands in Part 2, no public paper shows or
 * cites an exempt one.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export function checkMeetingPapers(content: Content, known: ReadonlySet<string>): ContentProblem[] {
  const errors: ContentProblem[] = [];
  const at = (
    entry: Entry<unknown>,
    path: DataPath,
    code: ErrorCode,
    message: string,
    hint: string,
    severity: Severity = 'error',
  ) => errors.push(createProblem(locatePath(entry.source, path), code, message, hint, severity));
  const reportsById = new Map(content.reports.map((r) => [r.id, r]));
  const minutesIds = new Set(content.minutes.map((m) => m.id));

  for (const meeting of content.meetings) {
    const parts: Array<[1 | 2, 'agenda' | 'part_2', readonly AgendaItemData[]]> = [
      [1, 'agenda', meeting.data.agenda],
      [2, 'part_2', meeting.data.part_2],
    ];
    for (const [part, field, items] of parts) {
      const numbers = numberAgenda(items, (id) => reportsById.get(id)?.data.number);
      // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
      items.forEach((item, i) => {
        const previous = numbers[i - 1];
        const number = numbers[i] ?? 0;
        const first = numbers.findIndex((n) => sameItemNumber(n, number));
        if (previous !== undefined && first < i) {
          const describe = (k: number) => describeAgendaNumber(meeting, field, items, numbers, k, reportsById);
          const next = Math.max(...numbers.map((n) => splitItemNumber(n).whole)) + 1;
          at(
            meeting,
            [field, i],
            'E_DUPLICATE_ID',
            `agenda item ${number} appears twice: ${describe(first)}, and ${describe(i)}`,
            `give this item \`number: ${next}\` (or the number the agenda prints) in ${meeting.file}, or change the number where the other is set`,
          );
        } else if (previous !== undefined && compareItemNumbers(number, previous) < 0)
          at(
            meeting,
            [field, i],
            'E_AGENDA',
            `item ${number} comes after item ${previous}`,
            'list the items in the order of their numbers, as the agenda prints them',
            'warning',
          );
        const target = item.report === undefined ? undefined : reportsById.get(item.report);
        if (target && part === 1 && target.data.exempt !== undefined)
          at(
            meeting,
            [field, i, 'report'],
            'E_EXEMPT',
            `report \`${item.report}\` is exempt, and Part 1 is public`,
            'list it under `part_2`, after the exclusion of the press and public',
          );
        if (target && part === 2 && target.data.exempt === undefined)
          at(
            meeting,
            [field, i, 'report'],
            'E_EXEMPT',
            `report \`${item.report}\` stands in Part 2 but is not exempt`,
            'add `exempt: <paragraph of Schedule 12A>` to the report, or list it in Part 1',
          );
        if (
          target &&
          part === 2 &&
          item.exempt !== undefined &&
          target.data.exempt !== undefined &&
          item.exempt !== target.data.exempt
        )
          at(
            meeting,
            [field, i, 'exempt'],
            'E_EXEMPT',
            `the agenda says paragraph ${item.exempt} of Schedule 12A, and the report \`${item.report}\` says ${target.data.exempt}`,
            'give the paragraph under which the report is exempt in both places',
          );
        if (part === 2 && item.report !== undefined && item.title === undefined)
          at(
            meeting,
            [field, i],
            'E_EXEMPT',
            `the exempt report \`${item.report}\` has no public title on the agenda`,
            'add `title:` with the words the public agenda shows; the report’s own title is not published',
          );
        if (item.minutes !== undefined && !minutesIds.has(item.minutes) && !known.has(`minutes:${item.minutes}`)) {
          at(
            meeting,
            [field, i, 'minutes'],
            'E_UNKNOWN_REF',
            `there are no minutes content/minutes/${item.minutes}.md`,
            didYouMean(
              item.minutes,
              [...minutesIds],
              'write the committee and date of minutes under content/minutes, or give the item a `title` and `kind: minutes` instead',
            ),
          );
        } else if (item.minutes !== undefined && item.minutes.split('/')[1]! >= meeting.id.split('/')[1]!) {
          at(
            meeting,
            [field, i, 'minutes'],
            'E_UNKNOWN_REF',
            `the minutes of ${item.minutes} are not of an earlier meeting`,
            'a meeting confirms the minutes of a meeting before it',
          );
        }
      });
    }
    const exclusion = meeting.data.agenda.findIndex((item) => item.kind === 'exclusion');
    if (meeting.data.part_2.length > 0 && exclusion < 0)
      at(
        meeting,
        ['part_2'],
        'E_AGENDA',
        'there is a Part 2 but no exclusion of the press and public',
        'end `agenda` with `- kind: exclusion`: the resolution that excludes the press and public before Part 2',
      );
    if (exclusion >= 0 && exclusion !== meeting.data.agenda.length - 1)
      at(
        meeting,
        ['agenda', exclusion],
        'E_AGENDA',
        'the exclusion of the press and public is not the last item of Part 1',
        'move it to the end of `agenda`, and the items after it to `part_2`',
      );
  }
  for (const rep of content.reports) {
    if (rep.data.exempt === undefined) continue;
    const meeting = content.meetings.find((m) => m.id === meetingOfReport(rep.data));
    if (meeting?.data.agenda.some((item) => item.report === rep.id)) continue;
    if (meeting && !meeting.data.part_2.some((item) => item.report === rep.id))
      at(
        rep,
        ['exempt'],
        'E_EXEMPT',
        `the exempt report is not in Part 2 of ${meeting.file}`,
        `add \`- report: ${rep.id}\` with its public \`title\` under \`part_2\``,
      );
  }
  for (const borough of content.boroughs) {
    borough.data.facts.forEach((fact, i) => {
      const source = reportsById.get(fact.source.report);
      if (source?.data.exempt !== undefined)
        at(
          borough,
          ['facts', i, 'source', 'report'],
          'E_EXEMPT',
          `the report \`${fact.source.report}\` is exempt, and borough pages are public`,
          'cite a public report, or leave the fact out',
        );
    });
  }
  errors.push(...checkMinutes(content));
  return errors;
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function checkMinutes(content: Content): ContentProblem[] {
  const errors: ContentProblem[] = [];
  const meetings = new Map(content.meetings.map((m) => [m.id, m]));
  const parsed = new Map<string, MinuteItemData[]>();
  for (const minutes of content.minutes) {
    const { items, problems } = readMinutes(minutes);
    parsed.set(minutes.id, items);
    for (const p of problems)
      errors.push(createProblem({ file: minutes.file, line: p.line, col: p.col }, p.code, p.message, p.hint));
    errors.push(...checkMinuteItems(minutes, items));
    const meeting = meetings.get(minutes.id);
    // A meeting file that failed its own check is reported there, not as missing.
    if (!meeting && content.found?.has(`meeting:${minutes.id}`)) continue;
    if (!meeting) {
      errors.push(
        createProblem(
          { file: minutes.file, line: 1, col: 1 },
          'E_UNKNOWN_REF',
          `there is no meeting file content/meetings/${minutes.id}.yaml`,
          `create content/meetings/${minutes.id}.yaml with the meeting’s agenda, or correct the file name`,
        ),
      );
      continue;
    }
    for (const item of items) {
      const where = { file: minutes.file, line: item.line, col: 1 };
      if (!findAgendaItem(meeting.data, item.agenda, content)) {
        const listed = numberAgenda(
          item.agenda.part === 1 ? meeting.data.agenda : meeting.data.part_2,
          reportNumberIn(content),
        );
        errors.push(
          createProblem(
            where,
            'E_UNKNOWN_REF',
            `Part ${item.agenda.part} of the agenda of ${meeting.file} has no item ${item.agenda.number}`,
            listed.length > 0 ? `write one of its items: ${listed.join(', ')}` : `add the item to ${meeting.file}`,
          ),
        );
        continue;
      }
      errors.push(...checkDecisions(item, minutes.file, content));
    }
  }
  const numbered = numberMinutes(
    content.minutes.map((m) => ({
      id: m.id,
      itemCount: parsed.get(m.id)?.length ?? 0,
      firstNumber: m.data.first_number,
    })),
    // data/site.yaml may have failed its own check: then the default year.
    content.site?.data.municipal_year_starts ?? '05-01',
  );
  const yearStarts = content.site?.data.municipal_year_starts ?? '05-01';
  for (const minutes of content.minutes) {
    const n = numbered.get(minutes.id);
    if (minutes.data.first_number === undefined && !n?.previous) {
      const earlier = findEarlierMeeting(content, minutes.id, yearStarts);
      if (earlier)
        errors.push(
          createProblem(
            { file: minutes.file, line: 1, col: 1 },
            'E_MINUTE_NUMBER',
            `these minutes are numbered from 1, but the committee met earlier in the municipal year (${earlier}) and those minutes are not here`,
            'give `first_number:` in the front matter the number of the first minute as printed, or add the minutes before these',
            'warning',
          ),
        );
    }
    if (minutes.data.first_number === undefined || !n?.previous) continue;
    if (minutes.data.first_number <= n.previous.last) {
      errors.push(
        createProblem(
          locatePath(minutes.source, ['first_number']),
          'E_MINUTE_NUMBER',
          `minute ${minutes.data.first_number} is already a minute of ${n.previous.id}, whose minutes run to ${n.previous.last}`,
          `leave \`first_number\` out: these minutes then start at ${n.previous.last + 1}`,
        ),
      );
    } else if (minutes.data.first_number === n.previous.last + 1) {
      errors.push(
        createProblem(
          locatePath(minutes.source, ['first_number']),
          'E_MINUTE_NUMBER',
          `\`first_number\` ${minutes.data.first_number} is the number these minutes would have anyway`,
          'leave it out: numbers follow on from the minutes before',
          'warning',
        ),
      );
    }
  }
  return errors;
}

/** A meeting file of the same committee earlier in the same municipal year, if there is one. */
function findEarlierMeeting(content: Content, id: string, yearStarts: string): string | undefined {
  const { committee, date } = readMeetingId(id);
  const year = municipalYearOf(date, yearStarts);
  return content.meetings.find((m) => {
    const { committee: code, date: held } = readMeetingId(m.id);
    return code === committee && held < date && municipalYearOf(held, yearStarts) === year;
  })?.file;
}
