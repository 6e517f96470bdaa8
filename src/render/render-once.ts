/**
 * The `{% once item %}…{% endonce %}` tag: what it holds is rendered once for
 * `item` in a run of Eleventy, and placed as rendered wherever else the run asks
 * for it. A report's article is the same on its own page and in its meeting's
 * pack (`splitLists` puts the two in one run), so the pack need not render it again.
 * What it holds must depend on `item` and the shared data alone.
 */
const RENDERED = new Map<object, string>();

/** What the run rendered once: forgotten when the run ends, so that a batch's HTML is not kept past it. */
export function forgetRenderedOnce(): void {
  RENDERED.clear();
}

interface NunjucksParser {
  nextToken(): { value: string };
  parseSignature(tolerant: null, noParens: boolean): unknown;
  advanceAfterBlockEnd(name?: string): void;
  parseUntilBlocks(...names: string[]): unknown;
}

interface NunjucksLib {
  nodes: { CallExtension: new (ext: object, method: string, args: unknown, contentArgs: unknown[]) => unknown };
  runtime: { SafeString: new (html: string) => unknown };
}

/** The tag, for Eleventy's `addNunjucksTag`. */
export function renderOnceTag(nunjucks: NunjucksLib): object {
  return {
    tags: ['once'],
    parse(parser: NunjucksParser) {
      const start = parser.nextToken();
      const args = parser.parseSignature(null, true);
      parser.advanceAfterBlockEnd(start.value);
      const body = parser.parseUntilBlocks('endonce');
      parser.advanceAfterBlockEnd();
      return new nunjucks.nodes.CallExtension(this, 'run', args, [body]);
    },
    run(_context: unknown, item: unknown, body: () => string) {
      if (typeof item !== 'object' || item === null) return new nunjucks.runtime.SafeString(body());
      let html = RENDERED.get(item);
      if (html === undefined) {
        html = body();
        RENDERED.set(item, html);
      }
      return new nunjucks.runtime.SafeString(html);
    },
  };
}
