import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.ts';

/** Files that do one thing: none of src/ runs past this many lines. */
const MOST_LINES = 300;

describe('the size of the code', () => {
  it(`keeps every file of src/ under ${MOST_LINES} lines`, async () => {
    const src = path.join(REPO_ROOT, 'src');
    const files = (await readdir(src, { recursive: true, withFileTypes: true })).filter(
      (e) => e.isFile() && e.name.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(50);
    const long: string[] = [];
    for (const file of files) {
      const full = path.join(file.parentPath, file.name);
      const lines = (await readFile(full, 'utf8')).split('\n').length - 1;
      if (lines > MOST_LINES) long.push(`${path.relative(REPO_ROOT, full)}: ${lines} lines`);
    }
    expect(long).toEqual([]);
  });
});
