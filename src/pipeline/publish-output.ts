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
} from 'node:fs/promises';
import path from 'node:path';
import { describeSystemError } from '../errors/describe-system-error.ts';
import { PapersError } from '../errors/papers-error.ts';
import { isRunning } from '../util/is-running.ts';

/** Where the releases of a site live, beside it: `output/site` is a link to one of them. */
const RELEASES = '.releases';

export class OutputLockedError extends PapersError {
  override name = 'OutputLockedError';
  constructor(message: string) {
    super('E_OUTPUT_LOCKED', message);
  }
}

/**
 * Build into a fresh release folder and publish it in one atomic step: the
 * link at `target` is replaced by a link to the new release (a rename, which
 * never leaves `target` missing), and the release before it is removed. A failed or killed build leaves the published site whole.
 * `work` gets the new release's folder, and the published one if there is one.
 * One build at a time per output folder: a second is refused with a message.
 * A build stopped by `signal` leaves its release to the next build to remove:
 * what stopped it (an edit in the preview) does not wait for that.
 */
export async function publishOutput(
  target: string,
  work: (staging: string, published: string | undefined) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const parent = path.dirname(target);
  const name = path.basename(target);
  await mkdir(path.join(parent, RELEASES), { recursive: true });
  const unlock = await lockOutput(parent, name);
  try {
    const published = await adoptPublished(parent, name);
    await removeUnpublished(parent, name, published);
    const staging = await mkdtemp(path.join(parent, RELEASES, `${name}-`));
    // A release is read by web servers, not only by its builder.
    await chmod(staging, 0o755);
    try {
      await work(staging, published && path.join(parent, RELEASES, published));
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
    // The release before goes at once: it may hold a paper since removed or made exempt. A reader already
    // downloading one of its files still gets it whole, since a removed file lives on while it is open.
    await removeUnpublished(parent, name, path.basename(staging));
  } finally {
    await unlock();
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
