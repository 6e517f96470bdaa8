import { z } from 'zod';
import { exemptParagraph } from './exempt.ts';
import { isoDate, itemNumber, markdown, plainText, slug } from './common.ts';
import { recommendationViewSchema } from './recommendation-view.ts';

export const appendixSchema = z
  .strictObject({
    title: plainText.optional().describe('Heading after "Appendix N"'),
    body: markdown.optional().describe('The appendix written in Markdown; may hold `::: recommendations` blocks'),
    recommendations: recommendationViewSchema
      .optional()
      .describe('Render a view of a recommendation set, as at the report date'),
  })
  .refine((a) => (a.body === undefined) !== (a.recommendations === undefined), {
    message: 'an appendix needs either `body` or `recommendations`, not both or neither',
  });

const contactSchema = z.strictObject({
  label: plainText,
  phone: plainText.optional(),
  email: z.email().optional(),
});

export const reportSchema = z
  .strictObject({
    committee: slug,
    date: isoDate.describe('The meeting date: it places the report on its meeting’s agenda and in its URL'),
    sitting: slug
      .optional()
      .describe(
        'Another meeting of the committee that day, such as `agm` for its annual general meeting: the meeting’s file is <yyyy-mm-dd>-agm.yaml, and the report’s address …/060629-agm/NN/',
      ),
    report_date: isoDate
      .optional()
      .describe('The date the report itself bears ("Date:"), when it differs from the meeting’s'),
    number: itemNumber.describe('The agenda item number: 6, or 6a for an item the agenda added under item 6'),
    title: plainText,
    by: plainText,
    description: plainText
      .optional()
      .describe('What the report does, completing "Report 6 of the … meeting of the … and …"'),
    opening: z
      .union([plainText, z.literal(false)])
      .optional()
      .describe(
        'The opening line in full, when it does not read "Report N of the <date> meeting of the <committee> and <description>"; `false` when the report has none',
      ),
    summary: markdown,
    recommendations: z
      .strictObject({
        heading: plainText
          .optional()
          .describe('"Recommendation" or "Recommendations"; by default by the number of items'),
        lead: z.string().optional().describe('Words before the items, such as "That"; empty for none'),
        style: z
          .enum(['numbered', 'bulleted', 'paragraphs'])
          .optional()
          .describe('How the items are set out; by default a numbered list after a lead, else paragraphs'),
        items: z.array(markdown).min(1),
      })
      .optional()
      .describe(
        'Section A, the recommendations to the committee; leave out for a report that makes none, such as a committee’s report to the full Authority: its sections are then lettered from A',
      ),
    numbered_sections: z
      .array(plainText)
      .default(['Supporting information'])
      .describe('Sections whose paragraphs are numbered, by heading'),
    abbreviations: z.array(plainText).default([]).describe('Glossary terms listed under "List of abbreviations"'),
    boroughs: z.array(slug).default([]).describe('Boroughs the report speaks of, by the file names in data/boroughs'),
    authors: z.array(plainText).min(1).optional().describe('Report author(s); leave out when the report names none'),
    authors_label: plainText
      .optional()
      .describe('Label before the authors; by default "Report author" or "Report authors"'),
    background_papers: z
      .array(markdown)
      .optional()
      .describe('Background papers; leave out to print no such section, or write `[None]`'),
    contacts: z
      .union([z.literal(false), z.array(contactSchema).min(1)])
      .optional()
      .describe(
        'The contacts under "Contact details": by default those of data/contacts.yaml; `false` for none, or a list of this report’s own',
      ),
    appendices_new_page: z
      .boolean()
      .optional()
      .describe('Start each appendix on a new page in print (default: the site setting)'),
    appendices: z.array(appendixSchema).default([]),
    exempt: exemptParagraph
      .optional()
      .describe(
        'Exempt under this paragraph of Schedule 12A: listed in Part 2 of its meeting’s agenda, printed only in the members’ papers',
      ),
  })
  .refine((r) => r.description !== undefined || r.opening !== undefined, {
    message: 'needs `description` (completing the generated opening line) or `opening` (the line in full)',
    path: ['description'],
  })
  .describe('Front matter of a report: content/reports/<yyyy>/<file>.md');

export type ReportData = z.output<typeof reportSchema>;
export type AppendixData = z.output<typeof appendixSchema>;
export type ContactData = z.output<typeof contactSchema>;
