import { type ItemNumber, splitItemNumber } from '../domain/item-numbers.ts';
import { reportIdOf } from '../domain/slugs.ts';
import { isIsoDate } from '../domain/dates.ts';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { appendToList } from './add-progress-entry.ts';
import { UsageError } from '../errors/usage-error.ts';
import { loadContent } from '../content/load-content.ts';
import { reportNumberIn } from '../meetings/agenda-items.ts';
import { numberAgenda } from '../meetings/number-agenda.ts';
import { publicTitle } from '../meetings/withhold-exempt.ts';
import { validateContent } from '../validate/validate-content.ts';
import { EXEMPT_DIR } from '../content/load-exempt.ts';
import { exists } from '../content/list-files.ts';
import type { AgendaItemData } from '../schemas/meeting.ts';

/** What the author writes in place of: `check` lists each one that remains (`E_PLACEHOLDER`). */
export const TO_BE_WRITTEN = '[To be written]';

/** What a report without its opening line's end is given, for an officer to write. */
export const DESCRIPTION_TO_BE_WRITTEN =
  '[To be written: what the report does, the end of its opening line "Report … of the … meeting of the … and …"]';

/** Write a new file, never over an existing one. */
async function writeNew(root: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  try {
    await writeFile(path.join(root, file), text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(`${file} already exists: nothing was written`);
    throw error;
  }
}

function requireDate(date: string): void {
  if (!isIsoDate(date)) throw new UsageError(`"${date}" is not a real date written YYYY-MM-DD`);
}

async function readYaml<T>(root: string, file: string): Promise<T | undefined> {
  try {
    return parse(await readFile(path.join(root, file), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export interface NewMeeting {
  committee: string;
  date: string;
  time?: string;
  venue?: string;
}

export async function scaffoldMeeting(root: string, m: NewMeeting): Promise<string> {
  requireDate(m.date);
  const committees =
    (await readYaml<{ committees?: Array<{ code: string }> }>(root, 'data/committees.yaml'))?.committees ?? [];
  if (!committees.some((c) => c.code === m.committee))
    throw new UsageError(`unknown committee "${m.committee}": use one of ${committees.map((c) => c.code).join(', ')}`);
  const file = `content/meetings/${m.committee}/${m.date}.yaml`;
  const body = { ...(m.time ? { time: m.time } : {}), ...(m.venue ? { venue: m.venue } : {}), agenda: [] };
  await writeNew(
    root,
    file,
    `# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n${stringify(body)}`,
  );
  return file;
}

export interface NewReport {
  committee: string;
  date: string;
  title: string;
  by?: string;
  number?: number;
}

/** A report with every required field, added to its meeting's agenda (the meeting is created if need be). */
export async function scaffoldReport(root: string, r: NewReport): Promise<string[]> {
  requireDate(r.date);
  const written: string[] = [];
  const meetingFile = `content/meetings/${r.committee}/${r.date}.yaml`;
  let meeting = await readYaml<{ agenda?: Array<{ report?: string; number?: ItemNumber }> }>(root, meetingFile);
  if (!meeting) {
    written.push(await scaffoldMeeting(root, { committee: r.committee, date: r.date }));
    meeting = { agenda: [] };
  }
  const taken = await agendaNumbers(root, meeting.agenda ?? []);
  const number = r.number ?? Math.max(0, ...taken) + 1;
  if (taken.includes(number))
    throw new UsageError(`item ${number} of ${r.committee} on ${r.date} is taken: choose another --number`);
  const id = reportIdOf(r.date, r.committee, number, r.title);
  const file = `content/reports/${r.date.slice(0, 4)}/${id}.md`;
  const front = {
    committee: r.committee,
    date: r.date,
    number,
    title: r.title,
    by: r.by ?? 'Commissioner',
    description: DESCRIPTION_TO_BE_WRITTEN,
    summary: TO_BE_WRITTEN,
    recommendations: { items: ['That members note the report.'] },
    numbered_sections: ['Supporting information'],
    authors: [TO_BE_WRITTEN],
    background_papers: ['None'],
  };
  const body = [
    '## Supporting information',
    TO_BE_WRITTEN,
    '## Race and equality impact',
    TO_BE_WRITTEN,
    '## Financial implications',
    TO_BE_WRITTEN,
  ].join('\n\n');
  await writeNew(root, file, `---\n${stringify(front, { lineWidth: 0 })}---\n\n${body}\n`);
  written.push(file);
  const meetingText = await readFile(path.join(root, meetingFile), 'utf8');
  // A report goes before the exclusion of the press and public, which ends Part 1.
  const exclusion = (meeting.agenda ?? []).findIndex((item) => (item as { kind?: string }).kind === 'exclusion');
  await writeFile(
    path.join(root, meetingFile),
    appendToList(meetingText, [], 'agenda', { report: id }, exclusion >= 0 ? exclusion : undefined),
  );
  written.push(meetingFile);
  return written;
}

/** The whole numbers the agenda's items take (4a takes 4): a new report takes the next. */
async function agendaNumbers(root: string, agenda: Array<{ report?: string; number?: ItemNumber }>): Promise<number[]> {
  const numbers: number[] = [];
  for (const item of agenda) {
    if (item.number !== undefined) numbers.push(splitItemNumber(item.number).whole);
    if (!item.report) continue;
    const dir = path.join(root, 'content/reports', item.report.slice(0, 4));
    const names = await readdir(dir).catch(() => [] as string[]);
    if (!names.includes(`${item.report}.md`)) continue;
    const text = await readFile(path.join(dir, `${item.report}.md`), 'utf8');
    const n = /^number:\s*(\d+)/m.exec(text)?.[1];
    if (n) numbers.push(Number(n));
  }
  return numbers;
}

export interface NewRecommendation {
  set: string;
  text?: string;
  owner?: string;
  number?: number;
}

/** The next free number of a set: the lowest not yet used, within its total. */
export async function scaffoldRecommendation(root: string, r: NewRecommendation): Promise<string> {
  const index = await readYaml<{ total?: number; owners?: string[] }>(
    root,
    `content/recommendations/${r.set}/index.yaml`,
  );
  if (!index)
    throw new UsageError(`there is no recommendation set "${r.set}" (content/recommendations/${r.set}/index.yaml)`);
  const names = await readdir(path.join(root, 'content/recommendations', r.set));
  const used = names.filter((n) => /^\d+\.yaml$/.test(n)).map((n) => Number.parseInt(n, 10));
  const total = index.total ?? 0;
  const number = r.number ?? Array.from({ length: total }, (_, i) => i + 1).find((n) => !used.includes(n));
  if (number === undefined)
    throw new UsageError(`all ${total} numbers of set ${r.set} are used: raise \`total\` in its index.yaml`);
  if (used.includes(number)) throw new UsageError(`recommendation ${number} of ${r.set} already exists`);
  const owner = r.owner ?? index.owners?.[0] ?? 'MPS';
  if (index.owners && !index.owners.includes(owner))
    throw new UsageError(`unknown owner "${owner}": the set's owners are ${index.owners.join(', ')}`);
  const file = `content/recommendations/${r.set}/${String(number).padStart(2, '0')}.yaml`;
  const data = { number, owner, text: r.text ?? TO_BE_WRITTEN, key_points: [] };
  await writeNew(
    root,
    file,
    `# yaml-language-server: $schema=../../../schemas/recommendation.schema.json\n${stringify(data, { lineWidth: 0 })}`,
  );
  return file;
}

export interface NewMinutes {
  committee: string;
  date: string;
}

/**
 * Minutes of a meeting, one `##` item for each item of its agenda (Part 1,
 * then Part 2), each tied to its agenda item: what the clerk fills in. The
 * text of Part 2 items goes in `exempt/minutes/`, their headings alone in public.
 */
export async function scaffoldMinutes(root: string, m: NewMinutes): Promise<string[]> {
  requireDate(m.date);
  const validated = validateContent(await loadContent(root));
  const content = validated.content ?? validated.partial;
  const meeting = content?.meetings.find((x) => x.id === `${m.committee}/${m.date}`);
  if (!content || !meeting)
    throw new UsageError(
      `there is no meeting content/meetings/${m.committee}/${m.date}.yaml that passes check: add it, with its agenda, first`,
    );
  const reportNumber = reportNumberIn(content);
  const headings = (prefix: '' | '2.', agenda: readonly AgendaItemData[]) => {
    const numbers = numberAgenda(agenda, reportNumber);
    return agenda.map((item, i) => {
      const title =
        item.title ?? (item.kind === 'exclusion' ? 'Exclusion of press and public' : publicTitle(item, content));
      return `## ${title} {agenda=${prefix}${numbers[i]}}`;
    });
  };
  const part1 = headings('', meeting.data.agenda).map((h) => `${h}\n\n${TO_BE_WRITTEN}`);
  // A Part 2 item's heading alone in the public minutes; its text, to be written, under exempt/.
  const part2 = headings('2.', meeting.data.part_2);
  const front = { present: { members: [TO_BE_WRITTEN] }, draft: true };
  const file = `content/minutes/${m.committee}/${m.date}.md`;
  const kept = `${EXEMPT_DIR}/minutes/${m.committee}/${m.date}.md`;
  if (part2.length > 0 && (await exists(path.join(root, kept))))
    throw new UsageError(`${kept} already exists: nothing was written`);
  await writeNew(root, file, `---\n${stringify(front)}---\n\n${[...part1, ...part2].join('\n\n')}\n`);
  if (part2.length === 0) return [file];
  await writeNew(root, kept, `${part2.map((h) => `${h}\n\n${TO_BE_WRITTEN}`).join('\n\n')}\n`);
  return [file, kept];
}
