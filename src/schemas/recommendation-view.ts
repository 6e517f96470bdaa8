import { z } from 'zod';
import { isoDate, plainText, slug } from './common.ts';

/** How many columns each view has, for checking `columns`. */
export const VIEW_COLUMNS = { progress: 3, plan: 4, list: 0 } as const;

export const DEFAULT_COLUMNS = {
  progress: ['Key points', 'Actions', 'Results/timescale'],
  plan: ['Key points', 'Actions', 'Owner', 'Target date'],
  list: [],
} as const;

/**
 * What a report shows of a recommendation set, in an appendix or in a
 * `::: recommendations` block of its body: the progress tables, the action
 * plan, or the list of recommendation texts.
 */
export const recommendationViewSchema = z
  .strictObject({
    set: slug.describe('The recommendation set, a folder of content/recommendations'),
    owner: plainText.optional().describe('Only the recommendations of this owner'),
    numbers: z.array(z.int().positive()).min(1).optional().describe('Only these recommendations, by number'),
    view: z
      .enum(['progress', 'plan', 'list'])
      .default('progress')
      .describe(
        '`progress`: Key points / Actions / Results tables; `plan`: key points and actions with owners and target dates; `list`: every recommendation’s text in number order',
      ),
    as_at: isoDate.optional().describe('The date of the positions shown (default: the report’s date)'),
    caption: z
      .union([plainText, z.literal(false)])
      .optional()
      .describe(
        'Caption of each table; `{recommendation}` stands for "Recommendation 3" and `{date}` for the as-at date. Default: "{recommendation}: progress as at {date}"; `false` for tables printed without one',
      ),
    columns: z.array(plainText).optional().describe('All the column headings: three for `progress`, four for `plan`'),
    results_heading: plainText
      .optional()
      .describe('Heading of the third column of a progress table (the same as the third of `columns`)'),
    heading_rows: z
      .boolean()
      .default(false)
      .describe('Open each table with a full-width row "Recommendation N: <text>" instead of a heading above it'),
  })
  .superRefine((v, ctx) => {
    const want = VIEW_COLUMNS[v.view];
    if (v.columns !== undefined && v.columns.length !== want) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message:
          want === 0
            ? 'does not apply to a list: a list has no columns'
            : `must give ${want} headings for a ${v.view} view, not ${v.columns.length}`,
      });
    }
    if (v.results_heading !== undefined && v.view !== 'progress') {
      ctx.addIssue({
        code: 'custom',
        path: ['results_heading'],
        message: 'applies only to a progress view; use `columns`',
      });
    }
  })
  .describe('Recommendation tables of a set, as at a date');

export type RecommendationViewData = z.output<typeof recommendationViewSchema>;
