import type { z } from 'zod';
import type { Entry } from '../content/entry.ts';
import { locatePath, type DataPath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem, type ErrorCode } from '../errors/content-problem.ts';
import { didYouMean } from '../errors/suggest.ts';
import { describePlace, describeWhere } from './describe-place.ts';

type Issue = z.core.$ZodIssue;

/** Turn zod's issues for one file into located, readable errors. */
export function mapSchemaIssues(entry: Entry, schema: z.ZodType, issues: readonly Issue[]): ContentProblem[] {
  return issues.flatMap((issue) => mapIssue(entry, schema, issue));
}

function mapIssue(entry: Entry, schema: z.ZodType, issue: Issue): ContentProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = describePlace(path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path);
    return issue.keys.map((key) =>
      createProblem(
        locatePath(entry.source, [...path, key], { key: true }),
        'E_UNKNOWN_FIELD',
        `unknown field \`${key}\`${describeWhere(path)}`,
        didYouMean(key, known, known.length > 0 ? `the fields here are: ${known.join(', ')}` : 'remove it'),
      ),
    );
  }
  const at = locatePath(entry.source, path);
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
    const parent = path.slice(0, -1);
    return [
      createProblem(
        at,
        'E_MISSING_FIELD',
        `\`${lastKey(path)}\` is required${describeWhere(parent)}`,
        `add \`${lastKey(path)}:\` with a value`,
      ),
    ];
  }
  if (issue.code === 'invalid_type') {
    const got = describeValue((issue as { input?: unknown }).input);
    return [
      createProblem(
        at,
        'E_SCHEMA',
        `${field} must be ${article(issue.expected)}, not ${got}`,
        hintForType(issue.expected),
      ),
    ];
  }
  if (issue.code === 'custom') {
    const code = (issue.params?.code as ErrorCode | undefined) ?? 'E_SCHEMA';
    const hint =
      code === 'E_DATE' ? 'check the day and month: write a date that exists, as YYYY-MM-DD' : customHint(path);
    return [createProblem(at, code, `${field} ${issue.message}`, hint)];
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => `\`${String(v)}\``).join(', ');
    return [createProblem(at, 'E_SCHEMA', `${field} must be one of ${options}`, 'use one of the values listed')];
  }
  if (issue.code === 'invalid_format') {
    return [createProblem(at, 'E_SCHEMA', `${field} ${issue.message}`, 'correct the value to the form described')];
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return [createProblem(at, 'E_SCHEMA', `${field} ${issue.message}`, sizeHint(issue))];
  }
  return [createProblem(at, 'E_SCHEMA', `${field}: ${issue.message}`, 'see the schema for this file in schemas/')];
}

/** What to write for the rules a schema states in words (`refine`). */
function customHint(path: DataPath): string {
  const last = lastKey(path);
  const hints: Record<string, string> = {
    description:
      'add `description:` with the words that complete "Report N of the … meeting of the … and", or `opening:` with the whole line',
    columns:
      'write as many headings as the view has columns: three for `view: progress`, four for `view: plan`, none for `view: list`',
    results_heading: 'move the heading into `columns`, as the third of its headings',
    revised_targets: 'add `target:` with the date the action was first due',
    appendices: 'give the appendix either `body:` (Markdown) or `recommendations:` (a view of a set), not both',
    agenda: 'write the item as `- report: <report id>`, or as `- number: N` with `title: …`',
  };
  return hints[last] ?? `the JSON Schema in schemas/ describes the field \`${last}\``;
}

function sizeHint(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const origin = (issue as { origin?: string }).origin;
  const limit = Number(
    issue.code === 'too_small' ? (issue as { minimum?: unknown }).minimum : (issue as { maximum?: unknown }).maximum,
  );
  if (origin === 'array') {
    return issue.code === 'too_small'
      ? `write at least ${limit} item${limit === 1 ? '' : 's'} under it, each on a line starting \`- \``
      : `keep at most ${limit} items`;
  }
  if (origin === 'string')
    return issue.code === 'too_small'
      ? 'write the value after the colon, or remove the line if the field is optional'
      : `shorten it to at most ${limit} characters`;
  return issue.code === 'too_small' ? `write a number of at least ${limit}` : `write a number of at most ${limit}`;
}

function lastKey(path: DataPath): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return String(last ?? 'field');
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping of `key: value` lines',
    array: 'a list (lines starting `- `)',
  };
  return names[expected] ?? expected;
}

function hintForType(expected: string): string {
  if (expected === 'string') return 'put the value in quotes if YAML reads it as a number, date or true/false';
  if (expected === 'array') return 'write each item on its own line starting with `- `';
  if (expected === 'object') return 'indent the fields under this key';
  return `write ${article(expected)}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** The field names a strict object accepts at `path`, for "did you mean" hints. */
export function knownKeysAt(schema: z.ZodType, path: DataPath): string[] {
  let current: unknown = schema;
  for (const segment of [...path, null]) {
    current = unwrap(current);
    const def = defOf(current);
    if (segment === null) return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
    if (def?.type === 'object' && typeof segment === 'string') current = def.shape?.[segment];
    else if (def?.type === 'array' && typeof segment === 'number') current = def.element;
    else return [];
  }
  return [];
}

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (
    let def = defOf(current);
    def && ['optional', 'default', 'nullable', 'prefault', 'pipe'].includes(def.type);
    def = defOf(current)
  ) {
    current = def.type === 'pipe' ? def.in : def.innerType;
  }
  return current;
}
