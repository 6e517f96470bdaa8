import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { BodyEnv, BodySection } from './body-env.ts';
import { detach } from '../content/detach.ts';
import { slugify } from '../domain/slugs.ts';
import { letterFor } from './letters.ts';

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

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
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
        env.problems.push({
          line,
          code: 'E_MARKDOWN',
          message: 'a report body has no level-1 heading',
          hint: 'the title comes from the front matter; use `## ` for a lettered section and `### ` for a subheading',
        });
      } else if (token.tag === 'h2' && token.level > 0) {
        env.problems.push({
          line,
          code: 'E_MARKDOWN',
          message: 'a `## ` heading stands inside a quotation or list',
          hint: 'start a lettered section at the left margin; inside a quotation or list, use `### ` or bold text',
        });
      } else if (token.tag === 'h2') {
        const title = detach(inline.content.trim());
        const letter = letterFor(env.firstLetter + env.sections.length);
        // A heading of no Latin letters ("## ٢") still needs an address.
        const id = slugify(title) || `section-${letter.toLowerCase()}`;
        if (isTaken(env, id))
          env.problems.push({
            line,
            code: 'E_DUPLICATE_ID',
            message: `the section “${title}” would have the address #${id}, which another part of the report has`,
            hint: 'give the heading other words: each section’s heading must differ from the others and from Summary, Contents and the report’s standard parts',
          });
        section = { letter, title, id, line, paragraphs: 0 };
        env.sections.push(section);
        numbered = env.numbered.has(title.toLowerCase());
        token.attrSet('id', section.id);
        inline.children?.unshift(textToken(state, `${section.letter}. `));
      }
    } else if (token.type === 'paragraph_open' && token.level === 0 && inline) {
      if (!section) {
        env.problems.push({
          line,
          code: 'E_MARKDOWN',
          message: 'text stands before the first section',
          hint: 'start the body with a `## ` heading such as `## Supporting information`',
        });
      }
      const marker = takeMarker(inline);
      if (marker === '-' || !section || !numbered) {
        if (marker && marker !== '-')
          env.problems.push({
            line,
            code: 'E_MARKDOWN',
            message: `\`{#${marker}}\` labels a paragraph that has no number`,
            hint: 'label only paragraphs of a numbered section (see `numbered_sections` in the front matter)',
          });
        continue;
      }
      section.paragraphs += 1;
      const ref = `${section.letter}${section.paragraphs}`;
      const id = marker ?? `para-${ref}`;
      if (marker) {
        if (env.labels.has(marker))
          env.problems.push({
            line,
            code: 'E_DUPLICATE_ID',
            message: `the label \`${marker}\` is used twice`,
            hint: 'give each labelled paragraph its own label',
          });
        else if (isTaken(env, marker))
          env.problems.push({
            line,
            code: 'E_DUPLICATE_ID',
            message: `the label \`${marker}\` is the address of another part of the report`,
            hint: 'choose another label, such as one from the paragraph’s own words',
          });
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
      env.problems.push({
        line,
        code: 'E_UNKNOWN_REF',
        message: `no paragraph is labelled \`${label}\``,
        hint: `start the paragraph you mean with \`{#${label}}\``,
      });
    }
  }
}

/** Addresses the report page gives its standard parts, and the patterns of those it numbers. */
const RESERVED_IDS = new Set([
  'summary',
  'contents-heading',
  'recommendation',
  'recommendations',
  'background-papers',
  'contact-details',
  'abbreviations',
  'supporting-material',
]);
const RESERVED_PATTERN = /^(appendix-\d+|recommendation-\d+(-\d+)?|para-[a-z]+\d+|item-\d+|section-[a-z]+)$/i;

/** Is `id` an address another part of the report has, or may have? */
function isTaken(env: BodyEnv, id: string): boolean {
  return (
    RESERVED_IDS.has(id) ||
    (RESERVED_PATTERN.test(id) && !/^section-[a-z]+$/.test(id)) ||
    env.sections.some((s) => s.id === id) ||
    env.labels.has(id)
  );
}

/** Strip a leading `{-}` or `{#label}` from a paragraph; return what it said. */
function takeMarker(inline: Token): string | undefined {
  const first = inline.children?.[0];
  if (first?.type !== 'text') return undefined;
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
