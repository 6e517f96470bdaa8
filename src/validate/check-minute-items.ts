import { readMeetingId } from '../domain/meeting-ids.ts';
import { splitItemNumber } from '../domain/item-numbers.ts';
import type { Content } from '../content/content.ts';
import type { Entry } from '../content/entry.ts';
import { formatDate } from '../domain/dates.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { refKey } from '../meetings/join-exempt-minutes.ts';
import type { MinuteItemData } from '../meetings/parse-minutes.ts';
import type { MinutesData } from '../schemas/minutes.ts';

/** Minutes that minute something, each agenda item once, in the agenda's order. */
export function checkMinuteItems(minutes: Entry<MinutesData>, items: readonly MinuteItemData[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (line: number) => ({ file: minutes.file, line, col: 1 });
  if (items.length === 0)
    problems.push(
      createProblem(
        at(minutes.body?.startLine ?? 1),
        'E_MINUTES_SYNTAX',
        'the minutes have no minute items',
        'add a heading for each agenda item minuted, such as `## Apologies for absence {agenda=1}`, with its text under it',
      ),
    );
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const key = refKey(item.agenda);
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(
        createProblem(
          at(item.line),
          'E_MINUTES_SYNTAX',
          `agenda item ${key} is minuted twice (first on line ${first})`,
          'minute each agenda item once: join the two, or correct the `agenda=` of one of them',
        ),
      );
    else seen.set(key, item.line);
    const before = items[i - 1];
    if (before && first === undefined && order(item) < order(before))
      problems.push(
        createProblem(
          at(item.line),
          'E_MINUTES_SYNTAX',
          `the minute of agenda item ${key} comes after that of item ${refKey(before.agenda)} (line ${before.line})`,
          'minute the items in the agenda’s order, unless the meeting took them in another (then leave this as it is)',
          'warning',
        ),
      );
  });
  return problems;
}

/** Where an item stands among the meeting's: Part 1 before Part 2, then by agenda number (4, 4a, 5). */
function order(item: MinuteItemData): number {
  const { whole, letter } = splitItemNumber(item.agenda.number);
  return item.agenda.part * 10_000 + whole + (letter ? (letter.charCodeAt(0) - 96) / 100 : 0);
}

/** Minutes are of a meeting that has been held: none dated after today. Only `check` asks, with today's date. */
export function checkMinutesDates(content: Pick<Content, 'minutes'>, today: string): ContentProblem[] {
  return content.minutes
    .filter((m) => readMeetingId(m.id).date > today)
    .map((m) =>
      createProblem(
        { file: m.file, line: 1, col: 1 },
        'E_DATE',
        `these minutes are of a meeting on ${formatDate(readMeetingId(m.id).date)}, which has not been held yet`,
        'correct the date in the file name: minutes are written after their meeting',
      ),
    );
}
