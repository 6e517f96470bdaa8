import { z } from 'zod';
import { plainText } from './common.ts';

const member = z.union([
  plainText,
  z.strictObject({ name: plainText, role: plainText.describe('Such as Chairman, Vice Chair') }),
]);

export const minutesSchema = z
  .strictObject({
    present: z
      .strictObject({
        members: z
          .array(member)
          .min(1, 'list the members present')
          .describe('Members present: a name, or `name` with `role`'),
        also: z.array(plainText).default([]).describe('Also in attendance'),
        officers: z
          .array(
            z.strictObject({
              organisation: plainText.describe('Such as "MPA officers"'),
              people: z.array(plainText).min(1),
            }),
          )
          .default([])
          .describe('Officers present, by organisation'),
      })
      .describe('Who was present'),
    venue: plainText
      .optional()
      .describe('The venue as the minutes give it, where it is written otherwise than in the meeting file'),
    apologies: z
      .array(plainText)
      .default([])
      .describe('Apologies for absence, when the minutes list them apart from their first item'),
    draft: z.boolean().default(false).describe('Not yet confirmed: the page says the minutes are to be agreed'),
    first_number: z
      .int()
      .min(1, 'must be 1 or more')
      .optional()
      .describe(
        'The number of the first minute, only where the minutes before these in the municipal year are not in the archive; otherwise numbers follow on',
      ),
  })
  .describe(
    'Front matter of minutes: content/minutes/<committee>/<yyyy-mm-dd>.md; each minute item is a `## Title {agenda=N}` heading',
  );

export type MinutesData = z.output<typeof minutesSchema>;
