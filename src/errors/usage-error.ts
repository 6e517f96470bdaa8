import { PapersError } from './papers-error.ts';

/**
 * A command called in a way it cannot carry out (a missing or malformed
 * option, a question left unanswered, a file that already exists, a revision
 * that does not exist): said in one line, no stack, exit 2, nothing written.
 */
export class UsageError extends PapersError {
  override name = 'UsageError';
  constructor(message: string) {
    super('E_USAGE', message, 2);
  }
}
