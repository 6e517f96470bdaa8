import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import type { Entry, EntryAddress, MarkdownBody } from './entry.ts';
import { acceptYaml, describePath, listFiles, misplaced, stem } from './list-files.ts';
import { loadFile } from './load-file.ts';
import { notAFileError, readTextFile } from './read-text-file.ts';

/**
 * Exempt papers live in their own folder, `exempt/`, beside `content/`:
 * the public build makes its model from `content/` and `data/` alone, so
 * whatever is written under `exempt/`, however mistyped, is never published.
 */
export const EXEMPT_DIR = 'exempt';

/** The exempt minute items of one meeting: `exempt/minutes/<committee>/<date>.md`, headings and text only. */
export interface ExemptMinutes {
  /** The meeting's id, `<committee>/<date>`, as its public minutes. */
  id: string;
  file: string;
  body: MarkdownBody;
}

export interface ExemptLoad {
  /** Exempt reports and recommendations, as the loader of `content/` gives them. */
  entries: Entry[];
  minutes: ExemptMinutes[];
  errors: ContentProblem[];
}

const FOLDERS = ['reports', 'recommendations', 'minutes'] as const;

/** Is there an `exempt/` folder? */
export async function hasExemptFolder(root: string): Promise<boolean> {
  return (await describePath(path.join(root, EXEMPT_DIR))) !== undefined;
}

/**
 * Where each exempt file is and what it is, by its name alone: nothing is
 * read. The public check uses this to know that a Part 2 item's report exists.
 */
export async function listExemptFiles(root: string, errors: ContentProblem[] = []): Promise<EntryAddress[]> {
  const what = await describePath(path.join(root, EXEMPT_DIR));
  if (what === undefined) return [];
  if (what !== 'folder') {
    errors.push(notAFileError(EXEMPT_DIR, what === 'file' ? 'a file where a folder belongs' : what));
    return [];
  }
  await checkExemptTopLevel(root, errors);
  return [
    ...placeExempt(await listFiles(root, `${EXEMPT_DIR}/reports`, errors), errors, placeReport),
    ...placeExempt(await listFiles(root, `${EXEMPT_DIR}/recommendations`, errors), errors, placeRecommendation),
    ...placeExempt(await listFiles(root, `${EXEMPT_DIR}/minutes`, errors), errors, placeMinutes),
  ];
}

/** Each file's address, or an error where it stands in the wrong place. */
function placeExempt(
  files: readonly string[],
  errors: ContentProblem[],
  place: (file: string, errors: ContentProblem[]) => EntryAddress | undefined,
): EntryAddress[] {
  return files.flatMap((file) => place(file, errors) ?? []);
}

function placeReport(file: string, errors: ContentProblem[]): EntryAddress | undefined {
  if (file.endsWith('.md')) return { kind: 'report', id: stem(file), file };
  errors.push(misplaced(file, 'an exempt report is a Markdown file ending in .md'));
  return undefined;
}

/** An exempt recommendation, or the index.yaml of a set exempt as a whole. */
function placeRecommendation(file: string, errors: ContentProblem[]): EntryAddress | undefined {
  const parts = file.split('/');
  if (parts.length !== 4) {
    errors.push(
      misplaced(
        file,
        'an exempt recommendation belongs in exempt/recommendations/<set>/<number>.yaml, and a set exempt as a whole in exempt/recommendations/<set>/index.yaml',
      ),
    );
    return undefined;
  }
  if (!acceptYaml(file, errors)) return undefined;
  return stem(file) === 'index'
    ? { kind: 'recommendation-set', id: parts[2]!, file }
    : { kind: 'recommendation', id: `${parts[2]}/${stem(file)}`, file };
}

function placeMinutes(file: string, errors: ContentProblem[]): EntryAddress | undefined {
  const parts = file.split('/');
  if (parts.length === 4 && file.endsWith('.md')) return { kind: 'minutes', id: `${parts[2]}/${stem(file)}`, file };
  errors.push(misplaced(file, 'exempt minutes are a Markdown file exempt/minutes/<committee>/<yyyy-mm-dd>.md'));
  return undefined;
}

/** Read every file under `exempt/`: for the check of the whole content and the members' papers, never the public site. */
export async function loadExempt(root: string): Promise<ExemptLoad> {
  const errors: ContentProblem[] = [];
  const files = await listExemptFiles(root, errors);
  const entries: Entry[] = [];
  const minutes: ExemptMinutes[] = [];
  for (const target of files) {
    if (target.kind === 'minutes') {
      const read = readTextFile(path.join(root, target.file), target.file);
      if (!read.ok) errors.push(read.error);
      else minutes.push({ id: target.id, file: target.file, body: { text: read.text, startLine: 1 } });
      continue;
    }
    const loaded = loadFile(root, target);
    errors.push(...loaded.errors);
    if (loaded.entry) entries.push(loaded.entry);
  }
  return { entries, minutes, errors };
}

async function checkExemptTopLevel(root: string, errors: ContentProblem[]): Promise<void> {
  const names = await readdir(path.join(root, EXEMPT_DIR)).catch(() => []);
  for (const name of names.sort()) {
    if (name.startsWith('.') || /^readme(\.|$)/i.test(name) || (FOLDERS as readonly string[]).includes(name)) continue;
    errors.push(
      createProblem(
        { file: `${EXEMPT_DIR}/${name}`, line: 1, col: 1 },
        'E_FILE_NAME',
        `${EXEMPT_DIR}/${name} is not read by the members' build`,
        `${EXEMPT_DIR}/ holds only ${FOLDERS.join(', ')}: move it there`,
      ),
    );
  }
}
