import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type { BodyEnv } from './body-env.ts';

const REF = /^\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]/;

/**
 * `[[label]]` refers to the paragraph labelled `{#label}` and renders as its
 * number, so a reference follows the paragraph when paragraphs are inserted.
 */
export function paragraphRefRule(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'paragraph_ref', (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    const match = REF.exec(state.src.slice(state.pos));
    if (!match) return false;
    if (!silent) {
      const token = state.push('paragraph_ref', '', 0);
      token.meta = { label: match[1] };
    }
    state.pos += match[0].length;
    return true;
  });
  md.renderer.rules.paragraph_ref = (tokens, idx, _options, env: Partial<BodyEnv>) => {
    const token = tokens[idx];
    const label = env.labels?.get(token?.meta?.label);
    if (!token || !label) return md.utils.escapeHtml(`[[${String(token?.meta?.label)}]]`);
    const text = token.meta.section === label.section ? String(label.number) : label.ref;
    return `<a class="paragraph-ref" href="#${label.id}">${text}</a>`;
  };
}
