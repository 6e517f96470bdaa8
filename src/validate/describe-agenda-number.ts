import type { ItemNumber } from '../domain/item-numbers.ts';
import { locatePath } from '../content/yaml-source.ts';
import type { Entry } from '../content/entry.ts';
import type { AgendaItemData } from '../schemas/meeting.ts';
import type { ReportData } from '../schemas/report.ts';

/**
 * Where an agenda item's number comes from, in words that say where to change
 * it: its own `number:`, its report's `number:` (file and line), or its place
 * after the item above.
 */
export function describeAgendaNumber(
  meeting: Entry<unknown>,
  field: 'agenda' | 'part_2',
  items: readonly AgendaItemData[],
  numbers: readonly ItemNumber[],
  i: number,
  reportsById: ReadonlyMap<string, Entry<ReportData>>,
): string {
  const item = items[i];
  if (item?.number !== undefined)
    return `item ${i + 1} of \`${field}\` sets \`number: ${item.number}\` (line ${locatePath(meeting.source, [field, i, 'number']).line})`;
  const report = item?.report === undefined ? undefined : reportsById.get(item.report);
  if (report) {
    const at = report.source ? locatePath(report.source, ['number']) : { file: report.file, line: 1 };
    return `item ${i + 1} of \`${field}\` takes its report's number (${at.file}:${at.line})`;
  }
  return i === 0
    ? `item 1 of \`${field}\` is numbered 1, as the first`
    : `item ${i + 1} of \`${field}\` is numbered after the item above it (${numbers[i - 1]})`;
}
