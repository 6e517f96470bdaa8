/**
 * A value as a quoted CSS string, safe inside a `<style>` element: quotes,
 * backslashes, `<` and every control character (a form feed ends a CSS string
 * as a newline does) are written as CSS escapes.
 */
export function cssString(value: string): string {
  const escaped = value.replace(/[\\"<\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}
