import type { Content } from '../content/content.ts';
import { locatePath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';

/** The address the example project is published at: no real site is. */
export const EXAMPLE_ADDRESS = 'https://papers.example.org/';

/**
 * In CI, a site still at the example's address publishes links (the pull
 * request's comment, the feed, the sitemap) that lead nowhere: a warning until
 * `base_url` names the real address, or the build is given `--base-url`.
 */
export function checkSiteAddress(content: Pick<Content, 'site'>): ContentProblem[] {
  if (content.site.data.base_url !== EXAMPLE_ADDRESS) return [];
  return [
    createProblem(
      locatePath(content.site.source, ['base_url']),
      'E_EXAMPLE_ADDRESS',
      `base_url is still the example's address, ${EXAMPLE_ADDRESS}: links in the feed, the sitemap and pull-request comments lead nowhere`,
      'write the address your site is published at, such as https://owner.github.io/repo/ (a build given --base-url uses that instead)',
      'warning',
    ),
  ];
}
