import type { ImportWarning } from './import-types.ts';
import type { WordParagraph } from './word-numbering.ts';

/** What mammoth reads a document as: elements with children, text with a value. */
interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
  numbering?: unknown;
}

/**
 * Mammoth's document with Word's own numbers written before the paragraphs
 * of lists that number (a), (i), A. or (2): typed as the clerk sees them, so
 * the importer reads them as the clauses they are, never as a list it would
 * renumber 1, 2, 3. Where the document's paragraphs cannot be matched one to
 * one with Word's, nothing is changed and the lists are said to need a look.
 */
export function markWordNumbers(
  paragraphs: readonly WordParagraph[],
  warnings: ImportWarning[],
): (document: MammothElement) => MammothElement {
  return (document) => {
    if (!paragraphs.some((p) => p.marker !== undefined)) return document;
    const read = paragraphsOf(document);
    const aligned =
      read.length === paragraphs.length && read.every((p, i) => squash(textOf(p)) === squash(paragraphs[i]!.text));
    if (!aligned) {
      warnings.push({
        at: 'the document',
        message:
          'its lists number their items in Word’s own way ((a), (i), A.), and their numbers could not be read: check each list’s numbers against the document',
      });
      return document;
    }
    let k = 0;
    return mapParagraphs(document, (paragraph) => {
      const marker = paragraphs[k++]?.marker;
      if (marker === undefined) return paragraph;
      return { ...paragraph, numbering: null, children: [markerRun(marker), ...(paragraph.children ?? [])] };
    });
  };
}

function markerRun(marker: string): MammothElement {
  return {
    type: 'run',
    children: [{ type: 'text', value: `${marker} ` }],
    ...{ styleId: null, styleName: null, isBold: false, isUnderline: false, isItalic: false },
    ...{ isStrikethrough: false, isAllCaps: false, isSmallCaps: false, verticalAlignment: 'baseline' },
    ...{ font: null, fontSize: null, highlight: null },
  };
}

/** The paragraphs of a document, in order (those of tables too). */
function paragraphsOf(element: MammothElement): MammothElement[] {
  return element.type === 'paragraph' ? [element] : (element.children ?? []).flatMap(paragraphsOf);
}

function mapParagraphs(element: MammothElement, map: (p: MammothElement) => MammothElement): MammothElement {
  if (element.type === 'paragraph') return map(element);
  return element.children ? { ...element, children: element.children.map((c) => mapParagraphs(c, map)) } : element;
}

function textOf(element: MammothElement): string {
  if (element.type === 'text') return element.value ?? '';
  return (element.children ?? []).map(textOf).join('');
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
