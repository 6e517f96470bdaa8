import type MarkdownIt from 'markdown-it';
import { locatePath } from '../content/source-file.ts';
import { createError, type ContentError } from '../errors/content-error.ts';
import { createBodyEnv } from '../markdown/body-env.ts';
import { renderCompact } from '../markdown/create-markdown.ts';
import { letterFor } from '../markdown/letters.ts';
import type { ReportData } from '../schemas/report.ts';
import type { Checked, Content } from '../validate/content.ts';
import type { Status } from '../validate/statuses.ts';
import { buildRecommendationTables } from './build-recommendation-tables.ts';
import { formatDate } from './dates.ts';
import type { Appendix, Committee, Report, SiteInfo } from './types.ts';
import { fillUrlPattern } from './urls.ts';

export interface ReportContext {
  content: Content;
  site: SiteInfo;
  committees: ReadonlyMap<string, Committee>;
  md: MarkdownIt;
  resolveStatus: (word: string) => Status | undefined;
}

/** Numbered paragraphs of a built report, by reference such as `B8`: for checking fact sources. */
export type ParagraphIndex = ReadonlySet<string>;

export function buildReport(entry: Checked<ReportData & { body: string }>, ctx: ReportContext): { report: Report; paragraphs: ParagraphIndex; errors: ContentError[] } {
  const d = entry.data;
  const { md, content, site } = ctx;
  const errors: ContentError[] = [];
  const committee = ctx.committees.get(d.committee) ?? { code: d.committee, name: d.committee, url: '/' };
  const url = fillUrlPattern(content.site.data.urls.report, { committee: d.committee, date: d.date, number: d.number });
  const meetingUrl = fillUrlPattern(content.site.data.urls.meeting, { committee: d.committee, date: d.date });
  const dateLabel = formatDate(d.date);

  const env = createBodyEnv(d.numbered_sections, 1);
  const bodyHtml = md.render(d.body, env);
  const bodyLine = entry.body?.startLine ?? 1;
  for (const problem of env.problems) {
    errors.push(createError({ file: entry.file, line: bodyLine + problem.line, col: 1 }, problem.code, problem.message, problem.hint));
  }
  d.numbered_sections.forEach((title, i) => {
    if (!env.sections.some((s) => s.title.toLowerCase() === title.toLowerCase())) {
      errors.push(createError(locatePath(entry.source, ['numbered_sections', i]), 'E_UNKNOWN_REF', `no section is headed "${title}"`, `use a \`## \` heading of the body: ${env.sections.map((s) => s.title).join(', ') || 'there are none'}`));
    }
  });
  const sections = splitSections(bodyHtml, env.sections);

  const after = env.firstLetter + env.sections.length;
  const background = { letter: letterFor(after), id: 'background-papers', itemsHtml: d.background_papers.map((p) => renderCompact(md, p)) };
  const contacts = content.contacts.data;
  const contact = {
    letter: letterFor(after + 1),
    id: 'contact-details',
    authorsLabel: d.authors_label ?? (d.authors.length === 1 ? 'Report author' : 'Report authors'),
    authors: d.authors,
    heading: contacts.heading,
    contacts: listContacts(content),
  };
  const glossary = content.glossary.data.terms;
  const abbreviations = d.abbreviations.flatMap((term) => glossary.filter((t) => t.term === term).map((t) => ({ term: t.term, expansion: t.expansion })));
  const appendices = d.appendices.map((a, i): Appendix => {
    const number = i + 1;
    const base = { number, id: `appendix-${number}`, heading: `Appendix ${number}`, ...(a.title ? { title: a.title } : {}) };
    if (a.body !== undefined) return { ...base, html: md.render(a.body) };
    const spec = a.recommendations;
    const recs = content.recommendations.filter((r) => r.id.startsWith(`${spec?.set}/`));
    return {
      ...base,
      recommendations: buildRecommendationTables(recs, { owner: spec?.owner, resultsHeading: spec?.results_heading ?? 'Results/timescale', asAt: d.date }, md, ctx.resolveStatus),
    };
  });
  const single = d.recommendations.items.length === 1;
  const recommendations = {
    letter: 'A',
    heading: single ? 'Recommendation' : 'Recommendations',
    id: single ? 'recommendation' : 'recommendations',
    ...(d.recommendations.lead && !single ? { leadHtml: md.utils.escapeHtml(d.recommendations.lead) } : {}),
    itemsHtml: d.recommendations.items.map((item, i) => renderCompact(md, single && d.recommendations.lead && i === 0 ? `${d.recommendations.lead} ${item}` : item)),
  };
  const absoluteUrl = new URL(url.slice(1), site.baseUrl).href;
  const pdfUrl = `${url}${d.committee}-${d.date}-${String(d.number).padStart(2, '0')}.pdf`;
  const report: Report = {
    id: entry.id,
    file: entry.file,
    url,
    committee,
    meetingUrl,
    date: d.date,
    dateLabel,
    number: d.number,
    title: d.title,
    by: d.by,
    descriptionLine: `Report ${d.number} of the ${dateLabel} meeting of the ${committee.name} and ${d.description}`,
    summaryHtml: md.render(d.summary),
    recommendations,
    sections,
    backgroundPapers: background,
    contact,
    abbreviations,
    appendices,
    contents: [
      { label: `${recommendations.letter}. ${recommendations.heading}`, href: `#${recommendations.id}` },
      ...sections.map((s) => ({ label: `${s.letter}. ${s.title}`, href: `#${s.id}` })),
      { label: `${background.letter}. Background papers`, href: `#${background.id}` },
      { label: `${contact.letter}. Contact details`, href: `#${contact.id}` },
      ...(abbreviations.length > 0 ? [{ label: 'List of abbreviations', href: '#abbreviations' }] : []),
      ...appendices.map((a) => ({ label: a.heading, href: `#${a.id}` })),
    ],
    breadcrumb: [
      { label: 'Home', href: '/' },
      { label: 'Committees', href: '/committees/' },
      { label: committee.name, href: committee.url },
      { label: d.date.slice(0, 4), href: fillUrlPattern(content.site.data.urls.year, { committee: d.committee, date: d.date }) },
      { label: dateLabel, href: meetingUrl },
    ],
    shareHref: `mailto:?subject=${encodeURIComponent(d.title)}&body=${encodeURIComponent(absoluteUrl)}`,
    ...(site.feedbackEmail ? { feedbackHref: `mailto:${site.feedbackEmail}?subject=${encodeURIComponent(`Feedback: ${d.title}`)}` } : {}),
    boroughs: d.boroughs,
    pdfUrl,
    printFooter: `${committee.name}, ${dateLabel}, Report ${d.number}`,
    supportingMaterial: [{ label: `Report ${d.number}: ${d.title} (PDF)`, href: pdfUrl }],
  };
  const paragraphs = new Set(env.sections.flatMap((s) => Array.from({ length: s.paragraphs }, (_, i) => `${s.letter}${i + 1}`)));
  return { report, paragraphs, errors };
}

export function listContacts(content: Content): Array<{ label: string; value: string }> {
  return content.contacts.data.contacts.map((c) => ({ label: c.label, value: [c.phone, c.email].filter(Boolean).join(', ') }));
}

/** Cut the rendered body at its `<h2>` headings, one piece per lettered section. */
function splitSections(html: string, sections: ReadonlyArray<{ letter: string; title: string; id: string }>): Report['sections'] {
  const pieces = html.split(/(?=<h2[ >])/);
  const body = pieces.filter((p) => p.startsWith('<h2'));
  return sections.map((s, i) => ({ letter: s.letter, title: s.title, id: s.id, html: body[i] ?? '' }));
}
