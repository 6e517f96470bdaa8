import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import { renderJsonSchemas } from '../schemas/json-schemas.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const schemasCommand = defineCommand({
  meta: { name: 'schemas', description: DESCRIPTIONS.schemas },
  args: {
    ...rootArg,
    out: { type: 'string', description: 'Folder to write to (default: schemas/ of the project)' },
  },
  async run({ args }) {
    const out = args.out ? path.resolve(args.out) : path.join(resolveRoot(args.root), 'schemas');
    await mkdir(out, { recursive: true });
    const files = renderJsonSchemas();
    for (const [name, text] of files) await writeFile(path.join(out, name), text);
    process.stdout.write(`Wrote ${files.size} schema files to ${path.relative(process.cwd(), out) || '.'}\n`);
  },
});
