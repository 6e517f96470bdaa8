import { z } from 'zod';
import { isoDate, plainText } from './common.ts';

const count = z.number().int().min(0);

/** What `papers audit` found: where, and what. */
const problem = z.strictObject({
  where: plainText.describe('The page (and width) or PDF'),
  what: plainText.describe('The rule broken, in words'),
});

export const auditSchema = z
  .strictObject({
    tested: isoDate.describe('The day the test ran'),
    pages: z.strictObject({
      tool: plainText.describe('What checked the pages, such as axe-core 4.14.1 (WCAG 2.2 AA rules)'),
      browser: plainText.describe('The browser the pages were loaded in'),
      widths: z.array(z.number().int().positive()).describe('The window widths each page was checked at, in pixels'),
      checked: count.describe('Pages checked'),
      of: count.describe('Pages the site has'),
      problems: z.array(problem).default([]),
    }),
    pdfs: z.strictObject({
      tool: plainText.describe('What checked the PDFs'),
      checked: count.describe('PDFs checked'),
      of: count.describe('PDFs the site has'),
      problems: z.array(problem).default([]),
    }),
  })
  .describe('The accessibility test of the built site, written by `papers audit`: data/accessibility-audit.yaml');

export type AuditData = z.output<typeof auditSchema>;
