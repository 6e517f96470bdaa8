import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { suggestClosest } from '../errors/suggest.ts';
import type { EntryKind, Entry } from './entry.ts';
import { detach } from './detach.ts';
import { describeNotAFile, notAFileError, readTextFile } from './read-text-file.ts';
import { readYamlQuickly } from './read-yaml-quickly.ts';
import { collectSyntaxErrors, parseYamlSource, toPlainData } from './yaml-source.ts';

export interface LoadResult {
  entries: Entry[];
  errors: ContentProblem[];
  /** `kind:id` of every content file found, including those that failed to read or parse. */
  found: Set<string>;
}

const SHARED_DATA: ReadonlyArray<[EntryKind, string]> = [
  ['site', 'data/site.yaml'],
  ['committees', 'data/committees.yaml'],
  ['contacts', 'data/contacts.yaml'],
  ['glossary', 'data/glossary.yaml'],
  ['statuses', 'data/statuses.yaml'],
  ['facts', 'data/facts.yaml'],
];

interface EntryAddress {
  kind: EntryKind;
  id: string;
  file: string;
}

type LoadedFile = { entry?: Entry; errors: ContentProblem[] };

/**
 * What a long-running process (the preview) read last time, by file, and the
 * files written since, which its watcher reports: those are read again, the
 * rest are taken as they were. Files that are gone are let go.
 */
export interface LoadMemory {
  files: Map<string, { kind: EntryKind; id: string; loaded: LoadedFile }>;
  changed: Set<string>;
}

export function createLoadMemory(): LoadMemory {
  return { files: new Map(), changed: new Set() };
}

/**
 * Read every content file under `root`. Never throws on content: a file that
 * cannot be read or parsed becomes a located error and the rest still load.
 * Given `memory`, a file read before and not changed since is not read again.
 */
export async function loadContent(root: string, memory?: LoadMemory): Promise<LoadResult> {
  const errors: ContentProblem[] = [];
  const files = await listContentFiles(root, errors);
  // Files written from here on are read again next time.
  const changed = new Set(memory?.changed);
  memory?.changed.clear();
  const loaded = await Promise.all(
    files.map((f) => (memory ? recallFile(root, f, memory, changed) : loadFile(root, f))),
  );
  if (memory) forgetOthers(memory, files);
  const entries: Entry[] = [];
  for (const result of loaded) {
    errors.push(...result.errors);
    if (result.entry) entries.push(result.entry);
  }
  return { entries, errors, found: new Set(files.map((f) => `${f.kind}:${f.id}`)) };
}

async function recallFile(
  root: string,
  target: EntryAddress,
  memory: LoadMemory,
  changed: ReadonlySet<string>,
): Promise<LoadedFile> {
  const known = memory.files.get(target.file);
  if (known && known.kind === target.kind && known.id === target.id && !changed.has(target.file)) return known.loaded;
  const loaded = await loadFile(root, target);
  memory.files.set(target.file, { kind: target.kind, id: target.id, loaded });
  return loaded;
}

/** Files no longer there are dropped. */
function forgetOthers(memory: LoadMemory, files: readonly EntryAddress[]): void {
  const present = new Set(files.map((f) => f.file));
  for (const file of memory.files.keys()) if (!present.has(file)) memory.files.delete(file);
}

