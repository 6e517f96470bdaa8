/**
 * A located problem in the content: an error, which stops the build, or a
 * warning, which does not. Every stage collects these instead of throwing, so
 * that one run reports every mistake at once.
 */
export type Severity = 'error' | 'warning';

export interface ContentProblem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line and column. */
  line: number;
  col: number;
  code: ErrorCode;
  message: string;
  hint: string;
  severity: Severity;
  /** The words of the tool that found it (the YAML parser's), printed only with `--verbose`. */
  detail?: string;
}

/**
 * The catalogue of stable codes. Codes never change meaning once published:
 * editors, CI annotations and documentation refer to them.
 */
export const ERROR_CODES = {
  E_READ: 'a file or folder could not be read',
  E_NOT_A_FILE:
    'a content path is a link, a device, a pipe or another thing that is not a plain file or folder of the project',
  E_ENCODING: 'a file is not UTF-8 text, or holds control characters',
  E_EMPTY_FILE: 'a content file is empty',
  E_YAML_SYNTAX: 'a YAML file does not parse',
  E_FRONT_MATTER: 'the front matter of a Markdown file does not parse',
  E_SCHEMA: 'a value has the wrong type or form',
  E_MISSING_FIELD: 'a required field is missing',
  E_UNKNOWN_FIELD: 'a field is not part of the schema (often a typo)',
  E_DATE: 'a date is not a real calendar date, or is out of order',
  E_UNKNOWN_STATUS: 'a status is not in data/statuses.yaml',
  E_UNKNOWN_REF: 'a reference names something that does not exist',
  E_DUPLICATE_ID: 'two things share a number or id that must be unique',
  E_MISSING_FILE: 'a required file is missing',
  E_FILE_NAME: 'a file is misnamed or misplaced',
  E_MARKDOWN: 'a report body breaks a rule of the house format',
  E_AGENDA:
    'an agenda’s items are out of order, or its two parts are not set out with the exclusion of the press and public between them',
  E_MINUTES_SYNTAX:
    'a minutes file breaks a rule of its format: a heading without its agenda item, text before the first item',
  E_MINUTE_NUMBER: 'a minutes file’s first number does not follow the minutes before it in the municipal year',
  E_DECISION:
    'a decision (`Resolved (…):`) names no action, or something that is not a recommendation set or recommendation',
  E_PLACEHOLDER: 'a `[To be written …]` that `papers new` left is still in the file',
  E_EXEMPT:
    'exempt content would reach the public site: a public paper shows or cites an exempt one, or an exempt paper is not in Part 2',
  E_IMPORT_FORMAT: '`papers import` was given a file that is not a Word document (.docx) or a saved page (.html)',
  E_IMPORT_PROTECTED: '`papers import` was given a password-protected Word document, or one in the old .doc format',
  E_IMPORT_MACROS: '`papers import` was given a macro-enabled Word document',
  E_IMPORT_ZIP_BOMB: '`papers import` was given a file that unpacks to far more than it holds',
  E_IMPORT_SIZE: '`papers import` was given a file over 50 MB',
  E_IMPORT_OPENING:
    '`papers import` found no opening block (title, Report, Date, By, Summary, recommendations) in the document',
  E_IMPORT_EXISTS: '`papers import` would write over a report, or take an agenda number already taken',
  E_IMPORT_MEETING: '`papers import` was given a meeting or number other than the ones the document names',
  E_IMPORT_ENCODING: '`papers import` was given a page whose characters are in an encoding it cannot read',
  E_IMPORT_XML: '`papers import` was given a Word document whose parts are damaged',
  E_IMPORT_XXE: '`papers import` was given a Word document with an external entity (which would read outside it)',
  E_IMPORT_ENTITIES: '`papers import` was given a Word document that declares its own entities',
  E_IMPORT_DEPTH: '`papers import` was given a document nested deeper than any report',
  E_IMPORT_MINUTES:
    '`papers import` was given a page of minutes it cannot tie to its meeting: no numbered minute, no members present, a minute with no agenda item, or text under an item of Part 2',
  E_IMPORT_AGENDA: '`papers import` was given a meeting page whose agenda it cannot read',
  E_USAGE:
    'a command was called in a way it cannot carry out: an unknown option, a value of the wrong form, a question left unanswered, a folder that is no project',
  E_OUTPUT_LOCKED: 'another build is writing the same output folder',
  E_BROWSER: 'no Chromium was found, or it would not start',
  E_PRINT: 'a page could not be printed to PDF',
  E_SEARCH: 'the search index could not be made',
  E_DISK_FULL: 'the disk (or the quota) ran out of space while papers was writing; nothing was published',
  E_CANNOT_WRITE:
    'papers may not write where it must (a read-only disk, or a folder without permission); nothing was published',
  E_INTERNAL: 'a fault of papers itself or of the machine, not of the content (run again with DEBUG=1 for its details)',
  E_PAST_TARGET: 'an action is past its target date and not closed (a warning)',
  E_EXAMPLE_ADDRESS: '`base_url` of data/site.yaml is still the example’s address (a warning in CI)',
  E_AUTHOR_SPLIT: 'an author list looks like one name that YAML split at a comma (a warning)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Location {
  file: string;
  line: number;
  col: number;
}

export function createProblem(
  at: Location,
  code: ErrorCode,
  message: string,
  hint: string,
  severity: Severity = 'error',
): ContentProblem {
  return { file: at.file, line: at.line, col: at.col, code, message, hint, severity };
}

export function hasErrors(errors: readonly ContentProblem[]): boolean {
  return errors.some((e) => e.severity === 'error');
}

/** Sort by file, then position, so output is stable and easy to scan. */
export function sortErrors(errors: readonly ContentProblem[]): ContentProblem[] {
  return [...errors].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
  );
}
