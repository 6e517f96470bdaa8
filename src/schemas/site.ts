import { z } from 'zod';
import { dateStyle, markdown, plainText } from './common.ts';

const urlPattern = z
  .string()
  .regex(
    /^\/([a-z0-9{}-]+\/)*$/,
    'must start and end with `/`, using placeholders such as `{committee}`, `{yyyy}`, `{yymmdd}`, `{nn}`',
  )
  .describe('URL pattern with placeholders {committee} {yyyy} {yymmdd} {date} {nn} {number}');

export const siteSchema = z
  .strictObject({
    title: plainText.describe('Name of the archive website'),
    body: plainText.describe('The public body whose papers these are'),
    body_short: plainText.describe('Short name of the body, such as MPA'),
    base_url: z
      .url({ protocol: /^https?$/, error: 'must be an http or https address' })
      .describe('Where the site is published, such as https://example.org/'),
    base_path: z
      .string()
      .regex(/^\/([A-Za-z0-9._~-]+\/)*$/, 'must start and end with `/`, such as `/archive/`')
      .optional()
      .describe(
        'The path the site is served under, such as /repo/ for owner.github.io/repo/; by default the path of base_url',
      ),
    language: z.string().default('en-GB'),
    banner: markdown
      .optional()
      .describe('Shown at the top of every report: for an archive, that the body was replaced'),
    feedback_email: z.email().optional().describe('Address for the feedback link'),
    licence: z
      .strictObject({
        name: plainText.describe('Such as Open Government Licence v3.0'),
        url: z.url({ protocol: /^https?$/, error: 'must be an http or https address' }),
      })
      .optional()
      .describe('The licence of the open data, stated on the data page and in the JSON files'),
    contact: z
      .strictObject({
        email: z.email().optional().describe('Where people write to the body (default: feedback_email)'),
        phone: plainText.optional().describe('A telephone number, as it should be dialled'),
        address: plainText.optional().describe('A postal address, its lines separated by commas or new lines'),
        reply_days: z
          .number()
          .int()
          .positive()
          .default(5)
          .describe('Working days within which a request (such as for another format) is answered'),
      })
      .optional()
      .describe('How to reach the body: the contact page and the accessibility statement'),
    accessibility: z
      .strictObject({
        known_issues: z
          .array(markdown)
          .default([])
          .describe('Content known not to be accessible, and why, beyond what `papers audit` finds'),
        improving: markdown.optional().describe('What the body is doing to improve accessibility'),
      })
      .optional()
      .describe('What the accessibility statement says beyond the measured results'),
    privacy: z
      .strictObject({
        controller: plainText.optional().describe('Who controls personal data (default: body)'),
        officer_email: z.email().optional().describe('The data protection officer'),
        notes: markdown.optional().describe('Anything else the privacy page must say, such as how the host keeps logs'),
      })
      .optional()
      .describe('What the privacy page says'),
    date_style: dateStyle
      .default('long')
      .describe(
        'Dates in generated opening lines: `long` "8 December 2005", `long-zero` "08 December 2005", `short` "8 Dec 05" or `short-zero` "08 Dec 05"; a committee may change it from a date (`date_styles` in data/committees.yaml)',
      ),
    municipal_year_starts: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day of the year written MM-DD, such as 05-01')
      .default('05-01')
      .describe('The day each municipal year begins (MM-DD): minute numbers start again at 1 on it'),
    appendices_new_page: z.boolean().default(false).describe('Start each appendix of a report on a new page in print'),
    urls: z
      .strictObject({
        report: urlPattern.default('/committees/{committee}/{yyyy}/{yymmdd}/{nn}/'),
        meeting: urlPattern.default('/committees/{committee}/{yyyy}/{yymmdd}/'),
        year: urlPattern.default('/committees/{committee}/{yyyy}/'),
        committee: urlPattern.default('/committees/{committee}/'),
      })
      .default({
        report: '/committees/{committee}/{yyyy}/{yymmdd}/{nn}/',
        meeting: '/committees/{committee}/{yyyy}/{yymmdd}/',
        year: '/committees/{committee}/{yyyy}/',
        committee: '/committees/{committee}/',
      }),
  })
  .describe('Site settings: data/site.yaml');

export type SiteData = z.output<typeof siteSchema>;
