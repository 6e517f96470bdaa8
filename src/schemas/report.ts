import { z } from 'zod';
import { isoDate, markdown, plainText, slug } from './common.ts';

export const appendixSchema = z
  .strictObject({
    title: plainText.optional().describe('Heading after "Appendix N"'),
    body: markdown.optional().describe('The appendix written in Markdown'),
    recommendations: z
      .strictObject({
        set: slug.describe('The recommendation set, a folder of content/recommendations'),
        owner: plainText.optional().describe('Only the recommendations of this owner'),
        results_heading: plainText.default('Results/timescale').describe('Heading of the third column'),
      })
      .optional()
      .describe('Render the recommendation tables of a set, as at the report date'),
  })
  .refine((a) => (a.body === undefined) !== (a.recommendations === undefined), {
    message: 'an appendix needs either `body` or `recommendations`, not both or neither',
  });

export const reportSchema = z
  .strictObject({
    committee: slug,
    date: isoDate.describe('The meeting date'),
    number: z.int().positive().describe('The agenda item number'),
    title: plainText,
    by: plainText,
    description: plainText.describe('What the report does, completing "Report 6 of the … meeting of the … and …"'),
    summary: markdown,
    recommendations: z.strictObject({
      lead: plainText.optional().describe('Words before a list of recommendations, such as "That"'),
      items: z.array(markdown).min(1),
    }),
    numbered_sections: z
      .array(plainText)
      .default(['Supporting information'])
      .describe('Sections whose paragraphs are numbered, by heading'),
    abbreviations: z.array(plainText).default([]).describe('Glossary terms listed under "List of abbreviations"'),
    boroughs: z.array(slug).default([]).describe('Boroughs the report speaks of, by the file names in data/boroughs'),
    authors: z.array(plainText).min(1),
    authors_label: plainText.optional().describe('Label before the authors; by default "Report author" or "Report authors"'),
    background_papers: z.array(markdown).default([]),
    appendices: z.array(appendixSchema).default([]),
  })
  .describe('Front matter of a report: content/reports/<yyyy>/<file>.md');

export type ReportData = z.output<typeof reportSchema>;
export type AppendixData = z.output<typeof appendixSchema>;
