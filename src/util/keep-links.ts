import { lstatSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether two paths name the very same file (one is a hard link of the other). A path that is not there,
 * or is not a plain file, is the same as nothing.
 */
export function isSameFile(a: string, b: string): boolean {
  try {
    // As big integers: a file system's numbers for its files may be beyond what a double holds exactly.
    const one = lstatSync(a, { bigint: true });
    const other = lstatSync(b, { bigint: true });
    return one.isFile() && other.isFile() && one.ino === other.ino && one.dev === other.dev;
  } catch {
    return false;
  }
}

/**
 * Keep of `dir` only the files that are the very same files as those at the same paths under `of`
 * (hard links of them): every other file is removed, and so is every folder left empty. The files kept,
 * as paths relative to `dir` with `/` between folders.
 */
export function keepLinksOf(dir: string, of: string): string[] {
  const files = listFiles(dir);
  const kept = files.filter((file) => isSameFile(path.join(dir, file), path.join(of, file)));
  const keep = new Set(kept);
  removeFilesExcept(dir, files, (file) => keep.has(file));
  return kept;
}

/**
 * Remove each of `files` (relative to `dir`) for which `keep` is false, and each folder left empty by it;
 * a file already gone is passed over. Removing a hard link never touches the other links of its file.
 */
export function removeFilesExcept(dir: string, files: readonly string[], keep: (file: string) => boolean): void {
  const emptied = new Set<string>();
  for (const file of files) {
    if (keep(file)) continue;
    try {
      unlinkSync(path.join(dir, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    emptied.add(path.posix.dirname(file));
  }
  // The deepest folders first, so that a folder emptied by removing the one inside it goes too.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length)) removeIfEmpty(dir, folder);
}

/** Remove `folder` (relative to `dir`) and each folder above it that is left empty, up to `dir` itself. */
function removeIfEmpty(dir: string, folder: string): void {
  for (let at = folder; at !== '.' && at !== ''; at = path.posix.dirname(at)) {
    try {
      rmdirSync(path.join(dir, at));
    } catch {
      return;
    }
  }
}

/** Every plain file under `dir`, as a path relative to it with `/` between folders. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
