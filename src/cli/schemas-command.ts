import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand } from 'citty';
import { PACKAGE_ROOT } from '../render/render-site.ts';
import { renderJsonSchemas } from '../schemas/json-schemas.ts';

export const schemasCommand = defineCommand({
  meta: { name: 'schemas', description: 'Write the JSON Schema files that editors use for completion (schemas/*.schema.json).' },
  args: {
    out: { type: 'string', description: 'Folder to write to', default: path.join(PACKAGE_ROOT, 'schemas') },
  },
  async run({ args }) {
    await mkdir(args.out, { recursive: true });
    const files = renderJsonSchemas();
    for (const [name, text] of files) await writeFile(path.join(args.out, name), text);
    process.stdout.write(`Wrote ${files.size} schema files to ${path.relative(process.cwd(), args.out) || '.'}\n`);
  },
});
