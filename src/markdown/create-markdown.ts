import MarkdownIt from 'markdown-it';
import { paragraphRefRule } from './paragraph-ref-rule.ts';
import { reportSectionsRule } from './report-sections-rule.ts';

/**
 * The one Markdown renderer of the project. Raw HTML is escaped, never passed
 * through: content comes from many hands and must not run script in a reader's
 * browser. markdown-it's link check already refuses javascript: and data: URLs.
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(paragraphRefRule);
  md.use(reportSectionsRule);
  return md;
}

/** Render text for a table cell or list item: one paragraph loses its `<p>`. */
export function renderCompact(md: MarkdownIt, text: string): string {
  const html = md.render(text).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]?.includes('<p>') ? (single[1] ?? '') : html;
}
