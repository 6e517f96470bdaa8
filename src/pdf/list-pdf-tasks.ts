import type { SiteModel } from '../model/types.ts';
import type { PdfMetadata } from './finalise-pdf.ts';

export interface PdfTask {
  kind: 'report' | 'minutes' | 'pack';
  /** The page printed, such as `/committees/x-ppr/2005/051208/06/`. */
  pageUrl: string;
  /** Where the PDF goes, beside its page. */
  pdfUrl: string;
  footer: string;
  /** The content file behind it, for error messages. */
  source: string;
  metadata: PdfMetadata;
  /** A pack's reports in agenda order: the anchor each starts at, and its own PDF. */
  items?: Array<{ id: string; pdfUrl: string }>;
}

/** One PDF per report and per minutes, one pack per meeting that has papers on its agenda: packs last, since they are foretold from the others. */
export function listPdfTasks(model: SiteModel): PdfTask[] {
  const reports = model.reports.map(
    (r): PdfTask => ({
      kind: 'report',
      pageUrl: r.url,
      pdfUrl: r.pdfUrl,
      footer: r.printFooter,
      source: r.file,
      metadata: {
        title: r.title,
        author: r.by,
        subject: r.descriptionLine ?? r.title,
        keywords: [r.committee.name, `Report ${r.number}`, r.dateLabel],
        date: r.date,
        language: model.site.language,
      },
    }),
  );
  const minutes = model.minutes.map(
    (m): PdfTask => ({
      kind: 'minutes',
      pageUrl: m.url,
      pdfUrl: m.pdfUrl,
      footer: m.printFooter,
      source: m.file,
      metadata: {
        title: m.pageTitle,
        author: model.site.body,
        subject: m.opening,
        keywords: [m.committee.name, m.dateLabel, 'minutes'],
        date: m.date,
        language: model.site.language,
      },
    }),
  );
  const packs = model.meetings
    .filter((m) => m.hasPack)
    .map(
      (m): PdfTask => ({
        kind: 'pack',
        pageUrl: m.packUrl,
        pdfUrl: m.packPdfUrl,
        footer: m.packTitle,
        source: `content/meetings/${m.id}.yaml`,
        items: m.agenda.flatMap((item) =>
          item.report
            ? [{ id: item.id, pdfUrl: item.report.pdfUrl }]
            : item.minutes
              ? [{ id: item.id, pdfUrl: item.minutes.pdfUrl }]
              : [],
        ),
        metadata: {
          title: m.packTitle,
          author: model.site.body,
          subject: `Agenda and reports of the ${m.dateLabel} meeting of the ${m.committee.name}`,
          keywords: [m.committee.name, m.dateLabel, 'committee pack'],
          date: m.date,
          language: model.site.language,
        },
      }),
    );
  return [...reports, ...minutes, ...packs];
}
