import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { BodyEnv, BodySection } from './body-env.ts';
import { detach } from '../content/detach.ts';
import { letterFor, slugify } from './letters.ts';

/** `{-}` keeps a paragraph unnumbered; `{#label}` names it for `[[label]]`. */
const MARKER = /^\{(-|#([a-z0-9]+(?:-[a-z0-9]+)*))\}\s*/;

/**
 * The house format of a report body: `##` headings become lettered sections
 * (B, C, …), and top-level paragraphs of numbered sections get numbers that
 * run on across `###` subheadings and restart in each section. Numbers are
 * written into the text, so they are read aloud, copied and searched with it.
 */
export function reportSectionsRule(md: MarkdownIt): void {
  md.core.ruler.push('report_sections', (state: StateCore) => {
    const env = state.env as Partial<BodyEnv>;
    if (!env.sections || !env.labels || !env.problems || !env.numbered) return;
    numberReport(state, env as BodyEnv);
  });
}

function numberReport(state: StateCore, env: BodyEnv): void {
  const tokens = state.tokens;
  let section: BodySection | undefined;
  let numbered = false;
  const refs: Array<{ token: Token; line: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const inline = tokens[i + 1];
    const line = token.map?.[0] ?? 0;
    if (token.type === 'heading_open' && inline) {
      if (token.tag === 'h1') {
        env.problems.push({ line, code: 'E_MARKDOWN', message: 'a report body has no level-1 heading', hint: 'the title comes from the front matter; use `## ` for a lettered section and `### ` for a subheading' });
      } else if (token.tag === 'h2') {
        const title = detach(inline.content.trim());
        section = { letter: letterFor(env.firstLetter + env.sections.length), title, id: slugify(title), line, paragraphs: 0 };
        env.sections.push(section);
        numbered = env.numbered.has(title.toLowerCase());
        token.attrSet('id', section.id);
        inline.children?.unshift(textToken(state, `${section.letter}. `));
      }
    } else if (token.type === 'paragraph_open' && token.level === 0 && inline) {
      if (!section) {
        env.problems.push({ line, code: 'E_MARKDOWN', message: 'text stands before the first section', hint: 'start the body with a `## ` heading such as `## Supporting information`' });
      }
      const marker = takeMarker(inline);
      if (marker === '-' || !section || !numbered) {
        if (marker && marker !== '-') env.problems.push({ line, code: 'E_MARKDOWN', message: `\`{#${marker}}\` labels a paragraph that has no number`, hint: 'label only paragraphs of a numbered section (see `numbered_sections` in the front matter)' });
        continue;
      }
      section.paragraphs += 1;
      const ref = `${section.letter}${section.paragraphs}`;
      const id = marker ?? `para-${ref}`;
      if (marker) {
        if (env.labels.has(marker)) env.problems.push({ line, code: 'E_DUPLICATE_ID', message: `the label \`${marker}\` is used twice`, hint: 'give each labelled paragraph its own label' });
        env.labels.set(marker, { ref, section: section.letter, number: section.paragraphs, id });
      }
      token.attrSet('id', id);
      token.attrJoin('class', 'numbered');
      const number = new state.Token('html_inline', '', 0);
      number.content = `<span class="paragraph-number">${section.paragraphs}.</span> `;
      inline.children?.unshift(number);
    }
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'paragraph_ref') {
          child.meta.section = section?.letter;
          refs.push({ token: child, line });
        }
      }
    }
  }
  for (const { token, line } of refs) {
    const label = String(token.meta.label);
    if (!env.labels.has(label)) {
      env.problems.push({ line, code: 'E_UNKNOWN_REF', message: `no paragraph is labelled \`${label}\``, hint: `start the paragraph you mean with \`{#${label}}\`` });
    }
  }
}

/** Strip a leading `{-}` or `{#label}` from a paragraph; return what it said. */
function takeMarker(inline: Token): string | undefined {
  const first = inline.children?.[0];
  if (!first || first.type !== 'text') return undefined;
  const match = MARKER.exec(first.content);
  if (!match) return undefined;
  first.content = first.content.slice(match[0].length);
  return match[2] ?? match[1];
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}
