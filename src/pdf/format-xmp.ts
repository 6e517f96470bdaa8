import { escapeXml } from '../render/format-feeds.ts';

/** What a PDF says of itself: its information dictionary and XMP metadata. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** The content's own date (YYYY-MM-DD): the PDF's dates come from it, never from the clock. */
  date: string;
  language: string;
}

/**
 * The document's XMP metadata: what the information dictionary says, with the
 * PDF/UA identification (part 1) and the language, as PDF/UA-1 asks.
 */
export function formatXmp(meta: PdfMetadata): string {
  const date = `${meta.date}T00:00:00Z`;
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<pdfuaid:part>1</pdfuaid:part>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(meta.subject)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${escapeXml(meta.keywords.join(' '))}</pdf:Keywords>`,
    '<pdf:Producer>papers</pdf:Producer>',
    '<xmp:CreatorTool>papers</xmp:CreatorTool>',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
