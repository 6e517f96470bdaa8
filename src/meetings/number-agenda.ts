/**
 * Agenda item numbers: an item's own `number`, else its report's, else the
 * number after the item above it (the first item of a part is 1).
 */
export function numberAgenda(
  items: ReadonlyArray<{ number?: number | undefined; report?: string | undefined }>,
  reportNumber: (id: string) => number | undefined,
): number[] {
  const numbers: number[] = [];
  for (const item of items) {
    const previous = numbers.at(-1) ?? 0;
    numbers.push(item.number ?? (item.report !== undefined ? reportNumber(item.report) : undefined) ?? previous + 1);
  }
  return numbers;
}
