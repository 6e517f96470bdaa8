import { z } from 'zod';
import { dateStyle, isoDate, plainText, slug } from './common.ts';

export const committeesSchema = z
  .strictObject({
    committees: z.array(
      z.strictObject({
        code: slug.describe('Used in URLs, such as x-ppr'),
        name: plainText.describe('Full name, such as Planning, Performance & Review Committee'),
        short_name: plainText.optional().describe('Short name, such as PPR'),
        renamed: z
          .array(
            z.strictObject({
              from: isoDate.describe('The first day of the new name'),
              name: plainText,
              short_name: plainText.optional(),
            }),
          )
          .default([])
          .describe(
            'Later names under the same code, oldest first: each page uses the name in force at its meeting’s date',
          ),
        date_styles: z
          .array(
            z.strictObject({
              from: isoDate.describe('The first meeting day of this style'),
              style: dateStyle,
            }),
          )
          .default([])
          .describe(
            'How this committee’s generated opening lines print the meeting’s date from a day on, when it is not the site’s `date_style`',
          ),
      }),
    ),
  })
  .describe('Committees: data/committees.yaml');

export const contactsSchema = z
  .strictObject({
    heading: plainText.describe('Line before the standard contacts, such as "For more information contact:"'),
    contacts: z.array(
      z.strictObject({
        label: plainText,
        phone: plainText.optional(),
        email: z.email().optional(),
      }),
    ),
  })
  .describe('Standard contacts printed on every report: data/contacts.yaml');

export const glossarySchema = z
  .strictObject({
    terms: z.array(
      z.strictObject({
        term: plainText.describe('The abbreviation, such as CDRP'),
        expansion: plainText.describe('What it stands for'),
        description: plainText.optional(),
      }),
    ),
  })
  .describe('Abbreviations and terms: data/glossary.yaml');

export const statusesSchema = z
  .strictObject({
    statuses: z.array(
      z.strictObject({
        id: slug,
        label: plainText,
        colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb'),
        aliases: z
          .array(plainText)
          .default([])
          .describe('Other words for this status, such as `complete` for `completed`'),
        closed: z.boolean().default(false).describe('True when nothing more is to be done'),
        neutral: z
          .boolean()
          .default(false)
          .describe('True for a status that says nothing of progress; ignored when rolling up a recommendation'),
        description: plainText.optional(),
      }),
    ),
  })
  .describe('Status vocabulary, from least to most advanced: data/statuses.yaml');

export const factTypesSchema = z
  .strictObject({
    facts: z.array(
      z.strictObject({
        id: slug,
        label: plainText,
        description: plainText.optional(),
        type: z.enum(['boolean', 'number', 'text']),
        choices: z
          .array(z.strictObject({ value: plainText, label: plainText }))
          .optional()
          .describe('For a text fact, the values it may take'),
      }),
    ),
  })
  .describe('Kinds of borough fact: data/facts.yaml');

export type CommitteesData = z.output<typeof committeesSchema>;
export type ContactsData = z.output<typeof contactsSchema>;
export type GlossaryData = z.output<typeof glossarySchema>;
export type StatusesData = z.output<typeof statusesSchema>;
export type FactTypesData = z.output<typeof factTypesSchema>;
