import { formatMeetingDay, meetingDay } from '../domain/meeting-ids.ts';
import { padItemNumber } from '../domain/item-numbers.ts';
import type MarkdownIt from 'markdown-it';
import { renderCompact } from '../markdown/create-markdown.ts';
import { letterFor } from '../markdown/letters.ts';
import type { ReportData } from '../schemas/report.ts';
import type { Content } from '../content/content.ts';
import { buildRecommendationView } from './build-recommendation-view.ts';
import { firstSectionLetter, type ReadReport, readReport } from '../validate/read-report.ts';
import { buildViews, giveUniqueIds, type ViewPlacer } from './place-views.ts';
import { LazyAppendix, LazySection, type PartsSource, withTextKey } from './report-parts.ts';
import type { ReportContext, ReportEntry } from './report-context.ts';
import { formatDate, formatDateIn } from '../domain/dates.ts';
import { dateStyleAt } from '../domain/committee-names.ts';
import type { Appendix, Committee, Link, RecommendationView, Report } from './types.ts';
import { absoluteUrl, fillUrlPattern } from '../domain/urls.ts';
import { crumbsToMeeting } from './breadcrumbs.ts';
import { describeNotForPublication } from '../meetings/describe-exempt.ts';

/** A report's page and PDF: its opening, recommendations, lettered sections, closing parts and appendices. */
export function buildReport(entry: ReportEntry, ctx: ReportContext): Report {
  const d = entry.data;
  const { md, content } = ctx;
  const committee = ctx.committeeAt(d.committee, d.date);
  const reportDate = d.report_date ?? d.date;
  const views: RecommendationView[] = [];
  const placer = { entry, ctx, reportDate, views };
  const read = readReport(entry);
  const source: PartsSource = {
    entry,
    bodyViews: buildViews(placer, read.body),
    appendixViews: [],
    sectionCount: read.body.sections.length,
  };
  const body = buildSections(entry, read, source);
  let next = body.nextLetter;
  const backgroundPapers = buildBackgroundPapers(d, md, () => letterFor(next++));
  const contact = buildContact(d, content, letterFor(next));
  const appendices = buildAppendices(placer, read, source);
  giveUniqueIds(views);
  const recommendations = d.recommendations && buildRecommendationsSection(d.recommendations, md);
  const closing = {
    ...(backgroundPapers ? { backgroundPapers } : {}),
    ...(contact ? { contact } : {}),
    abbreviations: listAbbreviations(d, content),
  };
  // Added to the opening's fields, not spread from them: an object literal that starts by spreading another
  // gives each report a hidden class of its own, and every read of a report's fields is then V8's slowest.
  const report = Object.assign(
    describeReport(entry, ctx, committee, reportDate),
    recommendations ? { recommendations } : {},
    { sections: body.sections, ...closing },
    {
      appendices,
      views,
      appendicesNewPage: d.appendices_new_page ?? content.site.data.appendices_new_page,
      contents: listContents(recommendations, body.sections, closing, appendices),
    },
  );
  return withTextKey(entry, report);
}

/** The body's lettered sections, after the recommendations (A) if any, as the validate stage read them. */
function buildSections(
  entry: ReportEntry,
  read: ReadReport,
  source: PartsSource,
): { sections: Report['sections']; nextLetter: number } {
  const { sections } = read.body;
  return {
    sections: sections.map((s, index) => new LazySection(s.letter, s.title, s.id, { source, index })),
    nextLetter: firstSectionLetter(entry.data) + sections.length,
  };
}

function buildBackgroundPapers(d: ReportData, md: MarkdownIt, takeLetter: () => string): Report['backgroundPapers'] {
  if (!d.background_papers || d.background_papers.length === 0) return undefined;
  return {
    letter: takeLetter(),
    id: 'background-papers',
    itemsHtml: d.background_papers.map((p) => renderCompact(md, p)),
    saysNone: d.background_papers.length === 1 && /^none\.?$/i.test(d.background_papers[0]!.trim()),
  };
}

/** The glossary's expansion of each abbreviation the report lists. */
function listAbbreviations(d: ReportData, content: Content): Report['abbreviations'] {
  const glossary = content.glossary.data.terms;
  return d.abbreviations.flatMap((term) =>
    glossary.filter((t) => t.term === term).map((t) => ({ term: t.term, expansion: t.expansion })),
  );
}

/** Appendices: Markdown with views placed in it, or one set's tables. */
function buildAppendices(placer: ViewPlacer, read: ReadReport, source: PartsSource): Appendix[] {
  const { entry, ctx, reportDate, views } = placer;
  return entry.data.appendices.map((a, i): Appendix => {
    const number = i + 1;
    const id = `appendix-${number}`;
    const heading = `Appendix ${number}`;
    const markdown = read.appendices[i];
    if (markdown) {
      source.appendixViews[i] = buildViews(placer, markdown);
      return new LazyAppendix(number, id, heading, a.title || undefined, source);
    }
    const base = { number, id, heading, ...(a.title ? { title: a.title } : {}) };
    const view = buildRecommendationView(a.recommendations!, reportDate, ctx);
    views.push(view);
    return { ...base, parts: [{ view }] };
  });
}