async function listContentFiles(root: string, errors: ContentProblem[]): Promise<EntryAddress[]> {
  const files: EntryAddress[] = [];
  // The folders content is read from must be the project's own, not links to elsewhere.
  for (const dir of ['content', 'data']) {
    const what = await describePath(path.join(root, dir));
    if (what && what !== 'folder') {
      errors.push(notAFileError(dir, what === 'file' ? 'a file where a folder belongs' : what));
      return files;
    }
  }
  await checkTopLevel(root, errors);
  for (const [kind, file] of SHARED_DATA) {
    if (await exists(path.join(root, file))) files.push({ kind, id: kind, file });
    else
      errors.push(
        createProblem(
          { file, line: 1, col: 1 },
          'E_MISSING_FILE',
          `${file} is missing`,
          `create it; every site needs ${file}`,
        ),
      );
  }
  for (const file of await listFiles(root, 'data/boroughs', errors)) {
    if (file.split('/').length !== 3)
      errors.push(misplaced(file, 'a borough file belongs directly in data/boroughs/, not in a folder within it'));
    else if (acceptYaml(file, errors)) files.push({ kind: 'borough', id: stem(file), file });
  }
  for (const file of await listFiles(root, 'content/recommendations', errors)) {
    const parts = file.split('/');
    if (parts.length !== 4) {
      errors.push(misplaced(file, 'a recommendation file belongs in content/recommendations/<set>/'));
    } else if (acceptYaml(file, errors)) {
      const set = parts[2] ?? '';
      files.push(
        stem(file) === 'index'
          ? { kind: 'recommendation-set', id: set, file }
          : { kind: 'recommendation', id: `${set}/${stem(file)}`, file },
      );
    }
  }
  const sets = new Set(files.filter((f) => f.kind === 'recommendation').map((f) => f.id.split('/')[0]));
  for (const set of sets) {
    if (!files.some((f) => f.kind === 'recommendation-set' && f.id === set)) {
      const file = `content/recommendations/${set}/index.yaml`;
      errors.push(
        createProblem(
          { file, line: 1, col: 1 },
          'E_MISSING_FILE',
          `the recommendation set \`${set}\` has no index.yaml`,
          'add index.yaml with the set’s title, made_by, published, total and owners',
        ),
      );
    }
  }
  for (const file of await listFiles(root, 'content/meetings', errors)) {
    const parts = file.split('/');
    if (parts.length !== 4)
      errors.push(misplaced(file, 'a meeting file belongs in content/meetings/<committee>/<yyyy-mm-dd>.yaml'));
    else if (acceptYaml(file, errors)) files.push({ kind: 'meeting', id: `${parts[2]}/${stem(file)}`, file });
  }
  const reportFiles = new Map<string, string>();
  for (const file of await listFiles(root, 'content/reports', errors)) {
    if (!file.endsWith('.md')) {
      errors.push(misplaced(file, 'a report is a Markdown file ending in .md'));
      continue;
    }
    // A report's id is its file name: the same name in two folders would be two reports with one id.
    const id = stem(file);
    const other = reportFiles.get(id);
    if (other)
      errors.push(
        createProblem(
          { file, line: 1, col: 1 },
          'E_DUPLICATE_ID',
          `a report of this file name is also ${other}`,
          'keep one of them, or rename this one: a report’s file name is its id',
        ),
      );
    else {
      reportFiles.set(id, file);
      files.push({ kind: 'report', id, file });
    }
  }
  for (const file of await listFiles(root, 'content/minutes', errors)) {
    const parts = file.split('/');
    if (parts.length !== 4 || !file.endsWith('.md'))
      errors.push(misplaced(file, 'minutes are a Markdown file content/minutes/<committee>/<yyyy-mm-dd>.md'));
    else files.push({ kind: 'minutes', id: `${parts[2]}/${stem(file)}`, file });
  }
  return files;
}

/** What may stand directly in content/ and data/; anything else (a mistyped folder, a misspelt file) would be silently left out. */
const EXPECTED: Record<string, ReadonlySet<string>> = {
  content: new Set(['meetings', 'minutes', 'recommendations', 'reports']),
  data: new Set([...SHARED_DATA.map(([, file]) => file.slice('data/'.length)), 'boroughs']),
};

async function checkTopLevel(root: string, errors: ContentProblem[]): Promise<void> {
  for (const [dir, expected] of Object.entries(EXPECTED)) {
    let names: string[];
    try {
      names = await readdir(path.join(root, dir));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.') || /^readme(\.|$)/i.test(name) || expected.has(name)) continue;
      const close = suggestClosest(name, [...expected]);
      errors.push(
        createProblem(
          { file: `${dir}/${name}`, line: 1, col: 1 },
          'E_FILE_NAME',
          `${dir}/${name} is not read by the build`,
          close
            ? `did you mean \`${dir}/${close}\`? rename it`
            : `${dir}/ holds only ${[...expected].join(', ')}: move it, or delete it`,
        ),
      );
    }
  }
}

