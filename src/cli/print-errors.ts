import type { ContentError } from '../errors/content-error.ts';
import { formatErrors, summariseErrors } from '../errors/format-errors.ts';

/** Print every problem of a run, then a one-line count. */
export function printErrors(errors: readonly ContentError[], stream: NodeJS.WritableStream = process.stderr): void {
  if (errors.length === 0) return;
  stream.write(`${formatErrors(errors)}\n\n${summariseErrors(errors)}\n`);
}
