import { type ItemNumber, splitItemNumber } from '../domain/item-numbers.ts';

/**
 * Agenda item numbers: an item's own `number`, else its report's, else the
 * number after the item above it (the first item of a part is 1; after 4a
 * comes 5).
 */
export function numberAgenda(
  items: ReadonlyArray<{ number?: ItemNumber | undefined; report?: string | undefined }>,
  reportNumber: (id: string) => ItemNumber | undefined,
): ItemNumber[] {
  const numbers: ItemNumber[] = [];
  for (const item of items) {
    const previous = splitItemNumber(numbers.at(-1) ?? 0).whole;
    numbers.push(item.number ?? (item.report !== undefined ? reportNumber(item.report) : undefined) ?? previous + 1);
  }
  return numbers;
}
