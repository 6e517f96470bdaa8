import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder every test's temporary folders are made in; removed when the run ends. */
    tempRoot: string;
  }
}

/** One temporary folder for the whole run, so a run leaves nothing behind in the system's. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tempRoot = await mkdtemp(path.join(os.tmpdir(), 'papers-tests-'));
  project.provide('tempRoot', tempRoot);
  return () => rm(tempRoot, { recursive: true, force: true });
}
