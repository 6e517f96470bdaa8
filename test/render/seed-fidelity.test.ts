import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { findMissingLines, pageText } from '../helpers/page-text.ts';
import { SEEDS, seedBodyLines } from '../helpers/seeds.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('the seed reports, rendered', () => {
  let siteDir = '';
  beforeAll(async () => {
    const result = await buildProject({ root: REPO_ROOT, outputDir: await makeTempDir('fidelity') });
    expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
    siteDir = result.siteDir;
  });

  it('has seeds to compare against', async () => {
    expect((await readdir(SEEDS)).length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['000_86ca2f85fe60113d.txt', 'committees/x-ppr/2005/051208/06/index.html'],
    ['001_d259d8fd6fb4f14a.txt', 'committees/x-ppr/2004/041104/06/index.html'],
  ])('%s: every line of the report appears, in order, in %s', async (seedName, page) => {
    const lines = seedBodyLines(await readFile(path.join(SEEDS, seedName), 'utf8'));
    const text = pageText(await readFile(path.join(siteDir, page), 'utf8'));
    expect(lines.length).toBeGreaterThan(50);
    expect(findMissingLines(lines, text)).toEqual([]);
  });

  it('a line out of order is caught', () => {
    expect(findMissingLines(['second', 'first'], 'first second')).toEqual(['first']);
  });
});
