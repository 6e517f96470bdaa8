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
  for (const entry of entries) if (entry) problems.push(...scanEntry(entry, severity));
  for (const kept of content.exemptMinutes ?? [])
    problems.push(...scan(kept.file, kept.body.text, kept.body.startLine, severity));
  return problems;
}

/** The placeholders of an entry's front matter or YAML, and of its body. */
function scanEntry(entry: Entry<unknown>, severity: Severity): ContentProblem[] {
  const { source, body } = entry;
  const problems: ContentProblem[] = [];
  if (source)
    problems.push(...scanOnce(source, severity, () => scan(entry.file, source.text, source.lineOffset + 1, severity)));
  // A body kept from the last check is not looked through again, even for the opening of a placeholder.
  if (body)
    problems.push(
      ...scanOnce(body, severity, () =>
        body.utf8 && !mayHoldPlaceholder(body.utf8) ? [] : scan(entry.file, body.text, body.startLine, severity),
      ),
    );
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

const OPENING = 0x5b; // [
const WORDS = Buffer.from('to be written');

/**
 * Whether UTF-8 bytes hold `[To be written` as FOUND finds it (in any case of
 * its ASCII letters, as /i folds them; no other letter folds to one), and
 * not as part of a longer word: a body is made text only when it may.
 */
export function mayHoldPlaceholder(bytes: Uint8Array): boolean {
  for (let at = bytes.indexOf(OPENING); at !== -1; at = bytes.indexOf(OPENING, at + 1)) {
    const end = at + 1 + WORDS.length;
    if (end > bytes.length) return false;
    let same = true;
    for (let i = 0; same && i < WORDS.length; i++) same = ((bytes[at + 1 + i] ?? 0) | 0x20) === (WORDS[i] ?? 0);
    if (same && !isWordByte(bytes[end])) return true;
  }
  return false;
}

/** A byte of a word as `\b` sees one: an ASCII letter, digit or underscore. */
function isWordByte(byte: number | undefined): boolean {
  return byte !== undefined && /[A-Za-z0-9_]/.test(String.fromCharCode(byte));
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
