import path from 'node:path';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { type Entry, type EntryAddress, makeEntry } from './entry.ts';
import { detach } from './detach.ts';
import { digestKey, type KeptValues } from '../util/kept-values.ts';
import { decodeBytes, entryOfKnown, keepBody, type KnownFile } from './known-file.ts';
import { decodeText, readFileBytes } from './read-text-file.ts';
import { readYamlQuickly } from './read-yaml-quickly.ts';
import { splitFrontMatter } from './split-front-matter.ts';
import { collectSyntaxErrors, parseYamlSource, toPlainData } from './yaml-source.ts';

export type LoadedFile = { entry?: Entry; errors: ContentProblem[] };

/** A file as loaded, and what of it can be kept for the next run (`KnownFile`): only what the quick reader read. */
type Loaded = LoadedFile & { known?: KnownFile };

/**
 * Read one content file: YAML, or Markdown with front matter. A file that
 * cannot be read or parsed is a located error. Given `kept`, a file whose
 * bytes an earlier run read without a problem is taken as it read it, by a
 * digest of its bytes: its data and where its body starts.
 */
export function loadFile(root: string, target: EntryAddress, kept?: KeptValues<KnownFile>): LoadedFile {
  const bytes = readFileBytes(path.join(root, target.file), target.file);
  if (!(bytes instanceof Uint8Array)) return { errors: [bytes] };
  // The kind too: the same bytes are read as Markdown for a report, as YAML for a recommendation.
  const key = kept ? digestKey(target.kind, bytes) : '';
  const known = kept?.take(key);
  if (known) return { entry: entryOfKnown(target, bytes, known), errors: [] };
  const read = decodeText(bytes, target.file);
  if (!read.ok) return { errors: [read.error] };
  const loaded: Loaded =
    target.kind === 'report' || target.kind === 'minutes'
      ? loadMarkdown(target, read.text, read.bytes)
      : loadYaml(target, read.text);
  if (read.warning)
    return { ...(loaded.entry ? { entry: loaded.entry } : {}), errors: [read.warning, ...loaded.errors] };
  if (kept && loaded.known) kept.keep(key, loaded.known);
  return loaded.entry ? { entry: loaded.entry, errors: loaded.errors } : { errors: loaded.errors };
}

function loadYaml(target: EntryAddress, text: string): Loaded {
  const source = parseYamlSource(target.file, text);
  const quick = readYamlQuickly(text);
  if (quick) {
    const data = detach(quick.value);
    return { entry: makeEntry(target, source, data), errors: [], known: { data } };
  }
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

function loadMarkdown(target: EntryAddress, text: string, bytes: Uint8Array): Loaded {
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
  const matterEnd = byteLength(text, 3 + split.matter.length);
  const matter = decodeBytes(bytes, 3, matterEnd);
  const source = parseYamlSource(target.file, matter);
  const bodyStart = byteLength(text, split.bodyOffset);
  const startLine = countLines(text.slice(0, split.bodyOffset)) + 1;
  const body = keepBody(bytes, bodyStart, startLine);
  const quick = readYamlQuickly(matter);
  if (quick) {
    const data = detach(quick.value);
    return {
      entry: makeEntry(target, source, data, body),
      errors: [],
      known: { data, matterEnd, bodyStart, startLine },
    };
  }
  const errors = collectSyntaxErrors(source, 'E_FRONT_MATTER');
  if (errors.length > 0) return { errors };
  const data = toPlainData(source, 'E_FRONT_MATTER');
  if (!data.ok) return { errors: [data.error] };
  return { entry: makeEntry(target, source, data.value ?? {}, body), errors: [] };
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
