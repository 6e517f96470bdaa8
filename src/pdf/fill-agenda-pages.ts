/** The agenda's page cells as the pack template writes them: `data-page-of="item-6">000<`. */
const PAGE_CELL = /data-page-of="([^"]+)">([^<]*)</g;

/** Write each item's start page into the pack's agenda. */
export function fillAgendaPages(html: string, pages: ReadonlyMap<string, number>): string {
  return html.replace(PAGE_CELL, (whole, id: string) => {
    const page = pages.get(id);
    return page === undefined ? whole : `data-page-of="${id}">${page}<`;
  });
}

/** The page numbers the agenda currently states, by item id. */
export function readAgendaPages(html: string): Map<string, string> {
  return new Map([...html.matchAll(PAGE_CELL)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** The pack as rendered, before any page numbers were written in: what its cache key is made of. */
export function resetAgendaPages(html: string): string {
  return html.replace(PAGE_CELL, (_whole, id: string) => `data-page-of="${id}">000<`);
}
