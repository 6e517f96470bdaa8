import { setTimeout as wait } from 'node:timers/promises';

/** How long a failed piece of work is given for the rejections it set going to be seen. */
const SETTLE_MS = 50;

/**
 * Run `work`, failing it (not the process) with any promise rejected and left
 * unhandled meanwhile. Eleventy leaves one when it fails to write a page while
 * its passthrough copies are under way; unseen, it would end the process before
 * the release being written was cleared away and the output unlocked.
 */
/** Rejections some `catchStrayRejections` took as its work's: a process-wide handler leaves these alone. */
export const CAUGHT_STRAYS = new WeakSet<object>();

export async function catchStrayRejections<T>(work: () => Promise<T>): Promise<T> {
  const strays: unknown[] = [];
  const keep = (reason: unknown) => {
    strays.push(reason);
    if (reason && typeof reason === 'object') CAUGHT_STRAYS.add(reason);
  };
  // Before any process-wide handler, so that it can tell the rejection is taken care of.
  process.prependListener('unhandledRejection', keep);
  try {
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await wait(SETTLE_MS);
      throw error;
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (strays.length > 0) throw strays[0];
    return result;
  } finally {
    process.off('unhandledRejection', keep);
  }
}
