import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../src/domain/urls.ts';

describe('absolute addresses', () => {
  it('resolves each site path under the base it is given, whichever base came before', () => {
    const paths = ['/feed.xml', '/reports/2004/x/', 'data/recommendations.json', '/reports/2004/x/'];
    for (const base of ['https://example.org/', 'https://owner.github.io/repo/', 'https://example.org/']) {
      for (const sitePath of paths)
        expect(absoluteUrl(sitePath, base)).toBe(new URL(sitePath.replace(/^\//, ''), base).href);
      expect(absoluteUrl('/feed.xml', base).startsWith(base)).toBe(true);
    }
    expect(absoluteUrl('/a b/', 'https://EXAMPLE.org/repo/')).toBe('https://example.org/repo/a%20b/');
  });
});
