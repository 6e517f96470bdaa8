import {
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { readBlocks, type Block, type TableCell as Cell } from '../../src/import/read-blocks.ts';

/**
 * A report page as a Word author would have written it, from the house
 * template: the title in Word's Title style, "A. Recommendation" and the other
 * parts in Heading 1, headings within them in Heading 2, numbered paragraphs
 * in Word's own numbering (their typed numbers gone), lists inside them at the
 * numbering's second level, tables with their merged cells, bold and italic.
 */
export async function writeReportDocx(html: string): Promise<Buffer> {
  const blocks = readBlocks(html);
  const children: Array<Paragraph | Table> = [];
  let instance = 0;
  let inNumbered = false;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      inNumbered = false;
      instance++;
      if (/^Supporting material$/i.test(block.text)) break;
      const heading =
        block.level === 1 ? HeadingLevel.TITLE : block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
      children.push(new Paragraph({ heading, children: [new TextRun(block.text)] }));
    } else if (block.kind === 'para') {
      const typed = /^(\d+)\.\s+/.exec(block.text);
      if (typed) {
        inNumbered = true;
        children.push(
          new Paragraph({
            numbering: { reference: 'paragraphs', level: 0, instance },
            children: runsOf(block.html.replace(/^(\s*(<[^>]+>\s*)*)\d+\.\s+/, '$1')),
          }),
        );
      } else {
        inNumbered = false;
        children.push(new Paragraph({ children: runsOf(block.html) }));
      }
    } else if (block.kind === 'list') {
      // A list after a numbered paragraph belongs to it: the numbering's second level.
      const level = inNumbered ? 1 : 0;
      instance++;
      for (const item of block.items) {
        children.push(
          new Paragraph({
            numbering: {
              reference: block.ordered ? (inNumbered ? 'paragraphs' : 'ordered') : 'bullets',
              level,
              instance,
            },
            children: runsOf(item.html),
          }),
        );
      }
    } else if (block.kind === 'table') {
      inNumbered = false;
      children.push(tableOf(block.rows));
    }
  }
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'paragraphs',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.' },
          ],
        },
        { reference: 'ordered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** A table with its spanning cells as Word's vertical merges. */
function tableOf(rows: readonly Cell[][]): Table {
  const pending: Array<{ left: number; cell: Cell } | undefined> = [];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((row, r) => {
      const cells: TableCell[] = [];
      let col = 0;
      const flushContinuations = () => {
        while (pending[col] && pending[col]!.left > 0) {
          pending[col]!.left--;
          cells.push(new TableCell({ verticalMerge: VerticalMergeType.CONTINUE, children: [new Paragraph('')] }));
          col++;
        }
      };
      for (const cell of row) {
        flushContinuations();
        const spans = cell.rowspan > 1;
        if (spans) pending[col] = { left: cell.rowspan - 1, cell };
        cells.push(
          new TableCell({
            ...(spans ? { verticalMerge: VerticalMergeType.RESTART } : {}),
            children: cellParagraphs(cell.html),
            ...(r === 0 ? {} : {}),
          }),
        );
        col++;
      }
      flushContinuations();
      return new TableRow({ tableHeader: r === 0, children: cells });
    }),
  });
}

function cellParagraphs(html: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const part of html.split(/<\/p>|<br\s*\/?>|<\/li>/)) {
    const bullet = /<li[\s>]/.test(part);
    const inner = part.replace(/<\/?(p|ul|ol|li)[^>]*>/g, '');
    if (inner.replace(/<[^>]+>/g, '').trim() === '') continue;
    out.push(
      new Paragraph({ ...(bullet ? { numbering: { reference: 'bullets', level: 0 } } : {}), children: runsOf(inner) }),
    );
  }
  return out.length > 0 ? out : [new Paragraph('')];
}

/** Bold and italic runs of a fragment of HTML; other markup gives its text. */
function runsOf(html: string): TextRun[] {
  const runs: TextRun[] = [];
  let bold = 0;
  let italics = 0;
  let breakBefore = 0;
  for (const token of html.split(/(<[^>]+>)/)) {
    if (token.startsWith('<')) {
      if (/^<br[\s/>]/.test(token)) breakBefore++;
      if (/^<(strong|b)[\s>]/.test(token)) bold++;
      else if (/^<\/(strong|b)>/.test(token)) bold--;
      else if (/^<(em|i)[\s>]/.test(token)) italics++;
      else if (/^<\/(em|i)>/.test(token)) italics--;
      continue;
    }
    const text = decode(token).replace(/\s+/g, ' ');
    if (!text.trim() && !breakBefore) {
      if (text && runs.length > 0) runs.push(new TextRun({ text }));
      continue;
    }
    runs.push(
      new TextRun({
        text: breakBefore ? text.trimStart() : text,
        bold: bold > 0,
        italics: italics > 0,
        ...(breakBefore ? { break: breakBefore } : {}),
      }),
    );
    breakBefore = 0;
  }
  return runs;
}

function decode(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export type { Block };
