import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors/content-problem.ts';
import { REPO_ROOT } from '../helpers/project.ts';

describe('the error codes README lists', () => {
  it('are exactly the codes the code defines, each once', async () => {
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| `E_[A-Z_]+`/.test(line));
    const listed = rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`(E_[A-Z_]+)`/g)].map((m) => m[1]));
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });
});
