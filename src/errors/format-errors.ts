import { sortErrors, type ContentProblem } from './content-problem.ts';

/** `path:line:col  CODE  message — hint`, one line per problem. */
export function formatError(error: ContentProblem, verbose = false): string {
  const where = `${oneLine(error.file)}:${error.line}:${error.col}`;
  const label = error.severity === 'warning' ? `${error.code} (warning)` : error.code;
  const line = `${where}  ${label}  ${oneLine(error.message)} — ${oneLine(error.hint)}`;
  // The words of the tool that found it (the YAML parser's), for whoever wants them.
  return verbose && error.detail ? `${line}\n    (${oneLine(error.detail)})` : line;
}

/**
 * Content quoted in a message stays on its line: control characters are
 * shown as escapes, so no value can start a line of its own (CI systems obey
 * lines such as `::stop-commands::`).
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function formatErrors(errors: readonly ContentProblem[], verbose = false): string {
  return sortErrors(errors)
    .map((e) => formatError(e, verbose))
    .join('\n');
}

export function summariseErrors(errors: readonly ContentProblem[]): string {
  const count = errors.filter((e) => e.severity === 'error').length;
  const warnings = errors.length - count;
  const parts = [`${count} error${count === 1 ? '' : 's'}`];
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
