/**
 * Prefix every id, and every same-page reference to one, in a fragment of HTML,
 * so that several reports can share one document (the committee pack) without
 * clashing ids. The HTML is our own renderer's output, so its attributes are regular.
 */
export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(
      /\b(id|aria-labelledby|aria-describedby)="([^"#]+)"/g,
      (_m, attr: string, value: string) =>
        `${attr}="${value
          .split(' ')
          .map((v) => prefix + v)
          .join(' ')}"`,
    )
    .replace(/\bhref="#([^"]+)"/g, (_m, value: string) => `href="#${prefix}${value}"`);
}
