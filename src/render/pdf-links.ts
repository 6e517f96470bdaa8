/**
 * A page's links to PDFs stand in regions the templates mark,
 * `<!--pdf:URL-->…<!--/pdf-->`, each the whole of what a reader sees of one
 * PDF (a paragraph, an agenda item's link, a list). Once a release's PDFs are
 * known, a region whose PDF is missing is hidden: its HTML is kept, encoded,
 * in a comment, so the page links to no missing file, and a later printing
 * (`papers pdf`) shows it again. A page is as rendered whichever way it last
 * went, so printing and reusing it never depend on which PDFs were there.
 */
const OPEN = Buffer.from('<!--pdf:');
const OPEN_END = Buffer.from('-->');
const CLOSE = Buffer.from('<!--/pdf-->');
const HIDDEN = '<!--hidden:';

/** What to put in a region: its PDF's URL and its HTML shown; `undefined` hides it. */
type Decide = (pdf: string, shown: Buffer) => Buffer | undefined;

/** The page with each region shown if `decide` gives its HTML, and hidden if not. */
export function settlePdfLinks(html: Buffer, decide: Decide): Buffer {
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(OPEN); at !== -1; at = html.indexOf(OPEN, from)) {
    const urlEnd = html.indexOf(OPEN_END, at + OPEN.length);
    const end = urlEnd === -1 ? -1 : html.indexOf(CLOSE, urlEnd);
    if (end === -1) break;
    const pdf = html.subarray(at + OPEN.length, urlEnd).toString('utf8');
    const shown = showRegion(html.subarray(urlEnd + OPEN_END.length, end));
    const settled = decide(pdf, shown);
    pieces.push(html.subarray(from, urlEnd + OPEN_END.length));
    pieces.push(settled ?? Buffer.from(`${HIDDEN}${shown.toString('base64')}-->`));
    from = end;
  }
  if (from === 0) return html;
  pieces.push(html.subarray(from));
  return Buffer.concat(pieces);
}

/** The page with every region shown, as rendered. */
export function showPdfLinks(html: Buffer): Buffer {
  return settlePdfLinks(html, (_pdf, shown) => shown);
}

/** Whether any region of the page is hidden. */
export function hasHiddenPdfLinks(html: Buffer): boolean {
  return html.includes(`${OPEN_END.toString()}${HIDDEN}`);
}

/** The URLs of the PDFs a page's regions are about. */
export function listPdfLinks(html: Buffer): string[] {
  const found: string[] = [];
  settlePdfLinks(html, (pdf, shown) => {
    found.push(pdf);
    return shown;
  });
  return found;
}

function showRegion(inner: Buffer): Buffer {
  const text = inner.toString('latin1');
  if (!text.startsWith(HIDDEN) || !text.endsWith('-->')) return inner;
  return Buffer.from(text.slice(HIDDEN.length, -3), 'base64');
}
