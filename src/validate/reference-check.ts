import { meetingIdOf } from '../domain/meeting-ids.ts';
import { locatePath, type DataPath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem, type ErrorCode, type Severity } from '../errors/content-problem.ts';
import type { Content } from '../content/content.ts';
import type { Entry } from '../content/entry.ts';
import type { KeptMemory } from './check-memory.ts';

/** Report a problem at `path` of `entry` (its key rather than its value when `key`). */
export type Reporter = (
  entry: Entry<unknown>,
  path: DataPath,
  code: ErrorCode,
  message: string,
  hint: string,
  key?: boolean,
  severity?: Severity,
) => void;

/** What every check of references between files is given. */
export interface ReferenceCheck {
  content: Content;
  /** `kind:id` of every file that was read, even one that failed its schema. */
  known: ReadonlySet<string>;
  /** Shared files (`statuses`, `committees`, `glossary`, `facts`) that failed their own check: what they define is not known. */
  unchecked: ReadonlySet<string>;
  report: Reporter;
  /** Where `report` collects. */
  problems: ContentProblem[];
  /** In a process that checks again and again (the preview): what the last check found, and what it was found from. */
  kept?: KeptMemory;
}

/** A reporter that collects into `errors`. */
export function createReporter(errors: ContentProblem[]): Reporter {
  return (entry, path, code, message, hint, key = false, severity = 'error') =>
    errors.push(createProblem(locatePath(entry.source, path, { key }), code, message, hint, severity));
}

/** Whether a `kind` of file with `id` exists: checked, or read but failed its own check (reported there). */
export function isKnown(check: ReferenceCheck, kind: string, id: string, ids: { has(id: string): boolean }): boolean {
  return ids.has(id) || check.known.has(`${kind}:${id}`);
}

/** Report each value of a list that repeats one above it. */
export function checkUnique(
  entry: Entry<unknown>,
  values: readonly string[],
  listPath: DataPath,
  field: string,
  what: string,
  report: Reporter,
): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value))
      report(
        entry,
        [...listPath, i, field],
        'E_DUPLICATE_ID',
        `the ${what} \`${value}\` appears twice`,
        `keep one ${what} \`${value}\``,
      );
    seen.add(value);
  });
}

/** The hint for an unknown committee code: where committees are defined, and the codes there are. */
export function describeCommitteeFix(code: string, codes: readonly string[]): string {
  return `committees are defined in data/committees.yaml: add \`- code: ${code}\` with its \`name\` there${codes.length > 0 ? `, or write one of: ${codes.join(', ')}` : ''}`;
}

/** The meeting a report belongs to, by its committee, date and sitting (another meeting that day). */
export function meetingOfReport(report: { committee: string; date: string; sitting?: string | undefined }): string {
  return meetingIdOf(report.committee, report.date, report.sitting);
}
