import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import { toRoman } from '../domain/list-markers.ts';

export type ClauseKind = 'lower-roman' | 'upper-roman' | 'lower-alpha' | 'upper-alpha';

export interface ClauseStyle {
  kind: ClauseKind;
  /** `(i)` rather than `i.` */
  paren: boolean;
}

/** `(i)`, `(a)`, `(A)`, or `a.`, `A.`, `i.` at the start of a line, then a space. */
const MARKER = /^([ \t]*)(?:\(([ivxlcdm]+|[IVXLCDM]+|[a-z]|[A-Z])\)|([ivxlcdm]+|[IVXLCDM]+|[a-z]|[A-Z])\.)(?=[ \t])/;
const FENCE = /^[ \t]*(```|~~~)/;

const TYPE: Record<ClauseKind, string> = {
  'lower-roman': 'i',
  'upper-roman': 'I',
  'lower-alpha': 'a',
  'upper-alpha': 'A',
};
const styles = new WeakMap<StateCore, Map<number, ClauseStyle>>();

/**
 * Clauses as terms of reference number them: `(i)`, `(ii)` with sub-clauses
 * `(a)`, `(b)`, or `a.`, `A.`. Each such marker is rewritten, before parsing, to
 * a number of the same width (`(ii)` to `002)`), so markdown-it's own list rule
 * nests them by indentation; the lists are then given their kind, and the
 * browser draws the markers. Write `\(a)` or `a\.` for text that only looks like one.
 */
export function clauseListsRule(md: MarkdownIt): void {
  md.core.ruler.after('normalize', 'clause_markers', (state: StateCore) => {
    const found = new Map<number, ClauseStyle>();
    state.src = rewriteClauseMarkers(state.src, found);
    styles.set(state, found);
  });
  md.core.ruler.after('block', 'clause_lists', (state: StateCore) => {
    const found = styles.get(state);
    if (!found || found.size === 0) return;
    for (const token of state.tokens) {
      if (token.type !== 'ordered_list_open' || !token.map) continue;
      const style = found.get(token.map[0]);
      if (!style) continue;
      token.attrSet('type', TYPE[style.kind]);
      token.attrJoin('class', style.paren ? `clauses clauses-paren` : 'clauses');
    }
  });
}

/** Rewrite clause markers to numbers of the same width; note each marker line's style. */
export function rewriteClauseMarkers(src: string, found: Map<number, ClauseStyle>): string {
  const lines = src.split('\n');
  /** The last clause at each indent, to tell `(i)` after `(h)` from `(i)` the roman one. */
  const last = new Map<number, { kind: ClauseKind; value: number }>();
  let fenced = false;
  lines.forEach((line, i) => {
    if (FENCE.test(line) || /^:::/.test(line.trim())) fenced = !fenced;
    if (fenced) return;
    const match = MARKER.exec(line);
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (line.trim() !== '') for (const key of [...last.keys()]) if (key > indent) last.delete(key);
    if (!match) return;
    const word = (match[2] ?? match[3]) as string;
    const paren = match[2] !== undefined;
    const previous = last.get(indent);
    const clause = readClause(word, previous);
    if (!clause) return;
    last.set(indent, clause);
    found.set(i, { kind: clause.kind, paren });
    const width = match[0].length - (match[1]?.length ?? 0) - 1;
    lines[i] =
      `${match[1] ?? ''}${String(clause.value).padStart(width, '0')}${paren ? ')' : '.'}${line.slice(match[0].length)}`;
  });
  return lines.join('\n');
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
