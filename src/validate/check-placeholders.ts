import type { Content } from '../content/content.ts';
import type { Entry } from '../content/entry.ts';
import { createProblem, type ContentProblem, type Severity } from '../errors/content-problem.ts';

/** What `papers new` leaves for the author to write: never published. */
const FOUND = /\[To be written\b/gi;
const ANYWHERE = /\[To be written\b/i;

/**
 * Every place a scaffold's `[To be written …]` still stands, in the front
 * matter, the YAML or the body of any file: an error, so no build publishes
 * it; a warning in the preview, which shows the draft as it stands.
 */
export function checkPlaceholders(content: Partial<Content>, severity: Severity = 'error'): ContentProblem[] {
  const entries: Array<Entry<unknown> | undefined> = [
    ...(content.reports ?? []),
    ...(content.minutes ?? []),
    ...(content.recommendations ?? []),
    ...(content.sets ?? []),
    ...(content.meetings ?? []),
    ...(content.boroughs ?? []),
  ];
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    if (!entry) continue;
    const { source, body } = entry;
    if (source)
      problems.push(
        ...scanOnce(source, severity, () => scan(entry.file, source.text, source.lineOffset + 1, severity)),
      );
    if (body) problems.push(...scanOnce(body, severity, () => scan(entry.file, body.text, body.startLine, severity)));
  }
  for (const kept of content.exemptMinutes ?? [])
    problems.push(...scan(kept.file, kept.body.text, kept.body.startLine, severity));
  return problems;
}

/**
 * What a file's text was found to hold, by the text's own object: the preview checks again after each edit,
 * and a file not read again keeps its object (a body is made text anew each time it is read).
 */
const SCANNED = new WeakMap<object, { severity: Severity; problems: ContentProblem[] }>();

function scanOnce(text: object, severity: Severity, work: () => ContentProblem[]): ContentProblem[] {
  const known = SCANNED.get(text);
  if (known?.severity === severity) return known.problems;
  const problems = work();
  SCANNED.set(text, { severity, problems });
  return problems;
}

function scan(file: string, text: string, firstLine: number, severity: Severity): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Most files hold none: only a file that does is cut into lines to place each.
  if (!ANYWHERE.test(text)) return problems;
  text.split(/\r?\n/).forEach((line, i) => {
    for (const match of line.matchAll(FOUND))
      problems.push(
        createProblem(
          { file, line: firstLine + i, col: (match.index ?? 0) + 1 },
          'E_PLACEHOLDER',
          'this is still to be written',
          'write the text in place of `[To be written …]`: a page is never published with it',
          severity,
        ),
      );
  });
  return problems;
}
