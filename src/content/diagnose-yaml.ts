/** A slip in a YAML file, found by reading its lines as a person would: where it is, and what to do. */
export interface YamlSlip {
  /** 0-based line of the text, and 1-based column. */
  line: number;
  col: number;
  message: string;
  hint: string;
}

interface Line {
  index: number;
  indent: number;
  /** The line without its indentation and any comment. */
  content: string;
}

const BLOCK_SCALAR = /:\s*[|>][-+]?\d*\s*$/;
const KEY_VALUE = /^(- +)?("[^"]*"|'[^']*'|[^\s"'#:][^:#]*?):(\s|$)/;

/**
 * The first slip of the kinds an editor makes in GitHub's web editor, at or
 * before the line after `until` (where the parser noticed something wrong): a tab
 * as indentation, a list dash with no space, a value holding `: ` unquoted, a
 * key with no colon, a line indented unlike the lines around it. Nothing when
 * the lines read well: the parser's own words then stand.
 */
export function diagnoseYaml(text: string, until: number): YamlSlip | undefined {
  const lines = readLines(text, until);
  const open: number[] = [0];
  let scalarAbove: number | undefined;
  let above: Line | undefined;
  for (const line of lines) {
    if (scalarAbove !== undefined && line.indent > scalarAbove) continue;
    scalarAbove = undefined;
    const slip = findSlipOnLine(line, text.split('\n')[line.index] ?? '') ?? (above && checkIndent(line, above, open));
    if (slip) return slip;
    if (BLOCK_SCALAR.test(line.content)) scalarAbove = line.indent;
    above = line;
  }
  return undefined;
}

function readLines(text: string, until: number): Line[] {
  const lines: Line[] = [];
  text.split('\n').forEach((raw, index) => {
    if (index > until + 1) return;
    const content = raw.replace(/\s+#.*$/, '').trimEnd();
    const trimmed = content.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---') return;
    lines.push({ index, indent: content.length - trimmed.length, content: trimmed });
  });
  return lines;
}

function findSlipOnLine(line: Line, raw: string): YamlSlip | undefined {
  const at = (message: string, hint: string, col = line.indent + 1): YamlSlip => ({
    line: line.index,
    col,
    message,
    hint,
  });
  if (/^[ ]*\t/.test(raw))
    return at('this line is indented with a tab', 'indent with spaces only, as many as the lines around it', 1);
  if (/^-[^\s-]/.test(line.content))
    return at(
      'the list dash has no space after it',
      `write \`- ${line.content.slice(1)}\`, with a space after the dash`,
    );
  const keyValue = KEY_VALUE.exec(line.content);
  const value = keyValue ? line.content.slice(keyValue[0].length).trim() : '';
  if (keyValue && /^[^"'[{|>&*!].*:\s/.test(value))
    return at(
      'the value holds a colon followed by a space, which YAML reads as another key',
      `put the value in quotes: \`${keyValue[0].trim()} "${value.replace(/"/g, '\\"')}"\``,
      line.indent + keyValue[0].length + 1,
    );
  return undefined;
}

/** A line's indentation against the lines above it: a child of a key that opens a block, or at a level already open. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function checkIndent(line: Line, above: Line, open: number[]): YamlSlip | undefined {
  const opensBlock = /:$/.test(above.content) || /^- *$/.test(above.content);
  const itemContent = /^- +\S/.test(above.content) ? above.indent + (/^- +/.exec(above.content)?.[0].length ?? 2) : -1;
  while (open.length > 0 && (open.at(-1) ?? 0) > above.indent) open.pop();
  if (open.at(-1) !== above.indent) open.push(above.indent);
  if (itemContent >= 0) open.push(itemContent);
  const keyOrItem = KEY_VALUE.test(line.content) || line.content.startsWith('- ') || line.content === '-';
  if (!keyOrItem && !line.content.includes(':') && (line.indent === itemContent || line.indent <= above.indent))
    return {
      line: line.index,
      col: line.indent + 1,
      message: 'this line has no colon after its key',
      hint: `write the key, a colon and a space, then the value, such as \`${line.content.replace(/^(\S+)\s+/, '$1: ')}\``,
    };
  if (line.indent > above.indent) {
    if (opensBlock || line.indent === itemContent) return undefined;
    // Deeper, and no key: the value above goes on over this line.
    if (!keyOrItem) return undefined;
  }
  if (line.indent <= above.indent && open.includes(line.indent)) return undefined;
  const near = nearest(open, line.indent);
  return {
    line: line.index,
    col: 1,
    message: `this line is indented ${line.indent} space${line.indent === 1 ? '' : 's'}; the lines around it use ${near}`,
    hint: `indent it by ${near} spaces, as the other fields at its level`,
  };
}

function nearest(levels: readonly number[], indent: number): number {
  return [...levels].sort((a, b) => Math.abs(a - indent) - Math.abs(b - indent) || b - a)[0] ?? 0;
}
