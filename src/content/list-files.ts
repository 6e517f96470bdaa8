import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { describeNotAFile, notAFileError } from './read-text-file.ts';

/** Every file under `dir` of `root`, never following a link; hidden files are skipped. */
export async function listFiles(root: string, dir: string, errors: ContentProblem[]): Promise<string[]> {
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
      if (isContentFile(entry, relative, errors)) files.push(relative);
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

export function acceptYaml(file: string, errors: ContentProblem[]): boolean {
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

export function misplaced(file: string, hint: string): ContentProblem {
  return createProblem({ file, line: 1, col: 1 }, 'E_FILE_NAME', 'this file is not where the build looks for it', hint);
}

export function stem(file: string): string {
  return path.posix.basename(file).replace(/\.(ya?ml|md)$/, '');
}

/** `folder`, `file`, what else it is (a link, a pipe…), or nothing when there is nothing there. */
export async function describePath(p: string): Promise<string | undefined> {
  try {
    const info = await lstat(p);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : describeNotAFile(info);
  } catch {
    return undefined;
  }
}

export async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** A plain file is read; a link (never followed: it could lead out of the project) or a folder named as a file is an error. */
function isContentFile(entry: Dirent, relative: string, errors: ContentProblem[]): boolean {
  const notAFile = describeNotAFile(entry);
  if (notAFile) errors.push(notAFileError(relative, notAFile));
  else if (entry.isFile()) return true;
  else if (entry.isDirectory() && /\.(ya?ml|md)$/.test(entry.name))
    errors.push(
      createProblem(
        { file: relative, line: 1, col: 1 },
        'E_READ',
        'this is a folder, not a file',
        'rename the folder or move its contents; a content file must be a file',
      ),
    );
  return false;
}
