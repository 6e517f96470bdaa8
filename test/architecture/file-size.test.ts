import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.ts';

/** Files that do one thing: none of src/ runs past this many lines. */
const MOST_LINES = 300;

/**
 * Biome holds every function of src/ to a cognitive complexity of 15. The
 * functions written before the rule carry a suppression until they are split:
 * this many at most, so that none is added and each one split lowers it.
 */
const MOST_COMPLEX_FUNCTIONS = 23;
const SUPPRESSION = 'biome-ignore lint/complexity/noExcessiveCognitiveComplexity';

async function readSources(): Promise<Array<{ file: string; text: string }>> {
  const src = path.join(REPO_ROOT, 'src');
  const entries = (await readdir(src, { recursive: true, withFileTypes: true })).filter(
    (e) => e.isFile() && e.name.endsWith('.ts'),
  );
  return Promise.all(
    entries.map(async (e) => {
      const full = path.join(e.parentPath, e.name);
      return { file: path.relative(REPO_ROOT, full), text: await readFile(full, 'utf8') };
    }),
  );
}

describe('the size of the code', () => {
  it(`keeps every file of src/ under ${MOST_LINES} lines`, async () => {
    const files = await readSources();
    expect(files.length).toBeGreaterThan(50);
    const long = files
      .map(({ file, text }) => ({ file, lines: text.split('\n').length - 1 }))
      .filter(({ lines }) => lines > MOST_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it(`adds no function over Biome's cognitive complexity of 15: at most ${MOST_COMPLEX_FUNCTIONS} older ones wait to be split`, async () => {
    const biome = await readFile(path.join(REPO_ROOT, 'biome.jsonc'), 'utf8');
    expect(biome).toMatch(/"noExcessiveCognitiveComplexity": "error"/);
    const suppressed = (await readSources()).flatMap(({ file, text }) =>
      text.split('\n').flatMap((line, i) => (line.includes(SUPPRESSION) ? [`${file}:${i + 1}`] : [])),
    );
    expect(suppressed.length, suppressed.join('\n')).toBeLessThanOrEqual(MOST_COMPLEX_FUNCTIONS);
  });
});
