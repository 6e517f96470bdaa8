import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.ts';

/**
 * The folders of src/, lowest first. A folder may import from its own layer
 * and those below, never from one above; shared rules (dates, URLs, statuses,
 * as-at) are in `domain`, below every stage that uses them. ARCHITECTURE.md
 * says what each holds.
 */
const LAYERS: readonly string[][] = [
  ['errors', 'util', 'types'],
  ['schemas'],
  ['domain'],
  ['content'],
  ['meetings'],
  ['markdown'],
  ['validate'],
  ['changes'],
  ['model'],
  ['edit', 'import', 'render', 'serve'],
  ['pdf'],
  ['pipeline'],
  ['audit', 'bench'],
  ['cli'],
];

type Graph = Map<string, string[]>;

/** Every file of src/ and the files of src/ it imports (types and dynamic imports too), by path from the repository. */
async function readImportGraph(): Promise<Graph> {
  const src = path.join(REPO_ROOT, 'src');
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const graph: Graph = new Map();
  for (const file of files) {
    const text = await readFile(path.join(src, file), 'utf8');
    const from = `src/${file.split(path.sep).join('/')}`;
    const targets = [
      ...text.matchAll(
        /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g,
      ),
    ]
      .map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(from), m[1] ?? m[2] ?? '')))
      .filter((target) => target.startsWith('src/'));
    graph.set(from, [...new Set(targets)]);
  }
  return graph;
}

function layerOf(file: string): number {
  const folder = file.split('/')[1] ?? '';
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

/** Imports from a lower layer to a higher one. */
function findUpwardImports(graph: Graph): string[] {
  return [...graph].flatMap(([from, targets]) =>
    targets.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} → ${to}`),
  );
}

/** Groups of files that import each other, directly or round a loop (Tarjan's strongly connected components). */
function findImportLoops(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of graph.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        onStack.delete(top);
        group.push(top);
        if (top === file) break;
      }
      if (group.length > 1 || (graph.get(file) ?? []).includes(file)) loops.push(group.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return loops;
}

describe('the layers of src/', () => {
  it('places every folder of src/ in a layer', async () => {
    const unplaced = [...(await readImportGraph()).keys()].filter((file) => layerOf(file) === -1);
    expect(unplaced, 'add the folder to LAYERS here and to ARCHITECTURE.md').toEqual([]);
  });

  it('imports only from the same layer or the ones below', async () => {
    expect(findUpwardImports(await readImportGraph())).toEqual([]);
  });

  it('has no import loop between files', async () => {
    const graph = await readImportGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(findImportLoops(graph)).toEqual([]);
  });

  it('finds an upward import and a loop where there is one', () => {
    const graph: Graph = new Map([
      ['src/domain/dates.ts', ['src/model/types.ts']],
      ['src/model/types.ts', ['src/model/build-report.ts']],
      ['src/model/build-report.ts', ['src/model/types.ts', 'src/domain/dates.ts']],
    ]);
    expect(findUpwardImports(graph)).toEqual(['src/domain/dates.ts → src/model/types.ts']);
    expect(findImportLoops(graph)).toEqual([
      ['src/domain/dates.ts', 'src/model/build-report.ts', 'src/model/types.ts'],
    ]);
  });
});