/** The report's opening, URLs, trail, links and print footer: what names and places it. */
function describeReport(entry: ReportEntry, ctx: ReportContext, committee: Committee, reportDate: string) {
  const d = entry.data;
  const { content, site } = ctx;
  const where = { committee: d.committee, date: d.date, ...(d.sitting ? { sitting: d.sitting } : {}) };
  const url = fillUrlPattern(content.site.data.urls.report, { ...where, number: d.number });
  const meetingUrl = fillUrlPattern(content.site.data.urls.meeting, where);
  const dateLabel = formatMeetingDay(d.date, d.sitting);
  const pdfUrl = `${url}${d.committee}-${meetingDay(d.date, d.sitting)}-${padItemNumber(d.number)}.pdf`;
  return {
    id: entry.id,
    file: entry.file,
    url,
    committee,
    meetingUrl,
    date: d.date,
    dateLabel,
    reportDate,
    reportDateLabel: formatDate(reportDate),
    number: d.number,
    title: d.title,
    by: d.by,
    ...(d.opening === false
      ? {}
      : {
          descriptionLine:
            d.opening ??
            `Report ${d.number} of the ${formatDateIn(dateStyleAt(content.committees.data, content.site.data.date_style, d.committee, d.date), d.date)} meeting of the ${committee.name} and ${d.description ?? ''}`,
        }),
    summaryHtml: ctx.md.render(d.summary, { docId: 'summary' }),
    breadcrumb: crumbsToMeeting(
      committee,
      {
        label: d.date.slice(0, 4),
        href: fillUrlPattern(content.site.data.urls.year, { committee: d.committee, date: d.date }),
      },
      { label: dateLabel, href: meetingUrl },
    ),
    shareHref: `mailto:?subject=${encodeURIComponent(d.title)}&body=${encodeURIComponent(absoluteUrl(url, site.baseUrl))}`,
    ...(site.feedbackEmail
      ? { feedbackHref: `mailto:${site.feedbackEmail}?subject=${encodeURIComponent(`Feedback: ${d.title}`)}` }
      : {}),
    boroughs: d.boroughs,
    pdfUrl,
    printFooter: `${committee.name}, ${dateLabel}, Report ${d.number}`,
    ...(d.exempt !== undefined ? { notForPublication: describeNotForPublication([d.exempt]) } : {}),
    supportingMaterial: [{ label: `Report ${d.number}: ${d.title} (PDF)`, href: pdfUrl }],
  };
}

/** The report's table of contents: each lettered part, the abbreviations and the appendices. */
function listContents(
  recommendations: Report['recommendations'] | undefined,
  sections: Report['sections'],
  closing: Pick<Report, 'backgroundPapers' | 'contact' | 'abbreviations'>,
  appendices: readonly Appendix[],
): Link[] {
  const { backgroundPapers, contact, abbreviations } = closing;
  return [
    ...(recommendations
      ? [{ label: `${recommendations.letter}. ${recommendations.heading}`, href: `#${recommendations.id}` }]
      : []),
    ...sections.map((s) => ({ label: `${s.letter}. ${s.title}`, href: `#${s.id}` })),
    ...(backgroundPapers
      ? [{ label: `${backgroundPapers.letter}. Background papers`, href: `#${backgroundPapers.id}` }]
      : []),
    ...(contact ? [{ label: `${contact.letter}. Contact details`, href: `#${contact.id}` }] : []),
    ...(abbreviations.length > 0 ? [{ label: 'List of abbreviations', href: '#abbreviations' }] : []),
    ...appendices.map((a) => ({ label: a.heading, href: `#${a.id}` })),
  ];
}

/**
 * "A. Recommendation(s)": the heading follows the number of items unless the
 * report gives it; after a lead the items are a numbered list, otherwise
 * paragraphs, unless the report sets the style. One item with a lead and no
 * style reads as one sentence, as in the archive ("That members note …").
 */
function buildRecommendationsSection(
  r: NonNullable<ReportData['recommendations']>,
  md: MarkdownIt,
): NonNullable<Report['recommendations']> {
  const single = r.items.length === 1;
  const heading = r.heading ?? (single ? 'Recommendation' : 'Recommendations');
  const lead = r.lead?.trim() ? r.lead.trim() : undefined;
  const style = r.style ?? (lead && !single ? 'numbered' : 'paragraphs');
  const joinLead = lead !== undefined && r.style === undefined && single;
  return {
    letter: 'A',
    heading,
    id: heading.toLowerCase().startsWith('recommendation')
      ? heading
          .toLowerCase()
          .replace(/[^a-z]+/g, '-')
          .replace(/-$/, '')
      : 'recommendations',
    style,
    ...(lead && !joinLead ? { leadHtml: md.utils.escapeHtml(lead) } : {}),
    itemsHtml: r.items.map((item, i) => renderCompact(md, joinLead && i === 0 ? `${lead} ${item}` : item)),
  };
}

function buildContact(d: ReportData, content: Content, letter: string): Report['contact'] {
  const contacts = d.contacts === false ? [] : d.contacts ? d.contacts.map(describeContact) : listContacts(content);
  const authors = d.authors ?? [];
  if (authors.length === 0 && contacts.length === 0) return undefined;
  return {
    letter,
    id: 'contact-details',
    ...(authors.length > 0
      ? { authorsLabel: d.authors_label ?? (authors.length === 1 ? 'Report author' : 'Report authors') }
      : {}),
    authors,
    ...(contacts.length > 0 && d.contacts === undefined ? { heading: content.contacts.data.heading } : {}),
    contacts,
  };
}

function describeContact(c: { label: string; phone?: string | undefined; email?: string | undefined }): {
  label: string;
  value: string;
} {
  return { label: c.label, value: [c.phone, c.email].filter(Boolean).join(', ') };
}

export function listContacts(content: Content): Array<{ label: string; value: string }> {
  return content.contacts.data.contacts.map(describeContact);
}
