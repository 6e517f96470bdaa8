import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors/usage-error.ts';

/** The `--root` flag every command takes: the folder holding content/ and data/. */
export const rootArg = {
  root: {
    type: 'string',
    description: 'Project folder holding content/ and data/',
    default: '.',
  },
} as const;

/** The project folder `--root` names; a folder with neither data/ nor content/ is no project, said in one line. */
export function resolveRoot(root: string): string {
  const resolved = path.resolve(process.cwd(), root);
  if (!existsSync(path.join(resolved, 'data')) && !existsSync(path.join(resolved, 'content'))) {
    throw new UsageError(
      `${resolved} is not a papers project: it has neither a data/ nor a content/ folder (give the project's folder with --root)`,
    );
  }
  return resolved;
}
