import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { mapReport } from '../../src/import/map-report.ts';
import { readBlocks } from '../../src/import/read-blocks.ts';
import { readDocument } from '../../src/import/read-document.ts';
import { formatNumber } from '../../src/import/word-numbering.ts';

const text = (t: string) => new Paragraph({ children: [new TextRun(t)] });
const item = (reference: string, level: number, t: string) =>
  new Paragraph({ numbering: { reference, level }, children: [new TextRun(t)] });

/** A report in the house template whose lists Word numbers (a), (i) and A.: the numbers exist only in numbering.xml. */
async function writeNumberedReport(): Promise<Uint8Array> {
  const heading = (t: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t)] });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'clauses',
          levels: [
            { level: 0, format: LevelFormat.LOWER_LETTER, text: '(%1)', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.LOWER_ROMAN, text: '(%2)', alignment: AlignmentType.LEFT },
          ],
        },
        { reference: 'options', levels: [{ level: 0, format: LevelFormat.UPPER_LETTER, text: '%1.' }] },
        { reference: 'plain', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Terms of reference')] }),
          text('Report: 6'),
          text('Date: 4 November 2004'),
          text('By: Clerk'),
          heading('Summary'),
          text('A summary.'),
          heading('A. Recommendation'),
          text('That members note the report.'),
          heading('B. Supporting information'),
          text('The terms of reference are:'),
          item('clauses', 0, 'to monitor performance, including:'),
          item('clauses', 1, 'crime; and'),
          item('clauses', 1, 'confidence;'),
          item('clauses', 0, 'to consider reports.'),
          text('The options are:'),
          item('options', 0, 'to do nothing;'),
          item('options', 0, 'to act now.'),
          text('The steps are:'),
          item('plain', 0, 'first;'),
          item('plain', 0, 'second.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("Word's own numbering, read from the document's numbering definitions", () => {
  it('writes (a), (i) and A. as Word draws them, never flattened to 1, 2, 3; a plain "1." list stays a list', async () => {
    const document = await readDocument(await writeNumberedReport(), 'terms.docx');
    expect(document.warnings.map((w) => w.message)).not.toContainEqual(
      expect.stringMatching(/numbers could not be read/),
    );
    const draft = mapReport(readBlocks(document.html), {
      committeeName: 'Planning, Performance & Review Committee',
      source: 'word',
      meetingDate: '2004-11-04',
      dateStyle: 'long',
      glossary: [],
      contacts: [],
    });
    const lines = draft.body.split('\n').map((l) => l.trim());
    for (const clause of [
      '(a) to monitor performance, including:',
      '(i) crime; and',
      '(ii) confidence;',
      '(b) to consider reports.',
      'A. to do nothing;',
      'B. to act now.',
    ])
      expect(lines).toContain(clause);
    expect(draft.body).toMatch(/^1\. first;\n2\. second\.$/m);
    expect(draft.body).not.toMatch(/^\d+\. to monitor/m);
  });

  it('formats counts as Word does', () => {
    expect([1, 2, 26, 27].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'b', 'z', 'aa']);
    expect([1, 4, 9, 14, 40].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
    expect(formatNumber(3, 'lowerRoman')).toBe('iii');
    expect(formatNumber(12, 'decimal')).toBe('12');
  });
});
