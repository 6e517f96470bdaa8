import type { z } from 'zod';
import { auditSchema } from './audit.ts';
import { boroughSchema } from './borough.ts';
import { meetingSchema } from './meeting.ts';
import { minutesSchema } from './minutes.ts';
import { recommendationSchema, recommendationSetSchema } from './recommendation.ts';
import { reportSchema } from './report.ts';
import { committeesSchema, contactsSchema, factTypesSchema, glossarySchema, statusesSchema } from './shared-data.ts';
import { siteSchema } from './site.ts';

/** One schema per kind of file; the JSON Schema file for editors is named after the kind. */
export const SCHEMAS = {
  site: siteSchema,
  committees: committeesSchema,
  contacts: contactsSchema,
  glossary: glossarySchema,
  statuses: statusesSchema,
  facts: factTypesSchema,
  borough: boroughSchema,
  'recommendation-set': recommendationSetSchema,
  recommendation: recommendationSchema,
  meeting: meetingSchema,
  report: reportSchema,
  minutes: minutesSchema,
  audit: auditSchema,
} as const satisfies Record<string, z.ZodType>;

/** The kinds of content file, one per schema. */
export type EntryKind = keyof typeof SCHEMAS;
