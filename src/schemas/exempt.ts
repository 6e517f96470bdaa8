import { z } from 'zod';

/**
 * The paragraph of Schedule 12A to the Local Government Act 1972 under which
 * a paper is exempt: it is never published, only listed by title and paragraph.
 */
export const exemptParagraph = z
  .union([
    z.int().min(1, 'must be a paragraph of Schedule 12A, 1 to 7').max(7, 'must be a paragraph of Schedule 12A, 1 to 7'),
    z.literal(true),
  ])
  .describe(
    'Exempt from publication under this paragraph (1 to 7) of Schedule 12A to the Local Government Act 1972; `true` where the record does not say which',
  );

/** A paragraph of Schedule 12A, or `true` where the record does not say which. */
export type ExemptParagraph = number | true;
