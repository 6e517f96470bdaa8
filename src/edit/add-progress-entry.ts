import { isMap, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';

export interface ProgressEntry {
  date: string;
  status: string;
  result: string;
}

/**
 * Append `value` to the list `key` of the mapping at `mapPath`, as text: the
 * new lines are spliced in where they belong, so every comment, key order and
 * other line of the file stays exactly as it was. The result is checked to
 * hold the old data plus the new item, and nothing else.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export function appendToList(
  text: string,
  mapPath: ReadonlyArray<string | number>,
  key: string,
  value: unknown,
  /** Put it before the item at this index instead (such as the exclusion of the press and public, which ends Part 1). */
  before?: number,
): string {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) throw new Error(`the file does not parse: ${doc.errors[0]?.message ?? ''}`);
  const map = mapPath.length === 0 ? doc.contents : doc.getIn(mapPath, true);
  if (!isMap(map) || !map.range) throw new Error(`there is nothing at ${mapPath.join('.') || 'the top'} to add to`);
  const column = (offset: number) => lineCounter.linePos(offset).col - 1;
  const mapIndent = column(map.range[0]);
  const list = map.get(key, true) as Node | undefined;
  const item = (indent: number) => indentBlock(stringify([value], { lineWidth: 0 }), indent);

  let updated: string;
  const next = isSeq(list) && before !== undefined ? (list.items[before] as Node | undefined) : undefined;
  if (isSeq(list) && !list.flow && next?.range && list.range) {
    const at = text.lastIndexOf('\n', next.range[0]) + 1;
    updated = text.slice(0, at) + item(column(list.range[0])) + text.slice(at);
  } else if (isSeq(list) && !list.flow && list.items.length > 0 && list.range) {
    const at = endOfLine(text, list.range[1]);
    updated = text.slice(0, at) + item(column(list.range[0])) + text.slice(at);
  } else if (list?.range) {
    // `key: []`, or an empty value: the item replaces it as a block list.
    updated = `${text.slice(0, list.range[0]).replace(/[ \t]*$/, '')}\n${item(mapIndent + 2).replace(/\n$/, '')}${text.slice(list.range[1])}`;
  } else {
    const at = endOfLine(text, map.range[1]);
    const lead = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
    updated = `${text.slice(0, at)}${lead}${' '.repeat(mapIndent)}${key}:\n${item(mapIndent + 2)}${text.slice(at)}`;
  }
  const expected = parseDocument(text).toJS() ?? {};
  const target = mapPath.reduce<Record<string, unknown>>(
    (node, p) => (node as Record<string | number, Record<string, unknown>>)[p] as Record<string, unknown>,
    expected,
  );
  const items = [...((target[key] as unknown[] | null | undefined) ?? [])];
  items.splice(next ? (before ?? items.length) : items.length, 0, value);
  target[key] = items;
  if (JSON.stringify(parseDocument(updated).toJS()) !== JSON.stringify(expected)) {
    throw new Error('the new item could not be added without changing the rest of the file');
  }
  return updated;
}

/** Add a progress entry to one action of a recommendation file. */
export function addProgressEntry(text: string, keyPoint: number, action: number, entry: ProgressEntry): string {
  return appendToList(text, ['key_points', keyPoint, 'actions', action], 'progress', entry);
}

/** Offset just after the line holding `offset` (or the end of the text). */
function endOfLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const next = text.indexOf('\n', offset);
  return next === -1 ? text.length : next + 1;
}

function indentBlock(block: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n')
    .replace(/\n*$/, '\n');
}
