import { z } from 'zod';
import { SCHEMAS } from './index.ts';

/** JSON Schema file name → content, for editors' completion and hover help. */
export function renderJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [kind, schema] of Object.entries(SCHEMAS)) {
    // draft-7 is the version YAML editors support best; `input` keeps defaulted fields optional.
    const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
    files.set(`${kind}.schema.json`, `${JSON.stringify({ ...json, title: kind }, null, 2)}\n`);
  }
  return files;
}
