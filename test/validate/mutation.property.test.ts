import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors/content-problem.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { copyExampleProject, REPORT_2004, REPORT_2005 } from '../helpers/project.ts';

const FILES = [
  REPORT_2005,
  REPORT_2004,
  'content/recommendations/cdrp-scrutiny-2003/index.yaml',
  'content/recommendations/cdrp-scrutiny-2003/01.yaml',
  'content/recommendations/cdrp-scrutiny-2003/13.yaml',
  'content/meetings/x-ppr/2005-12-08.yaml',
  'data/site.yaml',
  'data/statuses.yaml',
  'data/glossary.yaml',
  'data/facts.yaml',
  'data/boroughs/greenwich.yaml',
];

/** Text that tends to break YAML and Markdown: structure characters, unicode, control bytes. */
const nasty = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    ':',
    ': ',
    '- ',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    '#',
    '&a',
    '*a',
    '!!binary',
    '\t',
    '---',
    '\n',
    '  ',
    '|',
    '>',
    '%',
    '@',
    '`',
    '\u0000',
    '\ufeff',
    '\u2028',
    '{#x}',
    '[[x]]',
    '## ',
    '2005-02-30',
    'null',
    '~',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const mutation = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: nasty }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  const lines = text.split('\n');
  const line = m.at % lines.length;
  switch (m.op) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'delete-line':
      return lines.filter((_, i) => i !== line).join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), lines[line], ...lines.slice(line + 1)].join('\n');
    case 'swap-lines': {
      const other = m.with % lines.length;
      const copy = [...lines];
      [copy[line], copy[other]] = [copy[other] ?? '', copy[line] ?? ''];
      return copy.join('\n');
    }
    case 'truncate':
      return text.slice(0, at);
  }
}

describe('the loader under random damage (property)', () => {
  let root = '';
  const originals = new Map<string, string>();
  beforeAll(async () => {
    root = await copyExampleProject();
    for (const file of FILES) originals.set(file, await readFile(path.join(root, file), 'utf8'));
  });

  it('never throws: it returns a valid model or errors that name a file, line and column', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (file, mutations) => {
          const original = originals.get(file) ?? '';
          await writeFile(path.join(root, file), mutations.reduce(mutate, original));
          try {
            const result = await checkProject(root);
            const errors = result.errors.filter((e) => e.severity === 'error');
            if (result.model) expect(errors).toEqual([]);
            else expect(errors.length).toBeGreaterThan(0);
            for (const e of result.errors) {
              expect(Object.keys(ERROR_CODES)).toContain(e.code);
              expect(e.file).toMatch(/^(content|data)\//);
              expect(e.line).toBeGreaterThanOrEqual(1);
              expect(e.col).toBeGreaterThanOrEqual(1);
              expect(e.message).not.toBe('');
              expect(e.hint).not.toBe('');
            }
          } finally {
            await writeFile(path.join(root, file), original);
          }
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
  });

  it('the whole build too: a located error or a clean site, never a crash or a hang', async () => {
    const outputDir = await makeTempDir('damaged-build');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILES),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (file, mutations) => {
          const original = originals.get(file) ?? '';
          await writeFile(path.join(root, file), mutations.reduce(mutate, original));
          try {
            let timer: NodeJS.Timeout | undefined;
            const limit = new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`the build of a damaged ${file} took over 60 s`)), 60_000);
            });
            const result = await Promise.race([buildProject({ root, outputDir, pdf: false }), limit]).finally(() =>
              clearTimeout(timer),
            );
            if (result.ok) {
              expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
              expect((await readFile(path.join(result.siteDir, 'index.html'), 'utf8')).length).toBeGreaterThan(100);
            } else {
              expect(result.errors.filter((e) => e.severity === 'error').length).toBeGreaterThan(0);
              for (const e of result.errors) expect(e.line).toBeGreaterThanOrEqual(1);
            }
          } finally {
            await writeFile(path.join(root, file), original);
          }
        },
      ),
      { numRuns: 30, seed: 20261202 },
    );
  }, 900_000);
});
