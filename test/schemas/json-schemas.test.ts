import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas } from '../../src/schemas/json-schemas.ts';
import { REPO_ROOT } from '../helpers/project.ts';

describe('JSON Schema files for editors', () => {
  const generated = renderJsonSchemas();

  it('are committed and up to date (run `npm run schemas` after changing a schema)', async () => {
    const committed = (await readdir(path.join(REPO_ROOT, 'schemas'))).filter((f) => f.endsWith('.schema.json')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) {
      expect(await readFile(path.join(REPO_ROOT, 'schemas', name), 'utf8'), name).toBe(text);
    }
  });

  it('forbid unknown fields, so editors flag typos', () => {
    const schema = JSON.parse(generated.get('recommendation.schema.json') ?? '{}');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['number', 'owner', 'text']));
  });

  it('are mapped to the content files in .vscode/settings.json', async () => {
    const settings = JSON.parse(await readFile(path.join(REPO_ROOT, '.vscode/settings.json'), 'utf8'));
    const mapped = Object.keys(settings['yaml.schemas']).map((p) => path.basename(p));
    // Reports and minutes are Markdown: their front matter is checked by the build, not mapped here.
    for (const name of generated.keys())
      if (name !== 'report.schema.json' && name !== 'minutes.schema.json') expect(mapped).toContain(name);
  });
});
