import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

// Run in a Node of its own, whose V8 answers whether two objects share a hidden class.
const SCRIPT = `
import { checkProject } from ${JSON.stringify(path.resolve(here, '../../src/pipeline/check-project.ts'))};
import { loadContent } from ${JSON.stringify(path.resolve(here, '../../src/content/load-content.ts'))};
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
const root = process.argv.at(-1);
const checked = await checkProject(root, { today: '2003-01-01' });
const loaded = await loadContent(root);
/** For each list, how many objects and how many hidden classes among objects with the same fields. */
const count = (objects) => {
  const byFields = new Map();
  for (const o of objects) {
    const fields = Object.keys(o).join(',');
    const known = byFields.get(fields) ?? [];
    if (!known.some((k) => sameMap(k, o))) known.push(o);
    byFields.set(fields, known);
  }
  return { objects: objects.length, shapes: byFields.size, classes: [...byFields.values()].reduce((n, l) => n + l.length, 0) };
};
const model = checked.model;
if (!model) throw new Error(JSON.stringify(checked.errors.slice(0, 3)));
console.log(JSON.stringify({
  reports: count(model.reports),
  views: count(model.reports.flatMap((r) => r.views)),
  entries: count(loaded.entries),
}));
`;

describe('the objects the model is made of', () => {
  it('share one hidden class for each set of fields, so that reading them stays fast at 20,000 reports', async () => {
    const root = await makeTempDir('hidden-classes');
    await generateArchive(root, { reports: 30, committees: 3, sets: 2, recommendations: 5, entries: 6 });
    const args = ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', SCRIPT, root];
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', cwd: path.resolve(here, '../..') });
    const counts = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<
      string,
      { objects: number; shapes: number; classes: number }
    >;
    for (const [list, c] of Object.entries(counts)) {
      expect(c.objects, list).toBeGreaterThan(c.shapes);
      expect({ list, classes: c.classes }).toEqual({ list, classes: c.shapes });
    }
  });
});
