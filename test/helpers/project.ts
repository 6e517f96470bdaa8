import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A copy of the example project (content/ and data/) in a fresh temporary folder. */
export async function copyExampleProject(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'papers-test-'));
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

export const REPORT_2005 = 'content/reports/2005/2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships.md';
export const REPORT_2004 = 'content/reports/2004/2004-11-04-x-ppr-06-cdrp-borough-performance.md';
export const PAGE_2005 = 'committees/x-ppr/2005/051208/06/index.html';
export const PAGE_2004 = 'committees/x-ppr/2004/041104/06/index.html';
