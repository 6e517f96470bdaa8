import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { clauseListsRule } from './clause-lists-rule.ts';
import { outsideImagesRule } from './outside-images-rule.ts';
import { paragraphRefRule } from './paragraph-ref-rule.ts';
import { plainTablesRule } from './plain-tables-rule.ts';
import { recommendationsBlockRule } from './recommendations-block-rule.ts';
import { reportSectionsRule } from './report-sections-rule.ts';
import { resolvedRule } from './resolved-rule.ts';

/**
 * The one Markdown renderer of the project. Raw HTML is escaped, never passed
 * through: content comes from many hands and must not run script in a reader's
 * browser. markdown-it's link check already refuses javascript: and data: URLs.
 * Indented code blocks are off, as in Eleventy: an indented line stays text.
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable('code');
  md.use(clauseListsRule);
  md.use(paragraphRefRule);
  md.use(recommendationsBlockRule);
  md.use(plainTablesRule);
  md.use(reportSectionsRule);
  md.use(outsideImagesRule);
  md.use(resolvedRule);
  // Footnotes, `[^1]` and `[^1]: …`, as Word reports have them; `env.docId` keeps the ids of each rendered part apart.
  md.use(footnote as unknown as PluginSimple);
  labelFootnoteBackLinks(md);
  return md;
}

/** Render text for a table cell or list item: one paragraph loses its `<p>`. */
export function renderCompact(md: MarkdownIt, text: string): string {
  const html = md.render(text).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]?.includes('<p>') ? (single[1] ?? '') : html;
}

/**
 * The link from a footnote back to where it is cited says so to a screen
 * reader ("Back to the text of footnote 1"); its glyph alone said nothing.
 * It is not printed (print.css): a PDF has no use for it.
 */
function labelFootnoteBackLinks(md: MarkdownIt): void {
  const anchor = md.renderer.rules.footnote_anchor;
  if (!anchor) return;
  md.renderer.rules.footnote_anchor = (tokens, idx, options, env, self) => {
    const n = Number((tokens[idx]?.meta as { id?: number } | undefined)?.id ?? 0) + 1;
    return anchor(tokens, idx, options, env, self).replace(
      'class="footnote-backref"',
      `class="footnote-backref" aria-label="Back to the text of footnote ${n}"`,
    );
  };
}
