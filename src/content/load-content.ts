import { lstatSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { suggestClosest } from '../errors/suggest.ts';
import type { EntryAddress, EntryKind, Entry } from './entry.ts';
import { acceptYaml, describePath, exists, listFiles, misplaced, stem } from './list-files.ts';
import { listExemptFiles } from './load-exempt.ts';
import type { KnownFile } from './known-file.ts';
import { loadFile, type LoadedFile } from './load-file.ts';
import { notAFileError } from './read-text-file.ts';
import type { KeptValues } from '../util/kept-values.ts';

export interface LoadResult {
  entries: Entry[];
  errors: ContentProblem[];
  /** `kind:id` of every content file found, including those that failed to read or parse, and the exempt files' names (also as `exempt:kind:id`). */
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

/**
 * The kinds of file whose every field the public site shows: only their YAML
 * is kept between runs, in output/ (`LoadOptions.known`). A meeting's Part 2
 * items hold text the public site withholds, and an exempt file in content/ is
 * an error, after which nothing is kept.
 */
const PUBLISHED_WHOLE: ReadonlySet<EntryKind> = new Set(['report', 'recommendation']);

/** Shared data a site may have: the last accessibility test, written by `papers audit`. */
const OPTIONAL_DATA: ReadonlyArray<[EntryKind, string]> = [['audit', 'data/accessibility-audit.yaml']];

/**
 * What a long-running process (the preview) read last time, by file, and the
 * files written since, which its watcher reports: those are read again, the
 * rest are taken as they were. Files that are gone are let go.
 */
export interface LoadMemory {
  files: Map<string, { kind: EntryKind; id: string; loaded: LoadedFile }>;
  changed: Set<string>;
  /**
   * The content files found last time, and the problems of the folders: listed
   * again only when a file named as changed is new, or is no longer a file.
   */
  listing?: { files: EntryAddress[]; errors: ContentProblem[] };
  /** The names found last time, from that listing and the exempt files' names. */
  found?: { files: readonly EntryAddress[]; exemptKey: string; names: Set<string> };
}

export function createLoadMemory(): LoadMemory {
  return { files: new Map(), changed: new Set() };
}

/** The content files and the problems of the folders, listed again only when `memory` cannot vouch for them. */
async function listOrRecall(root: string, memory: LoadMemory | undefined): Promise<LoadMemory['listing'] & {}> {
  if (memory?.listing && [...memory.changed].every((file) => isKnownFile(root, file, memory))) return memory.listing;
  const errors: ContentProblem[] = [];
  const files = await listContentFiles(root, errors);
  if (memory) memory.listing = { files, errors };
  return { files, errors };
}

/** A file of the last listing that is still a plain file: a change to it leaves the listing as it was. */
function isKnownFile(root: string, file: string, memory: LoadMemory): boolean {
  if (!memory.files.has(file)) return false;
  try {
    return lstatSync(path.join(root, file)).isFile();
  } catch {
    return false;
  }
}

export interface LoadOptions {
  /** A long-running process's files read before: one not changed since is not read again. */
  memory?: LoadMemory | undefined;
  /** Given each entry as it is loaded. */
  onEntry?: ((entry: Entry) => void) | undefined;
  /** Files as an earlier run read them, by a digest of their bytes (`KnownFile`): for reports and recommendations only. */
  known?: KeptValues<KnownFile> | undefined;
}

/**
 * Read every content file under `root`. Never throws on content: a file that
 * cannot be read or parsed becomes a located error and the rest still load.
 */
export async function loadContent(root: string, { memory, onEntry, known }: LoadOptions = {}): Promise<LoadResult> {
  const recalled = memory?.listing;
  const listing = await listOrRecall(root, memory);
  const { files } = listing;
  const errors: ContentProblem[] = [...listing.errors];
  // Files written from here on are read again next time.
  const changed = new Set(memory?.changed);
  memory?.changed.clear();
  // One file open at a time, whatever the size of the archive: a machine's limit on open files is never reached.
  const loaded = files.map((f) => {
    const recalledFile = memory && recallFile(f, memory, changed);
    if (recalledFile) return recalledFile;
    const result = loadFile(root, f, PUBLISHED_WHOLE.has(f.kind) ? known : undefined);
    if (memory) memory.files.set(f.file, { kind: f.kind, id: f.id, loaded: result });
    // A file recalled was handed over when it was read.
    if (result.entry) onEntry?.(result.entry);
    return result;
  });
  // A listing recalled names the files remembered, and no others.
  if (memory && listing !== recalled) forgetOthers(memory, files);
  const entries: Entry[] = [];
  for (const result of loaded) {
    errors.push(...result.errors);
    if (result.entry) entries.push(result.entry);
  }
  // Of exempt/, only the names of its files: a Part 2 item's report is known to exist, and nothing of it is read.
  const kept = (await listExemptFiles(root)).filter((f) => f.kind !== 'minutes');
  return { entries, errors, found: nameFound(files, kept, memory) };
}

/** A file as read before, when it has not changed since. */
function recallFile(target: EntryAddress, memory: LoadMemory, changed: ReadonlySet<string>): LoadedFile | undefined {
  const known = memory.files.get(target.file);
  if (known && known.kind === target.kind && known.id === target.id && !changed.has(target.file)) return known.loaded;
  return undefined;
}

/** `kind:id` of every file found, and `exempt:kind:id` of each exempt one: the same set while the names are the same. */
function nameFound(files: readonly EntryAddress[], exempt: readonly EntryAddress[], memory?: LoadMemory): Set<string> {
  const exemptKey = exempt.map((f) => `${f.kind}:${f.id}`).join('\n');
  const known = memory?.found;
  if (known && known.files === files && known.exemptKey === exemptKey) return known.names;
  const found = [...files, ...exempt].map((f) => `${f.kind}:${f.id}`);
  const names = new Set([...found, ...exempt.map((f) => `exempt:${f.kind}:${f.id}`)]);
  if (memory) memory.found = { files, exemptKey, names };
  return names;
}

/** Files no longer there are dropped. */
function forgetOthers(memory: LoadMemory, files: readonly EntryAddress[]): void {
  const present = new Set(files.map((f) => f.file));
  for (const file of memory.files.keys()) if (!present.has(file)) memory.files.delete(file);
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
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
  for (const [kind, file] of OPTIONAL_DATA)
    if (await exists(path.join(root, file))) files.push({ kind, id: kind, file });
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
          `add index.yaml with the set’s title, made_by, published, total and owners; for a set exempt as a whole, its recommendations belong beside its index.yaml in exempt/recommendations/${set}/`,
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
  data: new Set([...SHARED_DATA, ...OPTIONAL_DATA].map(([, file]) => file.slice('data/'.length)).concat('boroughs')),
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
