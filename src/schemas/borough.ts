import { z } from 'zod';
import { paragraphRef, partialDate, plainText, slug } from './common.ts';

export const factSourceSchema = z
  .strictObject({
    report: plainText.describe('Id of the report that states the fact (its file name without .md)'),
    paragraph: paragraphRef.optional(),
    appendix: z.int().positive().optional(),
    recommendation: z
      .int()
      .positive()
      .optional()
      .describe('Recommendation number, when the fact comes from an appendix table'),
  })
  .describe('Where the fact is stated');

export const boroughSchema = z
  .strictObject({
    name: plainText,
    short_name: z
      .string()
      .regex(/^[A-Z&]{2,4}$/, 'must be 2 to 4 capital letters, such as BRN')
      .optional()
      .describe('Label on the tile map'),
    tile: z
      .strictObject({ col: z.int().min(0).max(20), row: z.int().min(0).max(20) })
      .optional()
      .describe('Square of the borough on the tile-grid map: layout, not a fact'),
    facts: z
      .array(
        z.strictObject({
          fact: slug.describe('A fact id from data/facts.yaml'),
          value: z.union([z.boolean(), z.number(), plainText]),
          held_from: partialDate.describe('When the value held from, as the source states it'),
          source: factSourceSchema,
        }),
      )
      .default([]),
  })
  .describe('A borough and the facts the sources state about it: data/boroughs/<slug>.yaml');

export type BoroughData = z.output<typeof boroughSchema>;
