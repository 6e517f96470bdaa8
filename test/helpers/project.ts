import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './temp-dir.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A copy of the example project (content/ and data/) in a fresh temporary folder. */
export async function copyExampleProject(): Promise<string> {
  const dir = await makeTempDir('test');
  await cp(path.join(REPO_ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

/** Replace the first occurrence of `find` in a project file; fails loudly if it is not there. */
export async function editFile(root: string, file: string, find: string, replace: string): Promise<void> {
  const full = path.join(root, file);
  const text = await readFile(full, 'utf8');
  if (!text.includes(find)) throw new Error(`${file} does not contain ${JSON.stringify(find)}`);
  await writeFile(full, text.replace(find, replace));
}

/**
 * Minutes of the example's 2005 meeting, in a copy of the example: its report
 * noted, and recorded as a decision on recommendation 1 of its set. The file's path.
 */
export async function addMinutes2005(root: string): Promise<string> {
  const file = 'content/minutes/x-ppr/2005-12-08.md';
  await mkdir(path.join(root, 'content/minutes/x-ppr'), { recursive: true });
  await writeFile(
    path.join(root, file),
    '---\npresent:\n  members:\n    - name: Reshard Auladin\n      role: Chairman\n---\n\n' +
      '## Crime and Disorder Reduction Partnerships {agenda=6}\n\n' +
      'Resolved (noted cdrp-scrutiny-2003/01): That the report be noted.\n',
  );
  return file;
}

export const REPORT_2005 = 'content/reports/2005/2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships.md';
export const REPORT_2004 = 'content/reports/2004/2004-11-04-x-ppr-06-cdrp-borough-performance.md';
export const PAGE_2005 = 'committees/x-ppr/2005/051208/06/index.html';
export const PAGE_2004 = 'committees/x-ppr/2004/041104/06/index.html';

/** One change to a project file, as the broken-input fixtures describe it. */
export interface FileEdit {
  file: string;
  /** Replace the first occurrence of `find` with `replace`. */
  find?: string;
  replace?: string;
  /** Write the whole file (`repeat` times over). */
  write?: string;
  repeat?: number;
  /** Save the result in this encoding instead of UTF-8 (`utf16le` is written with its BOM). */
  encoding?: 'latin1' | 'utf16le';
  /** Start the file with a UTF-8 byte-order mark. */
  bom?: boolean;
  delete?: boolean;
  /** Put a folder where the file would be. */
  mkdir?: boolean;
}

export async function applyEdit(root: string, edit: FileEdit): Promise<void> {
  const full = path.join(root, edit.file);
  if (edit.delete) return rm(full, { recursive: true });
  if (edit.mkdir) {
    await rm(full, { force: true, recursive: true });
    await mkdir(full, { recursive: true });
    return;
  }
  await mkdir(path.dirname(full), { recursive: true });
  let text = edit.write !== undefined ? edit.write.repeat(edit.repeat ?? 1) : await readFile(full, 'utf8');
  if (edit.find !== undefined) {
    if (!text.includes(edit.find)) throw new Error(`${edit.file} does not contain ${JSON.stringify(edit.find)}`);
    text = text.replace(edit.find, edit.replace ?? '');
  }
  if (edit.bom) text = `\ufeff${text}`;
  const bytes =
    edit.encoding === 'utf16le'
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
      : Buffer.from(text, edit.encoding ?? 'utf8');
  await writeFile(full, bytes);
}

/** The broken-input cases (test/fixtures/broken-input.yaml) that break a report's Markdown or front matter. */
export async function readReportCases(): Promise<Array<{ name: string; edits: FileEdit[] }>> {
  const cases = parseYaml(await readFile(path.join(REPO_ROOT, 'test/fixtures/broken-input.yaml'), 'utf8')) as Array<{
    name: string;
    edits: FileEdit[];
  }>;
  return cases.filter((c) => c.edits.some((e) => e.file.startsWith('content/reports/') && e.find));
}
