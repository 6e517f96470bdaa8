import { sortErrors, type ContentError } from './content-error.ts';

/** `path:line:col  CODE  message — hint`, one line per problem. */
export function formatError(error: ContentError): string {
  const where = `${error.file}:${error.line}:${error.col}`;
  const label = error.severity === 'warning' ? `${error.code} (warning)` : error.code;
  return `${where}  ${label}  ${error.message} — ${error.hint}`;
}

export function formatErrors(errors: readonly ContentError[]): string {
  return sortErrors(errors).map(formatError).join('\n');
}

export function summariseErrors(errors: readonly ContentError[]): string {
  const count = errors.filter((e) => e.severity === 'error').length;
  const warnings = errors.length - count;
  const parts = [`${count} error${count === 1 ? '' : 's'}`];
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
