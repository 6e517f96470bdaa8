import { z } from 'zod';
import { paragraphRef, partialDate, plainText, slug } from './common.ts';

export const factSourceSchema = z
  .strictObject({
    report: plainText.describe('Id of the report that states the fact (its file name without .md)'),
    paragraph: paragraphRef.optional(),
    appendix: z.int().positive().optional(),
    recommendation: z.int().positive().optional().describe('Recommendation number, when the fact comes from an appendix table'),
  })
  .describe('Where the fact is stated');

export const boroughSchema = z
  .strictObject({
    name: plainText,
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
