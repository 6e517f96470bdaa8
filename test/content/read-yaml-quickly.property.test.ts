import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readYamlQuickly } from '../../src/content/read-yaml-quickly.ts';
import { REPO_ROOT } from '../helpers/project.ts';

/** What the full parse makes of a text: its data, or that it is refused or empty. */
function readFully(text: string): unknown {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return 'refused';
  if (doc.contents === null) return 'empty';
  try {
    return doc.toJS();
  } catch {
    // An alias with no anchor parses, but has no data.
    return 'refused';
  }
}

/** Where the quick reader gives data, it must be the full parse's data, to the last -0 and NaN. */
function expectSameData(text: string): void {
  const quick = readYamlQuickly(text);
  if (quick) expect(quick.value, JSON.stringify(text)).toStrictEqual(readFully(text));
}

/** Plain scalars near the edges of YAML's core types: numbers, booleans, nulls and near misses. */
const scalarish = fc.oneof(
  fc.stringMatching(/^[-+.0-9eExXoObB_aAfFiInNtTrRuUlLsS~:]{0,9}$/),
  fc.constantFrom(
    'yes',
    'no',
    'on',
    'off',
    'Yes',
    'True',
    'tRUE',
    'Null',
    'nULL',
    '~',
    '.inf',
    '-.Inf',
    '+.INF',
    '.NaN',
    '.nan',
    '0o17',
    '0O17',
    '0x1f',
    '-0x1F',
    '0b11',
    '1_000',
    '1e3',
    '1E+3',
    '.5e-2',
    '1.',
    '-0',
    '+12',
    '007',
    '2003-09-01',
    '12:30',
    '1:20:30',
    '6.02e23',
  ),
);

describe('reading YAML quickly', () => {
  it('resolves every plain scalar as the full parse does', () => {
    fc.assert(
      fc.property(scalarish, (s) => {
        expectSameData(`value: ${s}\nlist: [${s}]\n- x: ${s}\n`.replace('- x', 'item'));
        expectSameData(`- ${s}\n- {k: ${s}}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads structures, quoting and block text as the full parse does, and leaves refused and empty texts to it', () => {
    const line = fc.tuple(
      fc.constantFrom('', '  ', '    ', '- ', '  - '),
      fc.constantFrom('a', 'b', 'key', '"q k"', "'s'", '? c'),
      fc.constantFrom(':', ': ', ': |', ': >-', ': [', ': {', ''),
      fc.oneof(scalarish, fc.string({ maxLength: 8 })),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = lines
          .map(([indent, key, sep, value]) => `${indent}${key}${sep}${sep.endsWith(' ') ? value : ''}`)
          .join('\n');
        expectSameData(text);
        const quick = readYamlQuickly(text);
        if (readFully(text) === 'refused' || readFully(text) === 'empty') expect(quick).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves a tag to the full parse, whose reading of an empty tagged value differs', () => {
    expect(readYamlQuickly('a: !\n')).toBeUndefined();
    expect(readYamlQuickly('a: !!str 1\n')).toBeUndefined();
    expect(readYamlQuickly('a: Hello!\n')).toEqual({ value: { a: 'Hello!' } });
  });

  it('reads every YAML file and front matter of the example as the full parse does', async () => {
    const root = REPO_ROOT;
    const files = [
      ...(await readdir(path.join(root, 'content'), { recursive: true })).map((f) => `content/${f}`),
      ...(await readdir(path.join(root, 'data'), { recursive: true })).map((f) => `data/${f}`),
    ].filter((f) => /\.(ya?ml|md)$/.test(f));
    let quick = 0;
    for (const file of files) {
      const text = await readFile(path.join(root, file), 'utf8');
      const yaml = file.endsWith('.md') ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') : text;
      expectSameData(yaml);
      if (readYamlQuickly(yaml)) quick++;
    }
    expect(quick).toBeGreaterThan(files.length * 0.8);
  });

  it('leaves anchors, aliases and keys that are not plain to the full parse', () => {
    expect(readYamlQuickly('a: &x [1, 2]\nb: *x\n')).toBeUndefined();
    expect(readYamlQuickly('? [a, b]\n: c\n')).toBeUndefined();
    expect(readYamlQuickly('{a: 1}: c\n')).toBeUndefined();
    expect(readYamlQuickly('text: 3 * 4 is 12\n')).toEqual({ value: { text: '3 * 4 is 12' } });
  });
});
