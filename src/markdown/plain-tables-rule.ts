import type MarkdownIt from 'markdown-it';

/**
 * A table written in Markdown is set like the house tables and sits in its own
 * labelled region that scrolls sideways on a narrow screen, not the page.
 */
export function plainTablesRule(md: MarkdownIt): void {
  md.renderer.rules.table_open = (_tokens, _idx, _options, env: { tableCount?: number }) => {
    env.tableCount = (env.tableCount ?? 0) + 1;
    return `<div class="table-wrap" role="region" aria-label="Table ${env.tableCount}" tabindex="0">\n<p class="scroll-hint" data-pagefind-ignore="all">Scroll sideways to see the whole table.</p>\n<table class="plain-table">\n`;
  };
  md.renderer.rules.table_close = () => '</table>\n</div>\n';
}
