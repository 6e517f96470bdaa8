import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyExampleProject, REPORT_2004 } from './project.ts';

export const PACK_2005 = 'committees/x-ppr/2005/051208/x-ppr-2005-12-08-pack.pdf';
export const PDF_2005 = 'committees/x-ppr/2005/051208/06/x-ppr-2005-12-08-06.pdf';
export const PDF_2004 = 'committees/x-ppr/2004/041104/06/x-ppr-2004-11-04-06.pdf';

/**
 * The example project with a fuller 8 December 2005 meeting (reports 4, 5 and 6)
 * and one recommendation whose table runs over more than a page.
 */
export async function createPdfProject(): Promise<string> {
  const root = await copyExampleProject();
  const source = await readFile(path.join(root, REPORT_2004), 'utf8');
  const ids: string[] = [];
  for (const [number, title] of [
    [4, 'Borough performance overview'],
    [5, 'Partnership funding review'],
  ] as const) {
    const id = `2005-12-08-x-ppr-0${number}-${title.toLowerCase().replaceAll(' ', '-')}`;
    ids.push(id);
    const text = source
      .replace('date: 2004-11-04', 'date: 2005-12-08')
      .replace('number: 6', `number: ${number}`)
      .replace('title: CDRP borough performance', `title: ${title}`);
    await writeFile(path.join(root, `content/reports/2005/${id}.md`), text);
  }
  const meeting = path.join(root, 'content/meetings/x-ppr/2005-12-08.yaml');
  const agenda = await readFile(meeting, 'utf8');
  await writeFile(
    meeting,
    agenda.replace(
      'agenda:\n',
      `time: '14:00'\nvenue: Committee Room 1\nagenda:\n  - number: 1\n    title: Apologies for absence\n${ids.map((id) => `  - report: ${id}\n`).join('')}`,
    ),
  );
  const actions = Array.from(
    { length: 30 },
    (_, i) =>
      `      - text: Action ${i + 1} of a long table, with enough words to fill a line or two of its cell\n        progress:\n          - date: 2005-12-08\n            status: ongoing\n            result: Ongoing. Row ${i + 1} of the long table.\n`,
  ).join('');
  await writeFile(
    path.join(root, 'content/recommendations/cdrp-scrutiny-2003/25.yaml'),
    `number: 25\nowner: MPS\ntext: A recommendation with a long table.\nkey_points:\n  - text: A key point with thirty actions\n    actions:\n${actions}`,
  );
  return root;
}
