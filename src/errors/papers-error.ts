import type { ErrorCode } from './content-problem.ts';

/**
 * Every error a user can meet that is not a mistake in the content (those are
 * `ContentProblem`s, collected and reported all at once): a command called
 * wrongly, a browser that will not start, a page that will not print, an
 * output folder another build holds. The CLI says each in one line with its
 * code, in one place (`src/cli/main.ts`), and exits with `exitCode`.
 */
export class PapersError extends Error {
  override name = 'PapersError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** 2 for a command called wrongly, 1 for anything else. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
