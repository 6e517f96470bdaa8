import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/** A plain scalar type of YAML 1.2's core schema: each form with the value it stands for. */
function coreType(tag: string, forms: ReadonlyArray<[RegExp, (text: string) => unknown]>): Type {
  const formOf = (text: string | null) => forms.find(([test]) => test.test(text ?? ''));
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => formOf(text) !== undefined,
    construct: (text: string | null) => formOf(text)?.[1](text ?? ''),
  });
}

const signed = (text: string, radix: number, skip: number) => {
  const negative = text.startsWith('-');
  const n = Number.parseInt(text.slice(/^[-+]/.test(text) ? 1 : skip), radix);
  return negative ? -1 * n : n;
};

/**
 * The core schema exactly as `yaml` (the parser that locates errors) resolves
 * it: dates stay strings, `yes`/`no` and `1_000` stay strings, and no merge keys.
 */
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    coreType('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    coreType('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === 't' || t[0] === 'T']]),
    coreType('int', [
      [/^0o[0-7]+$/, (t) => signed(t, 8, 2)],
      [/^[-+]?[0-9]+$/, (t) => signed(t, 10, 0)],
      [/^0x[0-9a-fA-F]+$/, (t) => signed(t, 16, 2)],
    ]),
    coreType('float', [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (t) =>
          t.slice(-3).toLowerCase() === 'nan'
            ? Number.NaN
            : t.startsWith('-')
              ? Number.NEGATIVE_INFINITY
              : Number.POSITIVE_INFINITY,
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (t) => Number.parseFloat(t)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (t) => Number.parseFloat(t)],
    ]),
  ],
});

/**
 * Where the two readers could part: an anchor or alias (`&name`, `*name`),
 * whose expansion the full parse bounds; a key that is not a plain scalar
 * (`? key`, `[a, b]: c`), which the two turn into different strings; and a
 * tag (`!`, `!!str`), which the two resolve differently on an empty value.
 */
const NEEDS_FULL_PARSE = /(?:^|[\s[{,])(?:[&*][^\s[\]{},]|\?(?:\s|$)|!)|[\]}]\s*:(?:\s|$)/m;

/**
 * A flow collection (`[`, `{`) or quoted scalar that runs on over lines is
 * read alike by both readers only when its following lines are indented past
 * the key it belongs to; anything else (or one never closed) goes to the full
 * parse, where the two hold indentation to different rules. A quote opens a
 * scalar only where a value can start (line start, after `: `, `- `, `[`, `{`,
 * `,` or `? `): an apostrophe inside plain text is text.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export function runsOnBadly(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  let keyColumn = 0;
  for (const line of text.split('\n')) {
    const open = depth > 0 || quote !== undefined;
    if (open && line.trim() !== '' && (/^ */.exec(line)?.[0].length ?? 0) <= keyColumn) return true;
    // Where the line's own key stands, past its indentation and any `- ` of list items.
    if (!open) keyColumn = /^ *(?:- +)*/.exec(line)?.[0].length ?? 0;
    let previous = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
      } else if (quote === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") quote = undefined;
      } else if ((c === '"' || c === "'") && /^$|[:\-[{,?]$/.test(previous)) quote = c;
      else if (c === '#' && (i === 0 || isSpace(line[i - 1] as string))) break;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
      if (!isSpace(c)) previous = quote ? '' : c;
    }
    if (depth < 0) return true;
  }
  return depth !== 0 || quote !== undefined;
}

/** `/\s/` for one character, without a regular expression for the common ones: this runs on every character of every file. */
function isSpace(c: string): boolean {
  if (c === ' ' || c === '\t' || c === '\r') return true;
  return c > '~' && /\s/.test(c);
}

/**
 * The data of a YAML text that is plainly well formed, read about ten times
 * faster than a full parse that keeps every node's place. `undefined` means
 * "use the full parse": the text does not read, holds no document, or uses
 * what only the full parse reads the same way every time (see above).
 */
export function readYamlQuickly(text: string): { value: unknown } | undefined {
  if (NEEDS_FULL_PARSE.test(text) || runsOnBadly(text)) return undefined;
  try {
    const value: unknown = load(text, { schema: CORE_SCHEMA });
    // No document (an empty file, or only comments) or a bare null: the full parse tells these apart.
    return value === undefined || value === null ? undefined : { value };
  } catch {
    return undefined;
  }
}
