import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

const FILE = 'content/recommendations/cdrp-scrutiny-2003/03.yaml';
/** Lines 12-14 of the file: a progress entry, as an officer edits it in GitHub's editor. */
const ENTRY = '          - date: 2005-12-08\n            status: awaits\n            result: Awaits\n';

/** The slips of hand-edited YAML: each one located error, in plain words, where the slip is. */
const SLIPS: Array<{ name: string; entry: string; line: number; message: RegExp }> = [
  {
    name: 'a line indented one space too few',
    entry: ENTRY.replace('            result', '           result'),
    line: 14,
    message: /^this line is indented 11 spaces; the lines around it use 12$/,
  },
  {
    name: 'a line indented one space too many',
    entry: ENTRY.replace('            result', '             result'),
    line: 14,
    message: /^this line is indented 13 spaces; the lines around it use 12$/,
  },
  { name: 'a tab', entry: ENTRY.replace('            result', '\t    result'), line: 14, message: /with a tab/ },
  {
    name: 'a missing colon',
    entry: ENTRY.replace('status: awaits', 'status awaits'),
    line: 13,
    message: /no colon after its key/,
  },
  {
    name: 'a colon in an unquoted value',
    entry: ENTRY.replace('result: Awaits', 'result: Completed: June 2006'),
    line: 14,
    message: /holds a colon followed by a space/,
  },
  {
    name: 'a list dash with no space',
    entry: ENTRY.replace('- date', '-date'),
    line: 12,
    message: /list dash has no space/,
  },
  {
    name: 'a list dash misplaced',
    entry: ENTRY.replace('          - date', '        - date'),
    line: 13,
    message: /^this line is indented 12 spaces; the lines around it use 10$/,
  },
  {
    name: 'an unclosed quote',
    entry: ENTRY.replace('result: Awaits', 'result: "Awaits'),
    line: 14,
    message: /quote opened here is never closed/,
  },
];

describe('a YAML slip is one located error in plain words', () => {
  it.each(SLIPS.map((s) => [s.name, s] as const))('%s', async (_name, slip) => {
    const root = await copyExampleProject();
    const text = await readFile(path.join(root, FILE), 'utf8');
    expect(text).toContain(ENTRY);
    await writeFile(path.join(root, FILE), text.replace(ENTRY, slip.entry));
    const { errors } = await checkProject(root);
    const own = errors.filter((e) => e.file === FILE);
    expect(own, JSON.stringify(own)).toHaveLength(1);
    expect(own[0]).toMatchObject({ code: 'E_YAML_SYNTAX', line: slip.line });
    expect(own[0]?.message).toMatch(slip.message);
    expect(own[0]?.message).not.toMatch(/implicit|compact|block sequence|indicator/i);
  });

  it("gives the parser's own words only with --verbose", async () => {
    const root = await copyExampleProject();
    const text = await readFile(path.join(root, FILE), 'utf8');
    await writeFile(path.join(root, FILE), text.replace(ENTRY, SLIPS[0]!.entry));
    const plain = await runCli(['check', '--root', root]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('03.yaml:14:1  E_YAML_SYNTAX  this line is indented 11 spaces');
    expect(plain.stderr).not.toMatch(/indicator|implicit/i);
    const verbose = await runCli(['check', '--verbose', '--root', root]);
    expect(verbose.stderr).toMatch(/\n {4}\(.+\)/);
  });
});
