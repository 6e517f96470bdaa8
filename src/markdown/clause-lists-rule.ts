import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import { toRoman } from '../domain/list-markers.ts';

export type ClauseKind = 'lower-roman' | 'upper-roman' | 'lower-alpha' | 'upper-alpha';

export interface ClauseStyle {
  kind: ClauseKind;
  /** `(i)` rather than `i.` */
  paren: boolean;
}

/** `(i)`, `(a)`, `(A)`, or `a.`, `A.`, `i.`, then a space or the end of the line. */
const MARKER = /^(?:\(([ivxlcdm]+|[IVXLCDM]+|[a-z]|[A-Z])\)|([ivxlcdm]+|[IVXLCDM]+|[a-z]|[A-Z])\.)(?=[ \t]|$)/;
const FENCE = /^[ \t]*(```|~~~)/;
/** Stands in for the text of a clause written with none, since an empty list item cannot follow a paragraph; taken out after parsing. */
const NO_TEXT = '\uE000';

const TYPE: Record<ClauseKind, string> = {
  'lower-roman': 'i',
  'upper-roman': 'I',
  'lower-alpha': 'a',
  'upper-alpha': 'A',
};
const styles = new WeakMap<StateCore, Map<number, ClauseStyle[]>>();

/**
 * Clauses as terms of reference number them: `(i)`, `(ii)` with sub-clauses
 * `(a)`, `(b)`, or `a.`, `A.`. However the author lays them out (flat, as
 * `(i) (a) To consider …` then `(b) …` then `(ii) …`; a marker alone on its
 * line with its clauses under it; indented, with or without blank lines), a
 * clause of a kind not yet open is a sub-clause of the one above, and one of
 * an open kind is that clause's sibling. Each marker is rewritten, before
 * parsing, to a number of the same width (`(ii)` to `002)`), indented under
 * its parent, so markdown-it's own list rule nests them; the lists are then
 * given their kind, and each clause keeps the number written (`value`), so
 * none is renumbered. Write `\(a)` or `a\.` for text that only looks like one.
 */
export function clauseListsRule(md: MarkdownIt): void {
  md.core.ruler.after('normalize', 'clause_markers', (state: StateCore) => {
    const found = new Map<number, ClauseStyle[]>();
    state.src = rewriteClauseMarkers(state.src, found);
    styles.set(state, found);
  });
  md.core.ruler.after('block', 'clause_lists', (state: StateCore) => {
    const found = styles.get(state);
    if (!found || found.size === 0) return;
    markClauseLists(state.tokens, found);
    state.tokens = state.tokens.filter(
      (t, i, all) => !isStandIn(t) && !isStandIn(all[i + 1]) && !isStandIn(all[i - 1]),
    );
  });
}

type Token = StateCore['tokens'][number];

function isStandIn(token: Token | undefined): boolean {
  return token?.type === 'inline' && token.content === NO_TEXT;
}

/** Give each clause list its kind, and each clause whose number is not the next its written number. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function markClauseLists(tokens: Token[], found: ReadonlyMap<number, ClauseStyle[]>): void {
  const opened = new Map<number, number>();
  const lists: Array<{ clause: boolean; next: number }> = [];
  for (const token of tokens) {
    if (token.type === 'ordered_list_open') {
      const line = token.map?.[0] ?? -1;
      const n = opened.get(line) ?? 0;
      opened.set(line, n + 1);
      const style = found.get(line)?.[n];
      lists.push({ clause: style !== undefined, next: Number(token.attrGet('start') ?? 1) });
      if (!style) continue;
      token.attrSet('type', TYPE[style.kind]);
      token.attrJoin('class', style.paren ? 'clauses clauses-paren' : 'clauses');
    } else if (token.type === 'ordered_list_close') lists.pop();
    else if (token.type === 'list_item_open') {
      const list = lists.at(-1);
      if (!list?.clause) continue;
      const written = Number(token.info);
      if (Number.isInteger(written) && written !== list.next) token.attrSet('value', String(written));
      list.next = (Number.isInteger(written) ? written : list.next) + 1;
    }
  }
}

interface Level {
  kind: ClauseKind;
  value: number;
  /** Where the author put the marker, and where its text began. */
  written: number;
  writtenText: number;
  /** Where the rewritten text begins: a sub-clause's marker stands there. */
  content: number;
  /** The clause starts a list (it is not the sibling of an open one). */
  opens: boolean;
}

/** Rewrite clause markers to numbers of the same width, each indented under its parent; note each marker line's styles. */
export function rewriteClauseMarkers(src: string, found: Map<number, ClauseStyle[]>): string {
  const lines = src.split('\n');
  let open: Level[] = [];
  let fenced = false;
  let afterBlank = true;
  lines.forEach((line, i) => {
    if (FENCE.test(line) || /^:::/.test(line.trim())) {
      fenced = !fenced;
      open = [];
    }
    const blank = line.trim() === '';
    if (fenced || blank) {
      afterBlank = blank;
      return;
    }
    const rewritten = rewriteLine(line, open, afterBlank);
    afterBlank = false;
    if (rewritten === undefined) return;
    lines[i] = rewritten.text;
    if (rewritten.styles.length > 0) found.set(i, rewritten.styles);
  });
  return lines.join('\n');
}

/** One line: its markers rewritten, or its text moved under the open clause; `open` follows the clauses. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function rewriteLine(
  line: string,
  open: Level[],
  afterBlank: boolean,
): { text: string; styles: ClauseStyle[] } | undefined {
  const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
  let rest = line.slice(indent);
  let match = MARKER.exec(rest);
  const top = open.at(-1);
  if (!match) {
    if (!top) return undefined;
    // Text under an open clause: indented, it belongs to the clause; at the margin after a blank line, the list has ended.
    if (indent === 0) {
      if (afterBlank) open.length = 0;
      return undefined;
    }
    return { text: ' '.repeat(top.content + Math.max(0, indent - top.writtenText)) + rest, styles: [] };
  }
  if (indent >= 4 && !top) return undefined;
  const styles: ClauseStyle[] = [];
  let out = '';
  let written = indent;
  let first = true;
  let rewrote = false;
  while (match) {
    const word = (match[1] ?? match[2]) as string;
    const level = placeClause(open, word, written, first);
    if (!level) break;
    const marker = match[0];
    const gap = /^[ \t]*/.exec(rest.slice(marker.length))?.[0].length ?? 0;
    const column = first ? (open.at(-2)?.content ?? Math.min(indent, 3)) : (open.at(-2)?.content ?? 0);
    const number = `${String(level.value).padStart(marker.length - 1, '0')}${match[1] !== undefined ? ')' : '.'}`;
    out = first ? ' '.repeat(column) + number : `${out} ${number}`;
    level.content = column + marker.length + 1;
    level.writtenText = written + marker.length + Math.max(gap, 1);
    // Styles are given to the lists a line opens, in order; a sibling's list was opened above.
    if (level.opens) styles.push({ kind: level.kind, paren: match[1] !== undefined });
    rewrote = true;
    written = level.writtenText;
    rest = rest.slice(marker.length + gap);
    first = false;
    match = MARKER.exec(rest);
  }
  if (!rewrote) return undefined;
  return { text: `${out} ${rest === '' ? NO_TEXT : rest}`, styles };
}

/**
 * Where a clause stands among the open ones: the sibling of the open clause of
 * its kind, or a sub-clause of the last (always so for a second marker on a
 * line, and for one of the same kind written further in). `open` is updated.
 */
function placeClause(open: Level[], word: string, written: number, first: boolean): Level | undefined {
  const clause = readOpenClause(word, open);
  if (!clause) return undefined;
  const top = open.at(-1);
  const at = first ? open.findLastIndex((l) => l.kind === clause.kind) : -1;
  // Of the same kind, written further in and not its next: a list within the clause, as `(a)` under `(a)`.
  const deeper = top?.kind === clause.kind && written > top.written && clause.value !== top.value + 1;
  const sibling = at >= 0 && !deeper;
  if (sibling) open.length = at;
  else if (!first && top?.kind === clause.kind) return undefined;
  const level: Level = { ...clause, written, writtenText: written, content: 0, opens: !sibling };
  open.push(level);
  return level;
}

/** A marker read against the open clauses: `(i)` after `(h)` is a letter, after `(iii)`… it follows the roman list. */
function readOpenClause(word: string, open: readonly Level[]): { kind: ClauseKind; value: number } | undefined {
  for (const level of [...open].reverse()) {
    const clause = readClause(word, level);
    if (clause && clause.kind === level.kind && clause.value === level.value + 1) return clause;
  }
  return readClause(word, open.at(-1));
}

function readClause(
  word: string,
  previous: { kind: ClauseKind; value: number } | undefined,
): { kind: ClauseKind; value: number } | undefined {
  const upper = word === word.toUpperCase();
  const alpha: ClauseKind = upper ? 'upper-alpha' : 'lower-alpha';
  const roman: ClauseKind = upper ? 'upper-roman' : 'lower-roman';
  const letterValue = word.length === 1 ? word.toLowerCase().charCodeAt(0) - 96 : undefined;
  // A letter that follows its predecessor in a lettered list is a letter, even `i` after `h`.
  if (letterValue !== undefined && previous?.kind === alpha && previous.value === letterValue - 1)
    return { kind: alpha, value: letterValue };
  const romanValue = readRoman(word);
  if (romanValue !== undefined && (word.length > 1 || word.toLowerCase() === 'i' || previous?.kind === roman))
    return { kind: roman, value: romanValue };
  if (letterValue !== undefined) return { kind: alpha, value: letterValue };
  return undefined;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

export function readRoman(word: string): number | undefined {
  const digits = [...word.toLowerCase()].map((c) => ROMAN[c]);
  if (digits.some((d) => d === undefined)) return undefined;
  let total = 0;
  digits.forEach((d, i) => {
    const next = digits[i + 1] ?? 0;
    total += (d as number) < next ? -(d as number) : (d as number);
  });
  return toRoman(total) === word.toLowerCase() ? total : undefined;
}
