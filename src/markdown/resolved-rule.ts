import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { DECISION, decisionWord } from '../meetings/parse-minutes.ts';

/**
 * In minutes, a paragraph that opens `Resolved: That …` (or `Resolved (noted
 * <set>): That …`) is a decision: it renders "RESOLVED – That …" as the
 * archive prints it (`RESOLVED:` → "RESOLVED –", `Resolved:` → "Resolved –"), the names of what it touched left to the tracker.
 * Only where `env.minutes` is set: a report may say "Resolved:" in passing.
 */
export function resolvedRule(md: MarkdownIt): void {
  md.core.ruler.push('resolved', (state: StateCore) => {
    if (!(state.env as { minutes?: boolean }).minutes) return;
    const tokens = state.tokens;
    for (let i = 0; i + 1 < tokens.length; i++) markDecision(state, tokens[i], tokens[i + 1]);
  });
}

/** A paragraph that opens with a decision: its word in bold, as the clerk wrote it, then its words from "That". */
function markDecision(state: StateCore, open: Token | undefined, inline: Token | undefined): void {
  if (open?.type !== 'paragraph_open' || inline?.type !== 'inline') return;
  const first = inline.children?.[0];
  const match = first?.type === 'text' ? DECISION.exec(first.content) : null;
  if (!first || !match) return;
  // What the decision names is left to the tracker; its words, from "That", stay.
  first.content = match[2] ?? '';
  const marker = new state.Token('html_inline', '', 0);
  // The word as the clerk wrote it: the archive has both "RESOLVED –" and "Resolved –".
  marker.content = `<strong>${decisionWord(match[0])}</strong> – `;
  inline.children!.unshift(marker);
  open.attrJoin('class', 'resolved');
}
