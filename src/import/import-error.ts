import type { ErrorCode } from '../errors/content-problem.ts';
import { PapersError } from '../errors/papers-error.ts';

export type ImportErrorCode = Extract<ErrorCode, `E_IMPORT_${string}`>;

/** A document that cannot be imported: said in one line with its code and what to do; nothing is written. */
export class ImportError extends PapersError {
  override name = 'ImportError';
  constructor(
    override readonly code: ImportErrorCode,
    what: string,
    readonly hint: string,
  ) {
    super(code, `${what} — ${hint}`);
  }
}
