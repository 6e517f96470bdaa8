import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type { BodyEnv } from './body-env.ts';

/** An image address with a scheme (`https:`, `data:`…) or a host (`//host/x.png`): not one of the site's own files. */
export function isOutsideImage(src: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i.test(src.trim());
}

/**
 * Pages show nothing fetched from other sites: an image from outside is a
 * located error in a report body (`check` reports it), and is written as its
 * description in brackets wherever it stands, so no reader's browser asks
 * another host for it and the page and the PDF say the same.
 */
export function outsideImagesRule(md: MarkdownIt): void {
  md.core.ruler.push('outside_images', (state: StateCore) => {
    const env = state.env as Partial<BodyEnv>;
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        if (child.type !== 'image' || !isOutsideImage(child.attrGet('src') ?? '')) continue;
        child.meta = { ...child.meta, outside: true };
        env.problems?.push({
          line: token.map?.[0] ?? 0,
          code: 'E_MARKDOWN',
          message: `an image from outside the site (${child.attrGet('src')})`,
          hint: 'leave it out, or give its address as a link: pages and PDFs show nothing from other sites',
        });
      }
    }
  });
  const renderImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token?.meta?.outside) return md.utils.escapeHtml(`[${token.content || 'image'}]`);
    return renderImage ? renderImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}
