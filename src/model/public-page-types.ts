/** The view model of the contact page, the accessibility statement and the privacy page. */

/** How to reach the body, as the contact page and the statement give it. */
export interface ContactDetails {
  email?: string;
  phone?: string;
  addressLines: string[];
  replyDays: number;
}

/** The accessibility statement, in the UK model statement's order, from data/site.yaml and `papers audit`. */
export interface AccessibilityStatement {
  siteUrl: string;
  /** `full`: tested, nothing found; `partial`: tested, or known, problems; `untested`: no test yet. */
  status: 'full' | 'partial' | 'untested';
  problems: Array<{ where: string; what: string }>;
  knownIssuesHtml: string[];
  improvingHtml?: string;
  /** The archive holds PDFs published before 23 September 2018, which the regulations leave out of scope. */
  hasOldPdfs: boolean;
  test?: {
    testedLabel: string;
    pagesChecked: number;
    pagesTotal: number;
    widths: string;
    pageTool: string;
    browser: string;
    pdfsChecked: number;
    pdfsTotal: number;
    pdfTool: string;
  };
}

export interface PrivacyPage {
  controller: string;
  officerEmail?: string;
  notesHtml?: string;
}

export interface PublicPages {
  contact: ContactDetails;
  accessibility: AccessibilityStatement;
  privacy: PrivacyPage;
}
