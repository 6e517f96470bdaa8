import { PapersError } from './papers-error.ts';

/**
 * A command called in a way it cannot carry out: said in one line, no stack.
 * A missing or malformed option is exit 2; a question left unanswered or a
 * revision that does not exist (`exitCode` 1) is not.
 */
export class UsageError extends PapersError {
  override name = 'UsageError';
  constructor(message: string, exitCode: 1 | 2 = 2) {
    super('E_USAGE', message, exitCode);
  }
}
