import { constants } from 'node:fs';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { describeSystemError } from '../errors/describe-system-error.ts';
import { PapersError } from '../errors/papers-error.ts';
import { isRunning } from '../util/is-running.ts';
import { keepLinksOf } from '../util/keep-links.ts';

/** Where the releases of a site live, beside it: `output/site` is a link to one of them. */
const RELEASES = '.releases';

export class OutputLockedError extends PapersError {
  override name = 'OutputLockedError';
  constructor(message: string) {
    super('E_OUTPUT_LOCKED', message);
  }
}

export interface PublishOptions {
  /**
   * Stop once this is aborted: a build stopped leaves its release to the next build to remove, and what
   * stopped it (an edit in the preview) does not wait for that.
   */
  signal?: AbortSignal;
  /**
   * Fill the release from the spare, when there is one: `work` is then given the files the release already
   * holds, each a hard link of the published release's file at the same path, and must remove those it does not take.
   */
  spare?: boolean;
}

/**
 * Build into a release folder and publish it in one atomic step: the link at `target` is replaced by a link
 * to the new release (a rename, which never leaves `target` missing). A failed or killed build leaves the
 * published site whole. `work` gets the new release's folder, the published one if there is one, and (asked
 * for with `spare`) the files the new release already holds. The release before is kept as the next build's
 * spare, holding only the files it shares with the release published (links of the same files), so that a
 * build links and removes only what changed; what it held that the new release does not goes at once.
 * One build at a time per output folder: a second is refused with a message.
 */
export async function publishOutput(
  target: string,
  work: (staging: string, published: string | undefined, held?: readonly string[]) => Promise<void>,
  { signal, spare: fromSpare = false }: PublishOptions = {},
): Promise<void> {
  const parent = path.dirname(target);
  const name = path.basename(target);
  await mkdir(path.join(parent, RELEASES), { recursive: true });
  const unlock = await lockOutput(parent, name);
  try {
    const published = await adoptPublished(parent, name);
    // Taken (its record removed) before anything is written into it: a build that stops leaves no spare.
    const taken = published ? await takeSpare(parent, name, published) : undefined;
    const spare = fromSpare ? taken : undefined;
    await removeUnpublished(parent, name, published, spare?.release);
    const staging = spare
      ? path.join(parent, RELEASES, spare.release)
      : await mkdtemp(path.join(parent, RELEASES, `${name}-`));
    // A release is read by web servers, not only by its builder.
    await chmod(staging, 0o755);
    try {
      await work(staging, published && path.join(parent, RELEASES, published), spare?.files);
      const next = path.join(parent, `.${name}-next`);
      await rm(next, { force: true });
      await symlink(path.join(RELEASES, path.basename(staging)), next);
      await rename(next, target);
    } catch (err) {
      if (signal?.aborted) throw err;
      await rm(staging, { recursive: true, force: true });
      // A full disk or a folder papers may not write is said as such, naming the file (or the site) being written.
      throw describeSystemError(err, target, { dir: staging, shownAs: target }) ?? err;
    }
    // What the release before holds that the new one does not goes at once: it may be a paper since removed
    // or made exempt. A reader already downloading one of its files still gets it whole, since a removed
    // file lives on while it is open.
    const kept =
      published && (await keepSpare(parent, name, published, path.basename(staging))) ? published : undefined;
    await removeUnpublished(parent, name, path.basename(staging), kept);
  } finally {
    await unlock();
  }
}

/** Where the spare's record is kept: the release it is, the release it is a part of, and the files it holds. */
function spareRecord(parent: string, name: string): string {
  return path.join(parent, RELEASES, `${name}.spare.json`);
}

interface Spare {
  release: string;
  of: string;
  files: string[];
}

/** The spare of the release published, its record removed; none when the record is missing or describes another. */
async function takeSpare(parent: string, name: string, published: string): Promise<Spare | undefined> {
  const record = spareRecord(parent, name);
  const spare = await readFile(record, 'utf8')
    .then((text) => JSON.parse(text) as Partial<Spare>)
    .catch(() => undefined);
  await rm(record, { force: true });
  const valid =
    spare?.of === published &&
    typeof spare.release === 'string' &&
    spare.release.startsWith(`${name}-`) &&
    path.basename(spare.release) === spare.release &&
    spare.release !== published &&
    Array.isArray(spare.files) &&
    spare.files.every(isInside) &&
    (await lstat(path.join(parent, RELEASES, spare.release)).catch(() => undefined))?.isDirectory();
  return valid ? (spare as Spare) : undefined;
}

/** A path relative to a release that stays inside it: a record that names any other is not trusted. */
function isInside(file: unknown): boolean {
  return typeof file === 'string' && file !== '' && !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..');
}

/** Keep the release before as the spare of the one just published, and record it; false (it is then removed) if it cannot be. */
async function keepSpare(parent: string, name: string, before: string, published: string): Promise<boolean> {
  try {
    const files = keepLinksOf(path.join(parent, RELEASES, before), path.join(parent, RELEASES, published));
    const record: Spare = { release: before, of: published, files };
    await writeFile(spareRecord(parent, name), JSON.stringify(record));
    return true;
  } catch {
    await rm(spareRecord(parent, name), { force: true });
    return false;
  }
}

/**
 * The release `target` links to. A site published as a plain folder (by an
 * earlier version) is moved in as a release first.
 */
async function adoptPublished(parent: string, name: string): Promise<string | undefined> {
  const target = path.join(parent, name);
  const info = await lstat(target).catch(() => undefined);
  if (!info) return undefined;
  if (info.isSymbolicLink()) return path.basename(await readlink(target));
  if (!info.isDirectory()) return undefined;
  const adopted = `${name}-adopted`;
  await rm(path.join(parent, RELEASES, adopted), { recursive: true, force: true });
  await rename(target, path.join(parent, RELEASES, adopted));
  await symlink(path.join(RELEASES, adopted), target);
  return adopted;
}

/** Remove the releases of `name` that are neither published nor kept, and a half-made link. */
async function removeUnpublished(parent: string, name: string, ...keep: Array<string | undefined>): Promise<void> {
  await rm(path.join(parent, `.${name}-next`), { force: true });
  for (const entry of await readdir(path.join(parent, RELEASES))) {
    if (entry.startsWith(`${name}-`) && !keep.includes(entry))
      await rm(path.join(parent, RELEASES, entry), { recursive: true, force: true });
  }
}

/**
 * Take the output folder's lock for `name`, or refuse when a live process
 * holds it. A lock left by a killed build names a process that is gone, and is taken over.
 */
async function lockOutput(parent: string, name: string): Promise<() => Promise<void>> {
  const file = path.join(parent, `.${name}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(file, 'utf8').catch(() => ''));
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new OutputLockedError(
          `another build (process ${owner}) is writing ${path.join(parent, name)}: wait for it to finish, then run this again`,
        );
      }
      await unlink(file).catch(() => undefined);
    }
  }
  throw new OutputLockedError(`could not take the lock of ${path.join(parent, name)}: another build keeps taking it`);
}
