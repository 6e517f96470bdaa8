/** A mistake in how a command was called: said in one line, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}
