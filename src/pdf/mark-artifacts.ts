/**
 * Chromium tags what the page's HTML holds, but paints the page background and
 * the running heads and footers of `@page` margin boxes outside any marked
 * content. PDF/UA-1 asks that every piece of content be either tagged or
 * marked as an artifact, so each graphics object outside marked content is
 * wrapped in `/Artifact BMC … EMC`.
 */

interface Operation {
  /** Where its first operand (or the operator) starts, and where the operator ends. */
  start: number;
  end: number;
  operator: string;
}

/** Operators that begin a graphics object, and those that end one. */
const BEGINS = new Set(['BT', 'm', 're', 'Do', 'sh', 'BI']);
const ENDS = new Set(['ET', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n', 'Do', 'sh', 'EI']);
const OPERANDS = new Set(['true', 'false', 'null']);
const DELIMITERS = '()<>[]{}/%';

/** The content stream with every graphics object outside marked content marked as an artifact. */
export function markArtifacts(content: string): string {
  const operations = readOperations(content);
  const out: string[] = [];
  let at = 0;
  let depth = 0;
  let open = false;
  for (let i = 0; i < operations.length; i++) {
    const op = operations[i] as Operation;
    if (op.operator === 'BDC' || op.operator === 'BMC') depth++;
    else if (op.operator === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth === 0 && !open && BEGINS.has(op.operator) && !holdsMarkedContent(operations, i)) {
      out.push(content.slice(at, op.start), '/Artifact BMC\n');
      at = op.start;
      open = true;
    }
    if (open && ENDS.has(op.operator) && (op.operator !== 'n' || !inText(operations, i))) {
      out.push(content.slice(at, op.end), '\nEMC');
      at = op.end;
      open = false;
    }
  }
  out.push(content.slice(at));
  if (open) out.push('\nEMC\n');
  return out.join('');
}

/** Whether a text object starting at `i` holds marked content of its own (then it is left as it is). */
function holdsMarkedContent(operations: Operation[], i: number): boolean {
  if (operations[i]?.operator !== 'BT') return false;
  for (let j = i + 1; j < operations.length; j++) {
    const operator = operations[j]?.operator;
    if (operator === 'ET') return false;
    if (operator === 'BDC' || operator === 'BMC') return true;
  }
  return false;
}

/** `n` ends a path, but never inside a text object (where no path can be). */
function inText(operations: Operation[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const operator = operations[j]?.operator;
    if (operator === 'ET') return false;
    if (operator === 'BT') return true;
  }
  return false;
}

/**
 * An operator in a stream without literal strings or inline images: a word
 * after white space or a closing bracket, before white space or an opening one.
 * Names (`/F4`) and hex strings (`<004A>`) never match, as no word starts after `/` or `<`.
 */
const OPERATOR = /(?<=^|[\s>\]])[A-Za-z'"][A-Za-z0-9*'"]*(?=[\s<[/]|$)/g;

/** The operations of a content stream: each operator with the span of its operands. */
export function readOperations(content: string): Operation[] {
  // Chromium writes text as hex strings, no comment and no inline image: then one pattern finds every operator.
  return content.includes('(') || /\bID\b/.test(content)
    ? readOperationsByToken(content)
    : readOperationsByPattern(content);
}

/** Every operator found by `OPERATOR`: its operands run from the end of the one before. */
export function readOperationsByPattern(content: string): Operation[] {
  const operations: Operation[] = [];
  let after = 0;
  for (const match of content.matchAll(OPERATOR)) {
    const operator = match[0];
    if (OPERANDS.has(operator)) continue;
    const end = (match.index ?? 0) + operator.length;
    let start = after;
    while (start < end && isSpace(content[start] as string)) start++;
    operations.push({ start, end, operator });
    after = end;
  }
  return operations;
}

/** The operations of any content stream, read a token at a time. */
export function readOperationsByToken(content: string): Operation[] {
  const operations: Operation[] = [];
  let start = -1;
  let nesting = 0;
  let i = 0;
  while (i < content.length) {
    const token = readToken(content, i);
    if (token.kind !== 'space' && start < 0) start = i;
    i = token.end;
    nesting += NESTING[token.kind];
    const word = token.kind === 'word' && nesting <= 0 ? content.slice(token.start, token.end) : '';
    if (!isOperator(word)) continue;
    if (word === 'ID') i = skipInlineImage(content, i);
    operations.push({ start, end: i, operator: word === 'ID' ? 'EI' : word });
    start = -1;
  }
  return operations;
}

function isOperator(word: string): boolean {
  return word !== '' && !OPERANDS.has(word) && !/^[-+.\d]/.test(word);
}

const NESTING: Record<Token['kind'], number> = { open: 1, close: -1, space: 0, operand: 0, word: 0 };

interface Token {
  kind: 'space' | 'operand' | 'open' | 'close' | 'word';
  start: number;
  end: number;
}

/** The token at `i`: white space or a comment, a string or name, a bracket, or a bare word. */
function readToken(content: string, i: number): Token {
  const c = content[i] as string;
  const two = content.slice(i, i + 2);
  if (isSpace(c)) return { kind: 'space', start: i, end: i + 1 };
  if (c === '%') return { kind: 'space', start: i, end: skipLine(content, i) };
  if (c === '(') return { kind: 'operand', start: i, end: skipString(content, i) };
  if (two === '<<' || c === '[') return { kind: 'open', start: i, end: i + (c === '[' ? 1 : 2) };
  if (two === '>>' || c === ']') return { kind: 'close', start: i, end: i + (c === ']' ? 1 : 2) };
  if (c === '<') return { kind: 'operand', start: i, end: content.indexOf('>', i) + 1 || content.length };
  if (c === '/') return { kind: 'operand', start: i, end: skipWord(content, i + 1) };
  return { kind: 'word', start: i, end: skipWord(content, i) };
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
}

function skipWord(content: string, i: number): number {
  let j = i;
  while (j < content.length && !isSpace(content[j] as string) && !DELIMITERS.includes(content[j] as string)) j++;
  return j === i ? i + 1 : j;
}

function skipLine(content: string, i: number): number {
  const end = content.indexOf('\n', i);
  return end < 0 ? content.length : end + 1;
}

/** A literal string: balanced parentheses, with backslash escapes. */
function skipString(content: string, i: number): number {
  let depth = 0;
  for (let j = i; j < content.length; j++) {
    const c = content[j];
    if (c === '\\') j++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return content.length;
}

/** An inline image's data runs from `ID` to `EI` between white space. */
function skipInlineImage(content: string, i: number): number {
  const end = /\sEI(?=\s|$)/g;
  end.lastIndex = i + 1;
  const found = end.exec(content);
  return found ? found.index + found[0].length : content.length;
}
