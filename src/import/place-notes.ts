import { htmlToMarkdown } from './block-markdown.ts';
import type { ImportWarning } from './import-types.ts';

/** A footnote reference, as it stands in the text until the Markdown is written: characters no document holds. */
export const NOTE = /\uE000(\d+)\uE001/g;

/**
 * Footnote references to Markdown's `[^1]`, each note written where it can be
 * read: after the body, the summary or the appendix that cites it. A note cited
 * elsewhere (a recommendation, a table of progress) cannot be: it is said.
 */
export function placeNotes(
  front: Record<string, unknown>,
  body: string,
  notes: ReadonlyMap<string, string>,
  warnings: ImportWarning[],
): { front: Record<string, unknown>; body: string } {
  const withNotes = (text: string) => {
    const cited = [...new Set([...text.matchAll(NOTE)].map((m) => m[1]!))];
    const definitions = cited.map((n) => `[^${n}]: ${htmlToMarkdown(notes.get(n) ?? '').replace(/\n+/g, ' ')}`);
    return [text.replace(NOTE, '[^$1]'), ...definitions].join('\n\n');
  };
  const placeNotes = (value: string, key: string): string => {
    if (!citesNote(value)) return value;
    if (key === 'summary' || key === 'body') return withNotes(value);
    for (const m of value.matchAll(NOTE))
      warnings.push({
        at: `footnote ${m[1]}`,
        message: `it is cited in \`${key}\`, where a note cannot stand: its words were left out`,
      });
    return value.replace(NOTE, '');
  };
  const visit = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return placeNotes(value, key);
    if (Array.isArray(value)) return value.map((v) => visit(v, key));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
    return value;
  };
  return { front: visit(front, '') as Record<string, unknown>, body: citesNote(body) ? withNotes(body) : body };
}

function citesNote(text: string): boolean {
  return /\uE000\d+\uE001/.test(text);
}
