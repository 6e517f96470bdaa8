import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { editFile } from './project.ts';

/**
 * A test report (not a real one) that uses every choice the format offers
 * beyond the two example reports, added to the 8 December 2005 meeting.
 */
export const FORMAT_REPORT_ID = '2005-12-08-x-ppr-07-format-test';
export const FORMAT_REPORT_FILE = `content/reports/2005/${FORMAT_REPORT_ID}.md`;
export const FORMAT_REPORT = `---
committee: x-ppr
date: 2005-12-08
report_date: 2005-11-17
number: 7
title: Format test
by: Clerk
description: tests the format.
summary: A test of the format.
recommendations:
  heading: Recommendations
  lead: ''
  style: bulleted
  items: [That members note the report.]
numbered_sections: [Supporting information]
contacts: false
appendices_new_page: true
appendices:
  - recommendations: { set: cdrp-scrutiny-2003, view: list, numbers: [1, 2, 3] }
---

## Supporting information

The table below gives the position.

::: recommendations
set: cdrp-scrutiny-2003
numbers: [1, 2]
as_at: 2005-12-08
caption: "{recommendation}: position at 22 November"
columns: [Key points, Actions, Position at 22 November]
heading_rows: true
:::

The plan follows.

::: recommendations
set: cdrp-scrutiny-2003
view: plan
numbers: [3]
as_at: 2002-01-01
:::

Some reports print the table with no caption.

::: recommendations
set: cdrp-scrutiny-2003
numbers: [4]
as_at: 2005-12-08
caption: false
heading_rows: true
:::

The terms of reference are:

(i) To monitor performance, including:
    (a) crime; and
(ii) To consider reports.

| Month | Report |
| --- | --- |
| June | Work plan |

The work plan follows the guidance.[^guidance]

[^guidance]: Home Office guidance on partnership reporting.
`;

/** Add the test report to a copy of the example project, on its meeting's agenda. */
export async function addFormatReport(root: string, text = FORMAT_REPORT): Promise<void> {
  await writeFile(path.join(root, FORMAT_REPORT_FILE), text);
  await editFile(
    root,
    'content/meetings/x-ppr/2005-12-08.yaml',
    'partnerships\n',
    `partnerships\n  - report: ${FORMAT_REPORT_ID}\n`,
  );
}
