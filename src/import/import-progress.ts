import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { addProgressEntry, appendToList } from '../edit/add-progress-entry.ts';
import type { StatusesData } from '../schemas/shared-data.ts';
import type { ImportedRecommendation, ImportWarning } from './map-report.ts';

interface RecommendationFile {
  number?: number;
  key_points?: Array<{ actions?: Array<{ progress?: Array<{ date?: unknown; status?: string }> }> }>;
  commentary?: Array<{ date?: unknown }>;
}

/**
 * The status a result states: the status word it opens with (an id, label or
 * alias), else one it holds in its first sentence ("Initial research completed
 * May 2004"); "As above" takes the row above's; else the vocabulary's neutral
 * status, with a warning.
 */
export function recogniseStatus(
  result: string,
  statuses: StatusesData['statuses'],
  above?: string,
): { status?: string; stated: boolean } {
  const words = statuses.flatMap((s) =>
    [s.id.replace(/-/g, ' '), s.id, s.label, ...s.aliases].map((w) => ({ word: w.toLowerCase(), id: s.id })),
  );
  // Longest first, so "not started" is found before "started".
  words.sort((a, b) => b.word.length - a.word.length);
  const text = result.toLowerCase().replace(/\s+/g, ' ').trim();
  const opening = words.find((w) => new RegExp(`^${escapeRegExp(w.word)}(?![a-z])`).test(text));
  if (opening) return { status: opening.id, stated: true };
  if (/^as above\b/.test(text) && above) return { status: above, stated: true };
  const sentence = text.split(/(?<=\.)\s/)[0] ?? '';
  const inside = words.find((w) => new RegExp(`(?<![a-z])${escapeRegExp(w.word)}(?![a-z])`).test(sentence));
  if (inside) return { status: inside.id, stated: true };
  return { status: statuses.find((s) => s.neutral)?.id, stated: false };
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The new text of each recommendation file the tables name: a progress entry
 * per row, dated at the report's date, and the commentary after the table,
 * each spliced in by the same writer as `papers status`, so every other line
 * stays as it was. Nothing is written here: the caller writes all or nothing.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export async function planProgress(
  root: string,
  set: string,
  date: string,
  imported: readonly ImportedRecommendation[],
  statuses: StatusesData['statuses'],
): Promise<{ files: Map<string, string>; warnings: ImportWarning[]; entries: number }> {
  const files = new Map<string, string>();
  const warnings: ImportWarning[] = [];
  let entries = 0;
  for (const rec of imported) {
    const file = `content/recommendations/${set}/${String(rec.number).padStart(2, '0')}.yaml`;
    let text: string;
    try {
      text = await readFile(path.join(root, file), 'utf8');
    } catch {
      warnings.push({
        at: rec.at,
        message: `set ${set} has no recommendation ${rec.number} (${file}): its table was not imported`,
      });
      continue;
    }
    const data = (parse(text) ?? {}) as RecommendationFile;
    const fits = rec.rows.every((row) => data.key_points?.[row.keyPoint]?.actions?.[row.action] !== undefined);
    if (!fits) {
      warnings.push({
        at: rec.at,
        message: `the table's key points and actions do not match those of ${file}: add its results by hand with \`papers status\``,
      });
      continue;
    }
    let above: string | undefined;
    for (const row of rec.rows) {
      const progress = data.key_points?.[row.keyPoint]?.actions?.[row.action]?.progress ?? [];
      if (progress.some((p) => String(p.date).slice(0, 10) === date)) {
        warnings.push({
          at: rec.at,
          message: `key point ${row.keyPoint + 1}, action ${row.action + 1} already has an entry of ${date}: this row was left out`,
        });
        continue;
      }
      const { status, stated } = recogniseStatus(row.text, statuses, above);
      if (!status) {
        warnings.push({
          at: rec.at,
          message: `no status word in "${row.text.slice(0, 40)}": add the entry by hand with \`papers status\``,
        });
        continue;
      }
      if (!stated)
        warnings.push({
          at: rec.at,
          message: `no status word in "${row.text.slice(0, 40)}…": written as \`${status}\`; check it`,
        });
      above = status;
      text = addProgressEntry(text, row.keyPoint, row.action, { date, status, result: row.result });
      entries++;
    }
    if (rec.commentary) {
      if ((data.commentary ?? []).some((c) => String(c.date).slice(0, 10) === date))
        warnings.push({
          at: rec.at,
          message: `${file} already has commentary of ${date}: the text after the table was left out`,
        });
      else text = appendToList(text, [], 'commentary', { date, text: rec.commentary });
    }
    files.set(file, text);
  }
  return { files, warnings, entries };
}
