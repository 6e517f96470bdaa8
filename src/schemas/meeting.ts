import { z } from 'zod';
import { exemptParagraph } from './exempt.ts';
import { itemNumber, markdown, plainText } from './common.ts';

export const AGENDA_KINDS = ['standing', 'minutes', 'report', 'oral', 'urgent', 'exclusion', 'item'] as const;

const itemFields = {
  report: plainText.optional().describe('Id of a report (its file name without .md)'),
  minutes: z
    .string()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*\/\d{4}-\d{2}-\d{2}(-[a-z0-9]+)*$/,
      'must name a meeting as <committee>/<yyyy-mm-dd>, such as `sop/2009-03-05` (`mpa/2006-06-29-agm` for another meeting that day)',
    )
    .optional()
    .describe(
      'The meeting whose minutes this item confirms, as <committee>/<yyyy-mm-dd>: its minutes go into the pack',
    ),
  kind: z
    .enum(AGENDA_KINDS)
    .optional()
    .describe(
      'standing (apologies, declarations), minutes, report, oral (an oral report), urgent (urgent actions), exclusion (of the press and public), or item',
    ),
  number: itemNumber
    .optional()
    .describe(
      'The item number, when it is not the one after the item above (the first item of a part is 1): 6, or 6a for an item added under item 6',
    ),
  title: plainText.optional().describe('The title as the agenda prints it; for a report, by default its own title'),
  text: markdown.optional().describe('Text under the title, such as advice to members'),
};

function refineItem(
  item: {
    report?: string | undefined;
    minutes?: string | undefined;
    kind?: string | undefined;
    title?: string | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if (item.report !== undefined && item.minutes !== undefined)
    ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'an item is a report or minutes, not both' });
  if (item.report !== undefined && item.kind !== undefined && item.kind !== 'report')
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: 'an item with `report` is of kind `report`: leave `kind` out',
    });
  if (item.minutes !== undefined && item.kind !== undefined && item.kind !== 'minutes')
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: 'an item with `minutes` is of kind `minutes`: leave `kind` out',
    });
  if (
    item.report === undefined &&
    item.minutes === undefined &&
    item.title === undefined &&
    item.kind !== 'exclusion'
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['title'],
      message: 'an agenda item needs `report: <id>`, `minutes: <committee>/<date>` or a `title`',
    });
  }
}

const part1Item = z.strictObject(itemFields).superRefine(refineItem);

const part2Item = z
  .strictObject({ ...itemFields, exempt: exemptParagraph.optional() })
  .superRefine(refineItem)
  .superRefine((item, ctx) => {
    if (item.exempt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['exempt'],
        message:
          item.report === undefined
            ? 'a Part 2 item needs `exempt: <paragraph of Schedule 12A>`, 1 to 7'
            : 'a Part 2 item needs `exempt: <paragraph of Schedule 12A>`, 1 to 7, as its report says: the public agenda prints it, and the public build never reads the report',
      });
    }
    if (item.kind === 'exclusion')
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'the exclusion of the press and public is the last item of Part 1, in `agenda`',
      });
  });

export const meetingSchema = z
  .strictObject({
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM')
      .optional(),
    venue: plainText.optional(),
    contact: plainText.optional(),
    agenda: z
      .array(part1Item)
      .default([])
      .describe(
        'Part 1: the items considered while the press and public are present, in order; end with `kind: exclusion` when there is a Part 2',
      ),
    part_2: z
      .array(part2Item)
      .default([])
      .describe(
        'Part 2: the items considered after the exclusion of the press and public, each exempt under a paragraph of Schedule 12A; listed in public by title and paragraph only',
      ),
  })
  .describe('A meeting: content/meetings/<committee>/<yyyy-mm-dd>.yaml');

export type MeetingData = z.output<typeof meetingSchema>;
export type AgendaItemData = MeetingData['part_2'][number];
