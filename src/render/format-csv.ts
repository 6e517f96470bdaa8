export type CsvCell = string | number | boolean;

/**
 * One CSV field, quoted when it must be (RFC 4180). Text that a spreadsheet
 * would read as a formula (starting `=`, `+`, `-`, `@`, a tab or a carriage
 * return) is led by an apostrophe, as OWASP advises, so opening the open data
 * never runs anything; numbers are written as they are.
 */
export function csvField(value: CsvCell): string {
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 byte-order mark, by which Excel knows the encoding (without it, ’ shows as â€™). */
export function formatCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return `\ufeff${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
