import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { applyEdit, copyExampleProject, REPO_ROOT, type FileEdit } from '../helpers/project.ts';

interface BrokenCase {
  name: string;
  edits: FileEdit[];
  expect: Array<{ code: string; file: string; line: number; col?: number; hint?: string; severity?: string }>;
  /** Codes that must not be reported (a false message). */
  never?: string[];
  /** A warning, not an error: the content still builds. */
  passes?: boolean;
}

const cases = parse(await readFile(path.join(REPO_ROOT, 'test/fixtures/broken-input.yaml'), 'utf8')) as BrokenCase[];

describe('broken input is reported at its place', () => {
  it('the example project itself is clean', async () => {
    const result = await checkProject(REPO_ROOT);
    expect(result.errors).toEqual([]);
    expect(result.model?.reports).toHaveLength(2);
  });

  it('has at least 120 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, brokenCase) => {
    const root = await copyExampleProject();
    for (const edit of brokenCase.edits) await applyEdit(root, edit);
    const { errors, model } = await checkProject(root);
    if (brokenCase.passes) expect(model).toBeDefined();
    else expect(model).toBeUndefined();
    for (const expected of brokenCase.expect) {
      expect(errors).toContainEqual(expect.objectContaining(expected));
    }
    for (const code of brokenCase.never ?? []) expect(errors.map((e) => e.code)).not.toContain(code);
    for (const error of errors) {
      expect(error.message.length).toBeGreaterThan(5);
      expect(error.hint.length).toBeGreaterThan(5);
      // A hint says what to do; it never sends the reader back to the message.
      expect(error.hint).not.toMatch(/the message|as (it|the error) says|see above/i);
    }
  });

  it('reports the errors of every broken file in one run', async () => {
    const root = await copyExampleProject();
    // The first cases each break a different file and leave the shared data whole.
    for (const brokenCase of cases.slice(0, 12)) {
      for (const edit of brokenCase.edits) await applyEdit(root, edit).catch(() => undefined);
    }
    const { errors } = await checkProject(root);
    const codes = new Set(errors.map((e) => e.code));
    for (const code of [
      'E_YAML_SYNTAX',
      'E_UNKNOWN_FIELD',
      'E_SCHEMA',
      'E_UNKNOWN_STATUS',
      'E_DATE',
      'E_FRONT_MATTER',
    ]) {
      expect(codes).toContain(code);
    }
    expect(new Set(errors.map((e) => e.file)).size).toBeGreaterThanOrEqual(6);
  });
});
