import { readFile } from 'node:fs/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One line of a summary: where the time went, and how many seconds. */
export interface ProfileLine {
  where: string;
  seconds: number;
}

/**
 * Where the time of a V8 CPU profile (`node --cpu-prof`) went: by the part of
 * the project or the package whose code ran (own time), by the files of the
 * project including what they called, and by function (own time). What the
 * benchmark prints when a target is missed.
 */
export async function summariseProfile(
  file: string,
  top = 10,
): Promise<{ parts: ProfileLine[]; self: ProfileLine[]; files: ProfileLine[] }> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const spent = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    spent.set(id, (spent.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  const parts = new Map<string, number>();
  for (const [id, micros] of spent) {
    const node = byId.get(id);
    if (!node) continue;
    const where = describe(node);
    self.set(where, (self.get(where) ?? 0) + micros);
    const part = partOf(node.callFrame.url, where);
    parts.set(part, (parts.get(part) ?? 0) + micros);
    // Each project file on the stack once, with the whole time of the sample.
    for (const source of listStackFiles(id, byId, parent)) files.set(source, (files.get(source) ?? 0) + micros);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, micros]) => ({ where, seconds: Math.round(micros / 1e4) / 100 }));
  return { parts: rank(parts), self: rank(self), files: rank(files) };
}

/** `src/model`, a package's name (`nunjucks`, `@11ty/eleventy`), `node` for Node's own code, or what V8 calls it (`(garbage collector)`). */
function partOf(url: string, where: string): string {
  if (!url) return where;
  const inPackage = url.split('/node_modules/').at(-1);
  if (inPackage && inPackage !== url)
    return inPackage
      .split('/')
      .slice(0, inPackage.startsWith('@') ? 2 : 1)
      .join('/');
  const source = projectFile(url);
  if (source) return source.split('/').slice(0, 2).join('/');
  return url.startsWith('node:') ? 'node' : path.basename(url);
}

function describe(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || (url ? '(anonymous)' : '(native)');
  if (!url) return name;
  const file = projectFile(url) ?? url.split('/node_modules/').at(-1) ?? path.basename(url);
  return `${name} ${file}:${lineNumber + 1}`;
}

/** `src/model/build-model.ts` for a file of the project's own source; nothing for a dependency's. */
function projectFile(url: string): string | undefined {
  if (url.includes('/node_modules/')) return undefined;
  const at = url.lastIndexOf('/src/');
  return at === -1 ? undefined : url.slice(at + 1).replace(/\?.*$/, '');
}

/** The project files on a sample's stack, each once. */
function listStackFiles(
  id: number,
  byId: ReadonlyMap<number, { callFrame: { url: string } }>,
  parent: ReadonlyMap<number, number>,
): Set<string> {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    const source = frame && projectFile(frame.url);
    if (source) seen.add(source);
  }
  return seen;
}
