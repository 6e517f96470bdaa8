import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { addExemptPapers, EXEMPT_REPORT } from '../helpers/meeting-papers.ts';
import { copyExampleProject, editFile } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';
import { findMarker, hashTree } from '../helpers/read-everything.ts';

const MINUTES = 'content/minutes/x-ppr/2005-12-08.md';
const KEPT = 'exempt/minutes/x-ppr/2005-12-08.md';
const FRONT = '---\npresent:\n  members:\n    - name: Reshard Auladin\n      role: Chairman\n---\n';
/** The public minutes up to the exempt item: its lines 1-10. */
const ABOVE = `${FRONT}\n## Apologies for absence {agenda=1}\n\nNone were received.\n`;
const SECRET = 'Minute text MARKERWORD.';

async function createExemptProject(): Promise<string> {
  const root = await copyExampleProject();
  await addExemptPapers(root);
  return root;
}

async function writeMinutes(root: string, lines: readonly string[]): Promise<void> {
  await writeFile(path.join(root, MINUTES), `${ABOVE}\n${lines.join('\n')}\n`);
}

describe('the text of an exempt minute item in the public minutes is a located error, whatever its heading', () => {
  let root = '';
  beforeAll(async () => {
    root = await createExemptProject();
  }, 60_000);

  // Line 12 is the first line after ABOVE and its blank line.
  const slips: Record<string, { lines: string[]; line: number; hint: RegExp }> = {
    'a heading with one leading space': {
      lines: [' ## Staffing {agenda=6 exempt=3}', '', SECRET],
      line: 12,
      hint: /first column/,
    },
    'a ### heading': { lines: ['### Heading {agenda=2.1}', '', SECRET], line: 12, hint: /two #/ },
    'a setext heading': { lines: ['Heading {agenda=2.1}', '------', '', SECRET], line: 12, hint: /on one line/ },
    'a ~~~ fence left open in the public item above': {
      lines: ['~~~', 'a code block never closed', '', '## Heading {agenda=2.1}', '', SECRET],
      line: 15,
      hint: /close the code block opened on line 12/,
    },
    'a proper heading with its text still under it (the syntax of earlier versions)': {
      lines: ['## Heading {agenda=2.1}', '', SECRET],
      line: 14,
      hint: /move it to exempt\/minutes\/x-ppr\/2005-12-08\.md/,
    },
  };
  for (const [name, slip] of Object.entries(slips)) {
    it(name, async () => {
      await writeMinutes(root, slip.lines);
      const { errors, model } = await checkProject(root);
      expect(model).toBeUndefined();
      const found = errors.filter((e) => e.code === 'E_EXEMPT' && e.file === MINUTES);
      expect(found.map((e) => e.line)).toContain(slip.line);
      expect(found.find((e) => e.line === slip.line)?.hint).toMatch(slip.hint);
    });
  }
});

/** Markdown around an exempt item of the public minutes, as an author might slip in writing it. */
const slipArbitrary = fc.record({
  before: fc.array(fc.constantFrom('', 'Public text.', '```', '~~~', '    indented', '> quoted', '- listed'), {
    maxLength: 4,
  }),
  indent: fc.constantFrom('', '', '', ' ', '   ', '\t'),
  hashes: fc.constantFrom('##', '##', '##', '#', '###', '####', 'setext'),
  braces: fc.constantFrom(
    '{agenda=2.1}',
    '{agenda=2.1 exempt=3}',
    '{agenda=6 exempt=3}',
    '{ agenda=2.1 }',
    '{Agenda=2.1}',
    '{agenda = 2.1}',
    '{exempt=3 agenda=2.1}',
  ),
  after: fc.array(fc.constantFrom('', 'More text.', '```', '## Later {agenda=6}', 'Resolved: That it be noted.'), {
    maxLength: 2,
  }),
  kept: fc.boolean(),
});

function writeSlip(s: SlipSample): string[] {
  const heading =
    s.hashes === 'setext'
      ? [`${s.indent}Heading ${s.braces}`, '-----']
      : [`${s.indent}${s.hashes} Heading ${s.braces}`];
  // `kept`: the text written where it belongs, under exempt/; otherwise under the heading in the public minutes.
  return [...s.before, ...heading, '', ...(s.kept ? [] : [SECRET]), ...s.after];
}
type SlipSample = typeof slipArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The exempt minutes: the item's text where it belongs when `kept`, under the heading meant; none otherwise. */
async function writeKept(root: string, s: SlipSample): Promise<void> {
  const file = path.join(root, KEPT);
  if (!s.kept) return rm(file, { force: true });
  await writeFile(file, `## Heading MARKERWORD ${s.braces}\n\n${SECRET}\n`);
}

describe('property: any Markdown around an exempt item gives a located error or keeps the text out of everything public', () => {
  it('holds for generated headings, fences and text', async () => {
    const root = await createExemptProject();
    const passed: string[][] = [];
    await fc.assert(
      fc.asyncProperty(slipArbitrary, async (sample) => {
        const lines = writeSlip(sample);
        await writeMinutes(root, lines);
        await writeKept(root, sample);
        const { errors, model } = await checkProject(root);
        // A check that fails builds nothing; each of its errors names a file and a line.
        if (errors.some((e) => e.severity === 'error')) {
          expect(errors.every((e) => e.file !== '' && e.line >= 1)).toBe(true);
          return;
        }
        expect(model, JSON.stringify(errors.slice(0, 3))).toBeDefined();
        expect(JSON.stringify(model).toLowerCase()).not.toContain('markerword');
        if (passed.length < 2 && lines.some((l) => l.includes('{agenda=2.1}'))) passed.push(lines);
      }),
      { numRuns: 200, seed: 20261205 },
    );
    // Whatever passed the check is built, PDFs included, and every byte of the output searched.
    expect(passed.length).toBeGreaterThan(0);
    await writeKept(root, { kept: true, braces: '{agenda=2.1}' } as SlipSample);
    for (const lines of passed) {
      await writeMinutes(root, lines);
      const run = await runCli(['build', '--root', root]);
      expect(run.code, run.stderr).toBe(0);
      expect(await findMarker(path.join(root, 'output'))).toEqual([]);
    }
  }, 600_000);
});

describe("the members' folder is compared by its real path", () => {
  let root = '';
  let before = '';
  beforeAll(async () => {
    root = await createExemptProject();
    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    await symlink(path.join(root, 'output/site'), path.join(root, 'memlink'));
    await symlink(path.join(root, 'output'), path.join(root, 'outlink'));
    await symlink(root, `${root}-sitelink`);
    await symlink(root, `${root}-projlink`);
    before = await hashTree(path.join(root, 'output'));
  }, 120_000);

  const spellings: Array<[string, (root: string) => { args: string[]; written: string }]> = [
    ['a link to the published site', (r) => ({ args: ['--exempt', 'memlink'], written: path.join(r, 'memlink') })],
    [
      'a folder in a link to the output',
      (r) => ({ args: ['--exempt', 'outlink/members'], written: path.join(r, 'output/members') }),
    ],
    [
      'a folder of the project through a link and ..',
      (r) => ({
        args: ['--exempt', `../${path.basename(r)}-sitelink/members`],
        written: path.join(r, 'members'),
      }),
    ],
    [
      '--root through a link, the folder by its real path inside the site',
      (r) => ({
        args: ['--root', `${r}-projlink`, '--exempt', path.join(r, 'output/site/m2')],
        written: path.join(r, 'output/site/m2'),
      }),
    ],
  ];
  for (const [name, spell] of spellings) {
    it(`refuses ${name}, exit 2, writing nothing`, async () => {
      const { args, written } = spell(root);
      const run = await runCli(['build', ...(args[0] === '--root' ? [] : ['--root', root]), ...args], { cwd: root });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/cannot be written in or around the (public output|project)/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(await hashTree(path.join(root, 'output'))).toBe(before);
      if (!name.startsWith('a link to the published')) await expect(readdir(written)).rejects.toThrow();
    }, 60_000);
  }
});

describe('a paper made exempt after it was published leaves nothing behind in output/', () => {
  it('no release, cache or search bundle keeps it after the next build, with or without PDFs', async () => {
    const root = await copyExampleProject();
    await addExemptPapers(root);
    // First published as a public paper of Part 1.
    const publicFile = EXEMPT_REPORT.replace(/^exempt\//, 'content/');
    await rename(path.join(root, EXEMPT_REPORT), path.join(root, publicFile));
    await editFile(root, publicFile, 'exempt: 3\n', '');
    // A public paper never shows the set exempt as a whole.
    await editFile(
      root,
      publicFile,
      '  - title: A set exempt as a whole MARKERWORD\n    recommendations: { set: whole-exempt-set }\n',
      '',
    );
    const meeting = 'content/meetings/x-ppr/2005-12-08.yaml';
    const withPart2 = await readFile(path.join(root, meeting), 'utf8');
    await writeFile(
      path.join(root, meeting),
      withPart2.replace(/ {2}- kind: exclusion\npart_2:[\s\S]*$/, '  - report: 2005-12-08-x-ppr-12-exempt\n'),
    );
    await rm(path.join(root, 'exempt/minutes'), { recursive: true });
    await writeMinutes(root, []);
    const first = await runCli(['build', '--root', root]);
    expect(first.code, first.stderr).toBe(0);
    // The test can fail: the paper is public now, and found.
    expect((await findMarker(path.join(root, 'output'))).length).toBeGreaterThan(0);
    // Then made exempt: moved under exempt/ and into Part 2.
    await mkdir(path.join(root, 'exempt/reports/2005'), { recursive: true });
    await rename(path.join(root, publicFile), path.join(root, EXEMPT_REPORT));
    await editFile(root, EXEMPT_REPORT, 'appendices:', 'exempt: 3\nappendices:');
    await writeFile(path.join(root, meeting), withPart2);
    await writeMinutes(root, ['## Heading {agenda=2.1}']);
    const second = await runCli(['build', '--root', root, '--no-pdf']);
    expect(second.code, second.stderr).toBe(0);
    expect(await findMarker(path.join(root, 'output'))).toEqual([]);
    const third = await runCli(['build', '--root', root]);
    expect(third.code, third.stderr).toBe(0);
    expect(await findMarker(path.join(root, 'output'))).toEqual([]);
  }, 300_000);
});
