import path from 'node:path';

/** The `--root` flag every command takes: the folder holding content/ and data/. */
export const rootArg = {
  root: {
    type: 'string',
    description: 'Project folder holding content/ and data/',
    default: '.',
  },
} as const;

export function resolveRoot(root: string): string {
  return path.resolve(process.cwd(), root);
}
