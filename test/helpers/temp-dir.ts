import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';

/** A fresh folder inside the run's temporary folder (see test/global-setup.ts). */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(inject('tempRoot'), `${prefix}-`));
}