async function loadFile(root: string, target: EntryAddress): Promise<LoadedFile> {
  const read = await readTextFile(path.join(root, target.file), target.file);
  if (!read.ok) return { errors: [read.error] };
  const loaded =
    target.kind === 'report' || target.kind === 'minutes'
      ? loadMarkdown(target, read.text)
      : loadYaml(target, read.text);
  return read.warning ? { ...loaded, errors: [read.warning, ...loaded.errors] } : loaded;
}

function loadYaml(target: EntryAddress, text: string): { entry?: Entry; errors: ContentProblem[] } {
  const source = parseYamlSource(target.file, text);
  const quick = readYamlQuickly(text);
  if (quick) return { entry: { ...target, source, data: detach(quick.value) }, errors: [] };
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
  return { entry: { ...target, source, data: data.value }, errors: [] };
}

function loadMarkdown(target: EntryAddress, text: string): { entry?: Entry; errors: ContentProblem[] } {
  const at = { file: target.file, line: 1, col: 1 };
  if (!/^---\r?\n/.test(text)) {
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
  // gray-matter only splits; the YAML is parsed here so that errors keep their lines.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
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
  // `split.matter` begins with the newline after the opening `---`, so its lines are the file's lines.
  const source = parseYamlSource(target.file, split.matter);
  const offset = text.length - split.content.length;
  const body = { text: split.content, startLine: countLines(text.slice(0, offset)) + 1 };
  const quick = readYamlQuickly(split.matter);
  if (quick) return { entry: { ...target, source, data: detach(quick.value), body }, errors: [] };
  const errors = collectSyntaxErrors(source, 'E_FRONT_MATTER');
  if (errors.length > 0) return { errors };
  const data = toPlainData(source, 'E_FRONT_MATTER');
  if (!data.ok) return { errors: [data.error] };
  return { entry: { ...target, source, data: data.value ?? {}, body }, errors: [] };
}

async function listFiles(root: string, dir: string, errors: ContentProblem[]): Promise<string[]> {
  const absolute = path.join(root, dir);
  const what = await describePath(absolute);
  if (what === undefined) return [];
  if (what !== 'folder') {
    errors.push(notAFileError(dir, what === 'file' ? 'a file where a folder belongs' : what));
    return [];
  }
  try {
    const names = await readdir(absolute, { recursive: true, withFileTypes: true });
    const files: string[] = [];
    for (const entry of names) {
      if (entry.name.startsWith('.')) continue;
      const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (relative.split('/').some((part) => part.startsWith('.'))) continue;
      // A link is never followed, to a file or a folder: it could lead out of the project.
      const notAFile = describeNotAFile(entry);
      if (notAFile) errors.push(notAFileError(relative, notAFile));
      else if (entry.isFile()) files.push(relative);
      else if (entry.isDirectory() && /\.(ya?ml|md)$/.test(entry.name)) {
        errors.push(
          createProblem(
            { file: relative, line: 1, col: 1 },
            'E_READ',
            'this is a folder, not a file',
            'rename the folder or move its contents; a content file must be a file',
          ),
        );
      }
    }
    return files.sort();
  } catch {
    errors.push(
      createProblem(
        { file: dir, line: 1, col: 1 },
        'E_READ',
        `${dir} could not be read`,
        'check that it is a readable folder',
      ),
    );
    return [];
  }
}

function acceptYaml(file: string, errors: ContentProblem[]): boolean {
  if (file.endsWith('.yaml')) return true;
  if (file.endsWith('.yml')) {
    errors.push(
      createProblem(
        { file, line: 1, col: 1 },
        'E_FILE_NAME',
        'content files end in .yaml, not .yml',
        `rename it to ${file.replace(/\.yml$/, '.yaml')}`,
      ),
    );
  } else {
    errors.push(misplaced(file, 'only .yaml files belong in this folder'));
  }
  return false;
}

function misplaced(file: string, hint: string): ContentProblem {
  return createProblem({ file, line: 1, col: 1 }, 'E_FILE_NAME', 'this file is not where the build looks for it', hint);
}

function stem(file: string): string {
  return path.posix.basename(file).replace(/\.(ya?ml|md)$/, '');
}

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** `folder`, `file`, what else it is (a link, a pipe…), or nothing when there is nothing there. */
async function describePath(p: string): Promise<string | undefined> {
  try {
    const info = await lstat(p);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : describeNotAFile(info);
  } catch {
    return undefined;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}
