import type { ContentProblem } from '../errors/content-problem.ts';
import { formatErrors, summariseErrors } from '../errors/format-errors.ts';

/** Print every problem of a run, then a one-line count. */
export function printErrors(
  errors: readonly ContentProblem[],
  stream: NodeJS.WritableStream = process.stderr,
  verbose = false,
): void {
  if (errors.length === 0) return;
  stream.write(`${formatErrors(errors, verbose)}\n\n${summariseErrors(errors)}\n`);
}
