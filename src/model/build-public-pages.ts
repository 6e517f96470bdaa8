import type MarkdownIt from 'markdown-it';
import type { Content } from '../content/content.ts';
import { formatDate } from '../domain/dates.ts';
import type { AccessibilityStatement, ContactDetails, PrivacyPage, PublicPages } from './public-page-types.ts';
import type { Report } from './report-types.ts';

/** The date from which the regulations cover PDFs a public body publishes. */
const REGULATIONS_COVER_PDFS_FROM = '2018-09-23';

/** The contact, accessibility statement and privacy pages: data/site.yaml's words and the last test's results. */
export function buildPublicPages(content: Content, reports: readonly Report[], md: MarkdownIt): PublicPages {
  const site = content.site.data;
  const email = site.contact?.email ?? site.feedback_email;
  const contact: ContactDetails = {
    ...(email ? { email } : {}),
    ...(site.contact?.phone ? { phone: site.contact.phone } : {}),
    addressLines: (site.contact?.address ?? '')
      .split(/\s*[,\n]\s*/)
      .map((line) => line.trim())
      .filter(Boolean),
    replyDays: site.contact?.reply_days ?? 5,
  };
  const privacy: PrivacyPage = {
    controller: site.privacy?.controller ?? site.body,
    ...(site.privacy?.officer_email ? { officerEmail: site.privacy.officer_email } : {}),
    ...(site.privacy?.notes ? { notesHtml: md.render(site.privacy.notes) } : {}),
  };
  return { contact, privacy, accessibility: buildStatement(content, reports, md) };
}

function buildStatement(content: Content, reports: readonly Report[], md: MarkdownIt): AccessibilityStatement {
  const site = content.site.data;
  const audit = content.audit?.data;
  const knownIssuesHtml = (site.accessibility?.known_issues ?? []).map((issue) => md.render(issue));
  const problems = audit ? [...audit.pages.problems, ...audit.pdfs.problems] : [];
  const status = !audit ? 'untested' : problems.length + knownIssuesHtml.length === 0 ? 'full' : 'partial';
  return {
    siteUrl: site.base_url,
    status,
    problems,
    knownIssuesHtml,
    ...(site.accessibility?.improving ? { improvingHtml: md.render(site.accessibility.improving) } : {}),
    hasOldPdfs: reports.some((r) => r.date < REGULATIONS_COVER_PDFS_FROM),
    ...(audit
      ? {
          test: {
            testedLabel: formatDate(audit.tested),
            pagesChecked: audit.pages.checked,
            pagesTotal: audit.pages.of,
            widths: audit.pages.widths.map((w) => `${w} px`).join(' and '),
            pageTool: audit.pages.tool,
            browser: audit.pages.browser,
            pdfsChecked: audit.pdfs.checked,
            pdfsTotal: audit.pdfs.of,
            pdfTool: audit.pdfs.tool,
          },
        }
      : {}),
  };
}
