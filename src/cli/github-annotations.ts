import { appendFile } from 'node:fs/promises';
import { sortErrors, type ContentProblem } from '../errors/content-problem.ts';
import { oneLine } from '../errors/format-errors.ts';

/** GitHub shows at most this many annotations of each kind per step. */
export const ANNOTATION_LIMIT = 10;

/** Escaping of workflow commands, as GitHub's own toolkit does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatAnnotation(error: ContentProblem): string {
  const kind = error.severity === 'warning' ? 'warning' : 'error';
  const props = `file=${escapeProperty(error.file)},line=${error.line},col=${error.col},title=${escapeProperty(error.code)}`;
  return `::${kind} ${props}::${escapeData(`${error.message} — ${error.hint}`)}`;
}

/** The annotations to print: the first errors and warnings up to GitHub's limit. */
export function selectAnnotations(errors: readonly ContentProblem[]): {
  shown: ContentProblem[];
  beyond: ContentProblem[];
} {
  const sorted = sortErrors(errors);
  const shown: ContentProblem[] = [];
  const beyond: ContentProblem[] = [];
  const count = { error: 0, warning: 0 };
  for (const e of sorted) {
    if (count[e.severity] < ANNOTATION_LIMIT) {
      count[e.severity]++;
      shown.push(e);
    } else {
      beyond.push(e);
    }
  }
  return { shown, beyond };
}

/** The job summary: every problem, marking those GitHub could not annotate. */
export function formatSummary(errors: readonly ContentProblem[], beyond: readonly ContentProblem[]): string {
  const cell = (text: string) => oneLine(text).replace(/\|/g, '\\|');
  const rows = sortErrors(errors).map(
    (e) =>
      `| \`${cell(e.file)}:${e.line}:${e.col}\` | ${e.code}${e.severity === 'warning' ? ' (warning)' : ''} | ${cell(e.message)} — ${cell(e.hint)} |${beyond.includes(e) ? ' not annotated |' : ' |'}`,
  );
  const note =
    beyond.length > 0
      ? `\n${beyond.length} of them are beyond GitHub's limit of ${ANNOTATION_LIMIT} annotations of a kind, and listed only here.\n`
      : '';
  return `## papers check: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n${note}\n| where | code | problem | |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

/** When running in GitHub Actions, annotate the pull request and fill the job summary. */
export async function reportToGithub(
  errors: readonly ContentProblem[],
  env: NodeJS.ProcessEnv = process.env,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  if (env.GITHUB_ACTIONS !== 'true' || errors.length === 0) return;
  const { shown, beyond } = selectAnnotations(errors);
  for (const e of shown) out.write(`${formatAnnotation(e)}\n`);
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, formatSummary(errors, beyond));
}
