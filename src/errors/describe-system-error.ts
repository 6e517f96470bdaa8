import path from 'node:path';
import { PapersError } from './papers-error.ts';

/** System error codes that mean the disk took no more, and those that mean papers may not write there. */
const FULL = new Set(['ENOSPC', 'EDQUOT']);
const REFUSED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Eleventy names the file it could not write only in its message. */
const WRITING_TO = /writing to "([^"]+)"/;

/**
 * A full disk, a quota or a folder papers may not write, wherever it was met
 * (in papers, or wrapped by Eleventy or Pagefind), as one line with its code
 * and the file it was writing (or else `fallback`, the folder being written),
 * relative to the current folder. Undefined for any other error.
 */
export function describeSystemError(
  error: unknown,
  fallback?: string,
  /** A folder being written under another name (a release, published as `output/site`). */
  release?: { dir: string; shownAs: string },
): PapersError | undefined {
  if (error instanceof PapersError) return error;
  const chain = listCauses(error);
  const code = chain.map((e) => e.code).find((c) => typeof c === 'string' && (FULL.has(c) || REFUSED.has(c)));
  if (typeof code !== 'string') return undefined;
  const found = chain.map(findPath).find((p) => p !== undefined);
  const file =
    found && release && isInside(found, release.dir)
      ? path.join(release.shownAs, path.relative(release.dir, found))
      : (found ?? fallback);
  const where = file ? `${path.relative(process.cwd(), file) || '.'}: ` : '';
  if (FULL.has(code))
    return new PapersError(
      'E_DISK_FULL',
      `${where}the disk ran out of space (${code}). Free some space and build again; the published site is as it was.`,
    );
  return new PapersError(
    'E_CANNOT_WRITE',
    `${where}papers may not write here (${code}). Give the folder write permission, or build on a writable disk; the published site is as it was.`,
  );
}

/** `error` naming the file being written, which a failed write to an open file does not. */
export function namingFile(error: unknown, file: string): Error {
  return Object.assign(new Error(`could not write ${file}`, { cause: error }), { path: file });
}

interface Cause {
  code?: unknown;
  path?: unknown;
  message?: unknown;
}

/** The error and every error it wraps (`cause`, and Eleventy's `originalError`), outermost first. */
function listCauses(error: unknown): Cause[] {
  const chain: Cause[] = [];
  let next: unknown = error;
  while (next && typeof next === 'object' && !chain.includes(next as Cause) && chain.length < 10) {
    chain.push(next as Cause);
    const e = next as { cause?: unknown; originalError?: unknown };
    next = e.originalError ?? e.cause;
  }
  return chain;
}

function findPath(e: Cause): string | undefined {
  if (typeof e.path === 'string') return e.path;
  const named = typeof e.message === 'string' ? WRITING_TO.exec(e.message) : null;
  return named?.[1];
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
