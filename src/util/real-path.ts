import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a path really is, every link on the way followed: the real path of
 * its nearest existing folder, with the names below it that do not exist yet.
 * Two spellings of one folder (a link, `..`, relative or absolute) give one answer.
 */
export async function resolveRealPath(p: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(p);
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
}

/** Is `child` the folder `parent` or inside it? Both are real paths. */
export function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
