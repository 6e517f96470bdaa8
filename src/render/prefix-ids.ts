/** An id, or the ids an aria attribute names; or a same-page link. */
const ID_OR_REFERENCE = /\b(id|aria-labelledby|aria-describedby)="([^"#]+)"|\bhref="#([^"]+)"/g;

/**
 * Prefix every id, and every same-page reference to one, in a fragment of HTML,
 * so that several reports can share one document (the committee pack) without
 * clashing ids. The HTML is our own renderer's output, so its attributes are
 * regular. One pass over the fragment: a pack holds every report of its meeting.
 */
export function prefixIds(html: string, prefix: string): string {
  return html.replace(ID_OR_REFERENCE, (_match, attr: string | undefined, ids: string, target: string) =>
    attr === undefined ? `href="#${prefix}${target}"` : `${attr}="${prefix}${ids.replaceAll(' ', ` ${prefix}`)}"`,
  );
}
