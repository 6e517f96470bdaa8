import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { copyExampleProject, editFile, REPO_ROOT } from '../helpers/project.ts';

interface BrokenCase {
  name: string;
  edits: Array<{ file: string; find: string; replace: string }>;
  expect: Array<{ code: string; file: string; line: number; col?: number; hint?: string }>;
}

const cases = parse(await readFile(path.join(REPO_ROOT, 'test/fixtures/broken-input.yaml'), 'utf8')) as BrokenCase[];

describe('broken input is reported at its place', () => {
  it('the example project itself is clean', async () => {
    const result = await checkProject(REPO_ROOT);
    expect(result.errors).toEqual([]);
    expect(result.model?.reports).toHaveLength(2);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, brokenCase) => {
    const root = await copyExampleProject();
    for (const edit of brokenCase.edits) await editFile(root, edit.file, edit.find, edit.replace);
    const { errors, model } = await checkProject(root);
    expect(model).toBeUndefined();
    for (const expected of brokenCase.expect) {
      expect(errors).toContainEqual(expect.objectContaining(expected));
    }
    for (const error of errors) {
      expect(error.message.length).toBeGreaterThan(5);
      expect(error.hint.length).toBeGreaterThan(5);
    }
  });

  it('reports the errors of every broken file in one run', async () => {
    const root = await copyExampleProject();
    for (const brokenCase of cases) {
      for (const edit of brokenCase.edits) await editFile(root, edit.file, edit.find, edit.replace).catch(() => undefined);
    }
    const { errors } = await checkProject(root);
    const codes = new Set(errors.map((e) => e.code));
    for (const code of ['E_YAML_SYNTAX', 'E_UNKNOWN_FIELD', 'E_SCHEMA', 'E_UNKNOWN_STATUS', 'E_DATE', 'E_FRONT_MATTER']) {
      expect(codes).toContain(code);
    }
    expect(new Set(errors.map((e) => e.file)).size).toBeGreaterThanOrEqual(6);
  });
});
