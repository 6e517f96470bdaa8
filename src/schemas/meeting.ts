import { z } from 'zod';
import { plainText } from './common.ts';

export const meetingSchema = z
  .strictObject({
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM').optional(),
    venue: plainText.optional(),
    contact: plainText.optional(),
    agenda: z
      .array(
        z
          .strictObject({
            report: plainText.optional().describe('Id of a report (its file name without .md)'),
            number: z.int().positive().optional().describe('Item number, for an item that is not a report'),
            title: plainText.optional().describe('Item title, for an item that is not a report'),
          })
          .refine((item) => (item.report === undefined) !== (item.title === undefined && item.number === undefined), {
            message: 'an agenda item is either `report: <id>` or `number` with `title`',
          })
          .refine((item) => item.report !== undefined || (item.number !== undefined && item.title !== undefined), {
            message: 'an agenda item that is not a report needs both `number` and `title`',
          }),
      )
      .default([])
      .describe('Agenda items in order: a report, or a numbered item with a title'),
  })
  .describe('A meeting: content/meetings/<committee>/<yyyy-mm-dd>.yaml');

export type MeetingData = z.output<typeof meetingSchema>;
