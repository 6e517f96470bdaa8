import { createInterface } from 'node:readline/promises';
import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import { UsageError } from '../errors/usage-error.ts';
import { SLUG_PATTERN } from '../schemas/common.ts';
import {
  scaffoldMeeting,
  scaffoldMinutes,
  scaffoldRecommendation,
  scaffoldReport,
  TO_BE_WRITTEN,
} from '../edit/scaffold.ts';
import { checkProject } from '../pipeline/check-project.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

/** Asks on a terminal for what the flags do not give; one reader for the whole command, so typed-ahead answers are kept. */
function createAsker() {
  let rl: ReturnType<typeof createInterface> | undefined;
  let lines: AsyncIterator<string> | undefined;
  /** The next line typed, after the question; the line iterator keeps answers typed ahead of their question. */
  const readAnswer = async (flag: string, question: string, fallback: string | undefined): Promise<string> => {
    rl ??= createInterface({ input: process.stdin, output: process.stdout });
    lines ??= rl[Symbol.asyncIterator]();
    process.stdout.write(`${question}${fallback ? ` [${fallback}]` : ''}: `);
    const next = await lines.next();
    if (next.done) throw new UsageError(`no answer for --${flag}: nothing was written`);
    return String(next.value).trim();
  };
  const ask = async (value: string | undefined, flag: string, question: string, fallback?: string): Promise<string> => {
    if (value) return value;
    if (!process.stdin.isTTY) {
      if (fallback !== undefined) return fallback;
      throw new UsageError(`--${flag} is needed (${question.toLowerCase()})`);
    }
    const answer = await readAnswer(flag, question, fallback);
    if (!answer && fallback === undefined) throw new UsageError(`--${flag} is needed`);
    return answer || (fallback ?? '');
  };
  return { ask, close: () => rl?.close() };
}

/** What was written, and where it is still to be written: the preview shows it as it stands; `check` refuses it until then. */
async function finish(root: string, files: string[]): Promise<void> {
  const checked = await checkProject(root, { preview: true });
  const own = checked.errors.filter((e) => files.includes(e.file) && e.severity === 'error');
  for (const file of files) process.stdout.write(`Wrote ${file}\n`);
  const toWrite = checked.errors.filter((e) => files.includes(e.file) && e.code === 'E_PLACEHOLDER');
  if (toWrite.length > 0)
    process.stdout.write(
      `Still to be written (\`papers check\` refuses these until they are):\n${toWrite.map((e) => `  ${e.file}:${e.line}:${e.col}`).join('\n')}\n`,
    );
  if (own.length > 0) {
    printErrors(own);
    process.exitCode = 1;
  }
}

async function guard(work: (ask: ReturnType<typeof createAsker>['ask']) => Promise<void>): Promise<void> {
  const asker = createAsker();
  try {
    await work(asker.ask);
  } finally {
    asker.close();
  }
}

/** A number given on the command line: a whole number from 1, or a usage error that writes nothing. */
function positiveNumber(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
    throw new UsageError(`--number ${value} is not a whole number from 1 up`);
  return Number(value);
}

/** A code or folder name: lower-case letters, digits and hyphens, so it can never lead out of its folder. */
function codeOf(flag: string, value: string): string {
  if (!SLUG_PATTERN.test(value))
    throw new UsageError(`--${flag} ${value} is not a code of lower-case letters, digits and hyphens, such as x-ppr`);
  return value;
}

/** The meeting a report, a meeting or minutes are of: its committee and date. */
const MEETING_ARGS = {
  committee: { type: 'string', description: 'Committee code, such as x-ppr' },
  date: { type: 'string', description: 'Meeting date, YYYY-MM-DD' },
} as const;

/** The committee and date, from the flags or asked for on a terminal, in that order. */
async function askMeeting(
  ask: ReturnType<typeof createAsker>['ask'],
  args: { committee?: string | undefined; date?: string | undefined },
): Promise<{ committee: string; date: string }> {
  return {
    committee: codeOf('committee', await ask(args.committee, 'committee', 'Committee code')),
    date: await ask(args.date, 'date', 'Meeting date (YYYY-MM-DD)'),
  };
}

const reportCommand = defineCommand({
  meta: {
    name: 'report',
    description: 'Scaffold a report with the next free item number, and list it on its meeting’s agenda.',
  },
  args: {
    ...MEETING_ARGS,
    title: { type: 'string', description: 'Report title' },
    by: { type: 'string', description: 'Who the report is by (default: Commissioner)' },
    number: { type: 'string', description: 'Agenda item number (default: the next free one)' },
    ...rootArg,
  },
  run: ({ args }) =>
    guard(async (ask) => {
      const root = resolveRoot(args.root);
      const files = await scaffoldReport(root, {
        ...(await askMeeting(ask, args)),
        title: await ask(args.title, 'title', 'Title'),
        ...(args.by ? { by: args.by } : {}),
        ...(args.number ? { number: positiveNumber(args.number) } : {}),
      });
      await finish(root, files);
    }),
});

const meetingCommand = defineCommand({
  meta: { name: 'meeting', description: 'Scaffold a meeting with an empty agenda.' },
  args: {
    ...MEETING_ARGS,
    time: { type: 'string', description: 'Start time, HH:MM' },
    venue: { type: 'string', description: 'Where the meeting is held' },
    ...rootArg,
  },
  run: ({ args }) =>
    guard(async (ask) => {
      const root = resolveRoot(args.root);
      const file = await scaffoldMeeting(root, {
        ...(await askMeeting(ask, args)),
        ...(args.time ? { time: args.time } : {}),
        ...(args.venue ? { venue: args.venue } : {}),
      });
      await finish(root, [file]);
    }),
});

const minutesCommand = defineCommand({
  meta: {
    name: 'minutes',
    description: 'Scaffold the minutes of a meeting: one item for each item of its agenda, tied to it.',
  },
  args: {
    ...MEETING_ARGS,
    ...rootArg,
  },
  run: ({ args }) =>
    guard(async (ask) => {
      const root = resolveRoot(args.root);
      const files = await scaffoldMinutes(root, {
        ...(await askMeeting(ask, args)),
      });
      await finish(root, files);
    }),
});

const recommendationCommand = defineCommand({
  meta: { name: 'recommendation', description: 'Scaffold a recommendation with the next free number of its set.' },
  args: {
    set: { type: 'string', description: 'Recommendation set, a folder of content/recommendations' },
    text: { type: 'string', description: 'The recommendation’s text' },
    owner: { type: 'string', description: 'Owner (default: the set’s first owner)' },
    number: { type: 'string', description: 'Number (default: the lowest free one)' },
    ...rootArg,
  },
  run: ({ args }) =>
    guard(async (ask) => {
      const root = resolveRoot(args.root);
      const file = await scaffoldRecommendation(root, {
        set: codeOf('set', await ask(args.set, 'set', 'Recommendation set')),
        text: await ask(args.text, 'text', 'Text', TO_BE_WRITTEN),
        ...(args.owner ? { owner: args.owner } : {}),
        ...(args.number ? { number: positiveNumber(args.number) } : {}),
      });
      await finish(root, [file]);
    }),
});

export const newCommand = defineCommand({
  meta: { name: 'new', description: DESCRIPTIONS.new },
  subCommands: {
    report: reportCommand,
    meeting: meetingCommand,
    minutes: minutesCommand,
    recommendation: recommendationCommand,
  },
});
