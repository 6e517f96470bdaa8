import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { createProblem, type ContentProblem, type Location } from '../errors/content-problem.ts';
import { detach } from './detach.ts';
import { diagnoseYaml } from './diagnose-yaml.ts';

export type DataPath = ReadonlyArray<string | number>;

/**
 * A parsed YAML document that can point back at its own text: any data path
 * becomes a file:line:col, which is what lets every error name its place.
 */
export interface YamlSource {
  file: string;
  /** Lines before this document in its file (front matter starts after `---`). */
  lineOffset: number;
  text: string;
  /** The full parse, every node with its place: made when first asked for (to place an error). */
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
}

export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlSource {
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const parse = () => {
    if (parsed) return parsed;
    const lineCounter = new LineCounter();
    // YAML 1.2 core schema: dates stay strings, so no time zone can shift them.
    const doc = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
    parsed = { doc, lineCounter };
    return parsed;
  };
  return {
    file,
    lineOffset,
    text,
    get doc() {
      return parse().doc;
    },
    get lineCounter() {
      return parse().lineCounter;
    },
  };
}

export function locateOffset(source: YamlSource, offset: number): Location {
  const pos = source.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line + source.lineOffset, col: pos.col };
}

/**
 * Syntax errors of the document, located; empty when it parsed. One slip
 * gives one error, where it is and in plain words (`diagnoseYaml`), not the
 * parser's chain of consequences; the parser's words go in `detail`, shown
 * with `--verbose`. Repeated keys are each their own mistake.
 */
export function collectSyntaxErrors(source: YamlSource, code: 'E_YAML_SYNTAX' | 'E_FRONT_MATTER'): ContentProblem[] {
  const errors = source.doc.errors;
  if (errors.length === 0) return [];
  const detail = errors.map((err) => err.message.split('\n')[0] ?? err.message).join('; ');
  if (errors.every((err) => err.code === 'DUPLICATE_KEY'))
    return errors.map((err) => describeParserError(source, code, err));
  const first = errors[0]!;
  const quoted = errors.find((err) => /Missing closing (["'])quote/.test(err.message));
  const slip = quoted ? undefined : diagnoseYaml(source.text, source.lineCounter.linePos(first.pos[0]).line - 1);
  const problem = slip
    ? createProblem(
        { file: source.file, line: slip.line + 1 + source.lineOffset, col: slip.col },
        code,
        slip.message,
        slip.hint,
      )
    : describeParserError(source, code, quoted ?? first);
  return [{ ...problem, detail }];
}

function describeParserError(
  source: YamlSource,
  code: 'E_YAML_SYNTAX' | 'E_FRONT_MATTER',
  err: YamlSource['doc']['errors'][number],
): ContentProblem {
  const quote = /Missing closing (["'])quote/.exec(err.message)?.[1];
  // The parser notices a missing closing quote at the end; the mistake is at the opening one.
  const offset = quote ? (findUnclosedQuote(source.text, quote) ?? err.pos[0]) : err.pos[0];
  const at = locateOffset(source, offset);
  const firstLine = err.message.split('\n')[0] ?? err.message;
  // The parser reports nesting too deep for it as resource exhaustion, as it does alias bombs: the message tells them apart.
  const hint = quote
    ? `close the quote with ${quote} at the end of the value`
    : /call stack|too deep/i.test(firstLine)
      ? 'write it with fewer levels of nested lists and mappings: content files nest a few levels at most'
      : yamlHint(err.code);
  const message = quote
    ? 'a quote opened here is never closed'
    : describeYamlError(/call stack/i.test(firstLine) ? 'lists or mappings nest too deep to read' : firstLine);
  return createProblem(at, code, message, hint);
}

/** Offset of the first quote that opens a scalar and is never closed, line by line. */
function findUnclosedQuote(text: string, quote: string): number | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const content = line.replace(/(^|\s)#.*$/, '');
    const pattern = quote === '"' ? /"(?:[^"\\]|\\.)*"?/g : /'(?:[^']|'')*'?/g;
    for (const match of content.matchAll(pattern)) {
      if (match[0].length === 1 || !match[0].endsWith(quote)) return offset + (match.index ?? 0);
    }
    offset += line.length + 1;
  }
  return undefined;
}

function describeYamlError(message: string): string {
  const text = message.replace(/ at line \d+, column \d+:?$/, '');
  return `YAML does not parse: ${text}`;
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename one of them';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation and that every `key: value` has its colon';
    case 'RESOURCE_EXHAUSTION':
      return 'the file expands too many aliases; write the values out instead';
    default:
      return 'check quotes, colons and indentation on this line and the one before it';
  }
}

/**
 * Where a data path is written. With `key`, the key of the last segment
 * (for an unknown field); otherwise its value. A path that does not exist
 * (a missing field) resolves to the nearest existing parent.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export function locatePath(source: YamlSource, path: DataPath, options: { key?: boolean } = {}): Location {
  let node: unknown = source.doc.contents;
  let best: Node | null = isNodeWithRange(node) ? node : null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      if (last && options.key && isNodeWithRange(pair.key)) return locateNode(source, pair.key);
      node = pair.value;
      if (isNodeWithRange(node)) best = node;
      else if (isNodeWithRange(pair.key)) best = pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNodeWithRange(item)) break;
      node = item;
      best = item;
    } else {
      break;
    }
  }
  if (best) return locateNode(source, best);
  return { file: source.file, line: 1 + source.lineOffset, col: 1 };
}

function locateNode(source: YamlSource, node: Node): Location {
  return locateOffset(source, node.range?.[0] ?? 0);
}

function isNodeWithRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && Array.isArray((value as Node).range);
}

/** Aliases a document may expand in all, so that a few lines cannot stand for gigabytes. */
const MAX_ALIAS_COUNT = 100;

/** YAML to plain data, refusing an alias with no anchor and documents whose aliases would expand without bound. */
export function toPlainData(
  source: YamlSource,
  code: 'E_YAML_SYNTAX' | 'E_FRONT_MATTER',
): { ok: true; value: unknown } | { ok: false; error: ContentProblem } {
  try {
    // Detached, so the values do not keep the file's text alive once it is checked.
    return { ok: true, value: detach(source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) };
  } catch (error) {
    const at = { file: source.file, line: 1 + source.lineOffset, col: 1 };
    const alias = /Unresolved alias[^:]*: (\S+)/.exec(error instanceof Error ? error.message : '')?.[1];
    if (alias !== undefined)
      return {
        ok: false,
        error: createProblem(
          at,
          code,
          `the alias \`*${alias}\` names no anchor`,
          `write the value out, or mark the value it repeats with \`&${alias}\` before this line`,
        ),
      };
    if (error instanceof RangeError)
      return {
        ok: false,
        error: createProblem(
          at,
          code,
          'the YAML nests lists or mappings too deep to read',
          'write it with fewer levels: content files nest a few levels at most',
        ),
      };
    return {
      ok: false,
      error: createProblem(
        at,
        code,
        `the YAML uses aliases (*name) more than ${MAX_ALIAS_COUNT} times over`,
        'write the values out instead of repeating aliases',
      ),
    };
  }
}
