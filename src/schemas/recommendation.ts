import { z } from 'zod';
import { exemptParagraph } from './exempt.ts';
import { isoDate, markdown, partialDate, plainText } from './common.ts';

export const recommendationSetSchema = z
  .strictObject({
    title: plainText,
    made_by: plainText.describe('Who made the recommendations, such as MPA Scrutiny Panel'),
    published: partialDate,
    total: z.int().positive().describe('How many recommendations the set made, including those not tracked here'),
    owners: z.array(plainText).min(1).describe('Who may own a recommendation, such as MPS'),
    description: markdown.optional(),
    exempt: exemptParagraph
      .optional()
      .describe(
        'The whole set is exempt under this paragraph of Schedule 12A: kept with its recommendations under exempt/recommendations/<set>/, shown only in the members’ papers',
      ),
  })
  .describe('A recommendation set: content/recommendations/<set>/index.yaml');

export const progressSchema = z.strictObject({
  date: isoDate.describe('The date this position was reported'),
  status: plainText.describe('A status id or alias from data/statuses.yaml'),
  result: markdown.describe('The result text as reported, in Markdown'),
});

export const actionSchema = z
  .strictObject({
    text: markdown,
    owner: plainText.optional().describe('Who carries the action out, shown in an action plan'),
    target: isoDate.optional().describe('The date the action was first due; kept as it was when the target moves'),
    revised_targets: z
      .array(
        z.strictObject({
          date: isoDate,
          reason: markdown.describe('Why the target moved'),
          decided: isoDate.optional().describe('When the new target was agreed'),
        }),
      )
      .default([])
      .describe('Later targets, oldest first, each with its reason'),
    progress: z.array(progressSchema).default([]).describe('Dated positions, oldest first'),
  })
  .refine((a) => a.revised_targets.length === 0 || a.target !== undefined, {
    message: 'has revised targets but no original `target`',
    path: ['revised_targets'],
  });

export const recommendationSchema = z
  .strictObject({
    number: z.int().positive(),
    owner: plainText,
    text: markdown,
    key_points: z
      .array(
        z.strictObject({
          text: markdown,
          actions: z.array(actionSchema).min(1, 'a key point needs at least one action'),
        }),
      )
      .default([]),
    commentary: z
      .array(z.strictObject({ date: isoDate, text: markdown }))
      .default([])
      .describe('Dated commentary printed after the table'),
    exempt: exemptParagraph
      .optional()
      .describe(
        'Exempt under this paragraph of Schedule 12A: shown only in the members’ papers, never on the public site',
      ),
  })
  .describe('One recommendation: content/recommendations/<set>/<number>.yaml');

export type RecommendationSetData = z.output<typeof recommendationSetSchema>;
export type RecommendationData = z.output<typeof recommendationSchema>;
export type ProgressData = z.output<typeof progressSchema>;
