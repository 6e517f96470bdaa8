import { describe, expect, it } from 'vitest';
import { prefixIds } from '../../src/render/prefix-ids.ts';

describe('prefixIds', () => {
  it('prefixes each id, each id an aria attribute names, and each link within the page', () => {
    const html =
      '<section aria-labelledby="a b"><h2 id="a">A</h2><p id="b" aria-describedby="n1">See <a href="#a">A</a>, ' +
      '<a href="https://example.org/#top">elsewhere</a> and <a href="/reports/1/#c">another</a>.</p></section>';
    expect(prefixIds(html, 'item-3-')).toBe(
      '<section aria-labelledby="item-3-a item-3-b"><h2 id="item-3-a">A</h2><p id="item-3-b" aria-describedby="item-3-n1">' +
        'See <a href="#item-3-a">A</a>, <a href="https://example.org/#top">elsewhere</a> and <a href="/reports/1/#c">another</a>.</p></section>',
    );
  });

  it('leaves empty ids and links to the top of the page as they are', () => {
    const html = '<p class="id" id=""><a href="#">Top</a></p>';
    expect(prefixIds(html, 'x-')).toBe(html);
  });
});
