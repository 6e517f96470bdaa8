import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';

/** A `::: recommendations` block found in a body, for the model to fill in. */
export interface ViewBlock {
  /** 0-based line of the opening `:::` in the text rendered. */
  line: number;
  /** The YAML between the fences. */
  source: string;
  closed: boolean;
  /** True when the block stands inside a list or quotation, where a table cannot go. */
  nested: boolean;
}

/** Per-document state: where the blocks were found. Absent where a body may not hold them. */
export interface ViewEnv {
  views?: ViewBlock[];
}

const OPEN = /^:::[ \t]*recommendations[ \t]*$/;
const CLOSE = /^:::[ \t]*$/;

/** The marker left in the HTML where a view goes; raw HTML is escaped, so content cannot forge it. */
export function viewMarker(index: number): string {
  return `<!--papers-view:${index}-->`;
}

export const VIEW_MARKER = /<!--papers-view:(\d+)-->/;

/**
 * ```
 * ::: recommendations
 * set: cdrp-scrutiny-2003
 * owner: MPS
 * :::
 * ```
 * places a view of a recommendation set in a report's body. The lines between
 * the fences are YAML, checked against the same schema as an appendix's
 * `recommendations`.
 */
export function recommendationsBlockRule(md: MarkdownIt): void {
  md.block.ruler.before(
    'fence',
    'recommendations_block',
    // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
      if (!OPEN.test(lineText(state, startLine))) return false;
      if (silent) return true;
      let next = startLine + 1;
      let closed = false;
      for (; next < endLine; next++) {
        const text = lineText(state, next);
        // A line left of the block's own margin ends it, as it ends a fence in a list.
        if (text.trim() !== '' && state.sCount[next]! < state.blkIndent) break;
        if (CLOSE.test(text)) {
          closed = true;
          break;
        }
      }
      const token = state.push('recommendations_view', 'div', 0);
      token.block = true;
      token.map = [startLine, closed ? next + 1 : next];
      token.content = state.getLines(startLine + 1, next, state.blkIndent, false);
      token.meta = { closed };
      state.line = closed ? next + 1 : next;
      return true;
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  );
  md.core.ruler.push('recommendations_views', (state: StateCore) => {
    const env = state.env as ViewEnv;
    for (const token of state.tokens) {
      if (token.type !== 'recommendations_view') continue;
      if (!env.views) continue;
      token.meta.index = env.views.length;
      env.views.push({
        line: token.map?.[0] ?? 0,
        source: token.content,
        closed: token.meta.closed as boolean,
        nested: token.level > 0,
      });
    }
  });
  md.renderer.rules.recommendations_view = (tokens, idx) => {
    const token = tokens[idx];
    const index = token?.meta?.index as number | undefined;
    // Where views are not allowed (a summary, a table cell), the block stays visible as text rather than vanish.
    if (index === undefined)
      return `<pre>${md.utils.escapeHtml(`::: recommendations\n${token?.content ?? ''}\n:::`)}</pre>\n`;
    return `${viewMarker(index)}\n`;
  };
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}
