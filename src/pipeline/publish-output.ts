import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Build into a fresh staging folder beside the target and swap it in only
 * when `work` succeeds: a failed or killed build leaves the previous output whole.
 */
export async function publishOutput(target: string, work: (staging: string) => Promise<void>): Promise<void> {
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, path.basename(target));
  const staging = await mkdtemp(path.join(parent, `.staging-${path.basename(target)}-`));
  try {
    await work(staging);
    const previous = `${staging}-previous`;
    let hadPrevious = true;
    try {
      await rename(target, previous);
    } catch {
      hadPrevious = false;
    }
    await rename(staging, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Clear what a killed build left: unpublished staging folders go; and if it
 * died between the two renames of the swap, the previous output is put back.
 */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const entries = await readdir(parent);
  const previous = entries.find((e) => e.startsWith(`.staging-${name}-`) && e.endsWith('-previous'));
  if (previous && !entries.includes(name)) await rename(path.join(parent, previous), path.join(parent, name));
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`.staging-${name}-`)) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
}
