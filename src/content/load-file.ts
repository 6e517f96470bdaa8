import path from 'node:path';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { type Entry, type EntryAddress, makeEntry, type MarkdownBody } from './entry.ts';
import { detach } from './detach.ts';
import { digestKey, type KeptValues } from '../util/kept-values.ts';
import { readTextFile } from './read-text-file.ts';
import { readYamlQuickly } from './read-yaml-quickly.ts';
import { splitFrontMatter } from './split-front-matter.ts';
import { collectSyntaxErrors, parseYamlSource, toPlainData } from './yaml-source.ts';

export type LoadedFile = { entry?: Entry; errors: ContentProblem[] };

/** Read one content file: YAML, or Markdown with front matter. A file that cannot be read or parsed is a located error. */
export function loadFile(root: string, target: EntryAddress, kept?: KeptValues<unknown>): LoadedFile {
  const read = readTextFile(path.join(root, target.file), target.file);
  if (!read.ok) return { errors: [read.error] };
  const loaded =
    target.kind === 'report' || target.kind === 'minutes'
      ? loadMarkdown(target, read.text, read.bytes, kept)
      : loadYaml(target, read.text, kept);
  return read.warning ? { ...loaded, errors: [read.warning, ...loaded.errors] } : loaded;
}

function loadYaml(
  target: EntryAddress,
  text: string,
  kept: KeptValues<unknown> | undefined,
): { entry?: Entry; errors: ContentProblem[] } {
  const source = parseYamlSource(target.file, text);
  const quick = readYamlData(text, kept);
  if (quick) return { entry: makeEntry(target, source, quick.value), errors: [] };
  const errors = collectSyntaxErrors(source, 'E_YAML_SYNTAX');
  if (errors.length > 0) return { errors };
  if (source.doc.contents === null) {
    return {
      errors: [
        createProblem(
          { file: target.file, line: 1, col: 1 },
          'E_EMPTY_FILE',
          'the file holds only comments',
          'add its content, or delete the file',
        ),
      ],
    };
  }
  const data = toPlainData(source, 'E_YAML_SYNTAX');
  if (!data.ok) return { errors: [data.error] };
  return { entry: makeEntry(target, source, data.value), errors: [] };
}

function loadMarkdown(
  target: EntryAddress,
  text: string,
  bytes: Uint8Array,
  kept: KeptValues<unknown> | undefined,
): { entry?: Entry; errors: ContentProblem[] } {
  const at = { file: target.file, line: 1, col: 1 };
  const split = splitFrontMatter(text);
  if (split === 'open') {
    return {
      errors: [
        createProblem(
          at,
          'E_FRONT_MATTER',
          `the ${target.kind === 'minutes' ? 'minutes have' : 'report has'} no front matter`,
          `start the file with a \`---\` line, the ${target.kind === 'minutes' ? 'attendance' : 'report’s fields'} in YAML, and another \`---\` line`,
        ),
      ],
    };
  }
  if (split === 'closed') {
    return {
      errors: [
        createProblem(
          at,
          'E_FRONT_MATTER',
          'the front matter is never closed',
          'add a `---` line after the report’s fields',
        ),
      ],
    };
  }
  // The YAML is parsed here so that errors keep their lines.
  // Both are made from the file's bytes: a slice of its text would keep the whole text alive.
  const matter = decodeBytes(bytes, 3, byteLength(text, 3 + split.matter.length));
  const source = parseYamlSource(target.file, matter);
  const body = keepBody(bytes, byteLength(text, split.bodyOffset), countLines(text.slice(0, split.bodyOffset)) + 1);
  const quick = readYamlData(matter, kept);
  if (quick) return { entry: makeEntry(target, source, quick.value, body), errors: [] };
  const errors = collectSyntaxErrors(source, 'E_FRONT_MATTER');
  if (errors.length > 0) return { errors };
  const data = toPlainData(source, 'E_FRONT_MATTER');
  if (!data.ok) return { errors: [data.error] };
  return { entry: makeEntry(target, source, data.value ?? {}, body), errors: [] };
}

/**
 * YAML's data read by the quick reader, copied out of the text; or, given what
 * an earlier run read, taken from it by a digest of the text. Nothing when the
 * quick reader cannot read it, which the full parse then does (and locates).
 */
function readYamlData(text: string, kept: KeptValues<unknown> | undefined): { value: unknown } | undefined {
  const key = kept ? digestKey(text) : '';
  const known = kept?.take(key);
  if (known !== undefined) return { value: known };
  const quick = readYamlQuickly(text);
  if (!quick) return undefined;
  const value = detach(quick.value);
  if (kept && value !== undefined) kept.keep(key, value);
  return { value };
}

/**
 * A body kept as the file's UTF-8 bytes from `start`, made text each time it is
 * read. A string with one curly quote takes two bytes a character: an archive's
 * report bodies held as strings took 515 MB at 20,000 reports, as bytes about half.
 */
function keepBody(bytes: Uint8Array, start: number, startLine: number): MarkdownBody {
  return {
    startLine,
    get text() {
      return decodeBytes(bytes, start, bytes.length);
    },
    get utf8() {
      return bytes.subarray(start);
    },
  };
}

function decodeBytes(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}

/** How many bytes of UTF-8 the first `length` characters of `text` take. */
function byteLength(text: string, length: number): number {
  return Buffer.byteLength(text.slice(0, length), 'utf8');
}

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
