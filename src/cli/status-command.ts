import { isIsoDate } from '../domain/dates.ts';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import { parse } from 'yaml';
import { addProgressEntry } from '../edit/add-progress-entry.ts';
import { findRecommendation } from '../edit/find-recommendation.ts';
import { UsageError } from '../errors/usage-error.ts';
import { didYouMean } from '../errors/suggest.ts';
import { checkProject } from '../pipeline/check-project.ts';
import { todayIso } from '../validate/check-targets.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const statusCommand = defineCommand({
  meta: { name: 'status', description: DESCRIPTIONS.status },
  args: {
    recommendation: {
      type: 'positional',
      description: 'The recommendation, as <set>/<number>, such as cdrp-scrutiny-2003/3',
      required: true,
    },
    action: {
      type: 'string',
      description: 'Which action, by its row in the table (1, 2, …); needed when there is more than one',
    },
    status: {
      type: 'string',
      description: 'A status id or alias from data/statuses.yaml, such as completed',
      required: true,
    },
    result: { type: 'string', description: 'The result text, as the report should print it', required: true },
    date: { type: 'string', description: 'The date of this position, YYYY-MM-DD (default: today)' },
    ...rootArg,
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    try {
      const found = await findRecommendation(root, args.recommendation);
      const chosen = chooseAction(found.actions, args.action);
      const date = args.date ?? todayIso();
      if (!isIsoDate(date)) throw new UsageError(`--date ${date} is not a real date written YYYY-MM-DD`);
      if (date > todayIso())
        throw new UsageError(`--date ${date} is after today: a position is dated the day it is reported`);
      await checkStatusWord(root, args.status);
      const full = path.join(root, found.file);
      const updated = addProgressEntry(found.text, chosen.keyPoint, chosen.action, {
        date,
        status: args.status,
        result: args.result,
      });
      await writeFile(full, updated);
      const checked = await checkProject(root);
      const own = checked.errors.filter((e) => e.file === found.file && e.severity === 'error');
      if (own.length > 0) {
        await writeFile(full, found.text);
        printErrors(own);
        process.stderr.write(`Not recorded: ${found.file} is unchanged.\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `Recorded in ${found.file}: action ${chosen.position} (${shorten(chosen.text)}): ${date} ${args.status}\n`,
      );
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    }
  },
});

function chooseAction<T extends { position: number; text: string }>(
  actions: readonly T[],
  given: string | undefined,
): T {
  if (actions.length === 0) throw new UsageError('this recommendation has no actions yet: add one to its file first');
  const list = actions.map((a) => `  ${a.position}. ${shorten(a.text)}`).join('\n');
  if (given === undefined) {
    if (actions.length === 1) return actions[0] as T;
    throw new UsageError(`this recommendation has ${actions.length} actions: choose one with --action N\n${list}`);
  }
  const chosen = actions.find((a) => String(a.position) === given.trim());
  if (!chosen) throw new UsageError(`there is no action ${given}; the actions are:\n${list}`);
  return chosen;
}

async function checkStatusWord(root: string, word: string): Promise<void> {
  const data = parse(await readFile(path.join(root, 'data/statuses.yaml'), 'utf8')) as {
    statuses?: Array<{ id: string; aliases?: string[] }>;
  };
  const words = (data.statuses ?? []).flatMap((s) => [s.id, ...(s.aliases ?? [])]);
  if (!words.some((w) => w.toLowerCase() === word.trim().toLowerCase())) {
    throw new UsageError(`unknown status "${word}": ${didYouMean(word, words, `use one of ${words.join(', ')}`)}`);
  }
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
