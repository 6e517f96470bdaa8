/** A value as a quoted CSS string, safe inside a `<style>` element. */
export function cssString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r]/g, ' ').replace(/</g, '\\3c ');
  return `"${escaped}"`;
}
