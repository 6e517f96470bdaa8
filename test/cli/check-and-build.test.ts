import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExampleProject, editFile, PAGE_2005, REPORT_2005 } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

const ERROR_LINE = /^(\S+):(\d+):(\d+) {2}(E_[A-Z_]+) {2}(.+) — (.+)$/;

describe('papers check', () => {
  it('passes on the example project and exits 0', async () => {
    const root = await copyExampleProject();
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('check passed: 2 reports, 2 meetings');
  });

  it("warns in CI, and only there, while base_url is still the example's address", async () => {
    const root = await copyExampleProject();
    const inCi = await runCli(['check', '--root', root], { env: { CI: 'true' } });
    expect(inCi.code).toBe(0);
    expect(inCi.stderr).toMatch(
      /^data\/site\.yaml:5:11 {2}E_EXAMPLE_ADDRESS \(warning\) {2}base_url is still the example's address/m,
    );
    expect(inCi.stdout).toContain('(0 errors, 1 warning)');
    expect((await runCli(['check', '--root', root], { env: { CI: '' } })).stderr).not.toContain('E_EXAMPLE_ADDRESS');
    await editFile(
      root,
      'data/site.yaml',
      'base_url: https://papers.example.org/',
      'base_url: https://owner.github.io/papers/',
    );
    expect((await runCli(['check', '--root', root], { env: { CI: 'true' } })).stderr).not.toContain(
      'E_EXAMPLE_ADDRESS',
    );
  });

  it('prints every error as path:line:col  CODE  message — hint, exits 1, no stack trace', async () => {
    const root = await copyExampleProject();
    await editFile(root, 'content/recommendations/cdrp-scrutiny-2003/03.yaml', 'status: awaits', 'staus: awaits');
    await editFile(root, 'content/recommendations/cdrp-scrutiny-2003/04.yaml', 'date: 2005-12-08', 'date: 2005-02-30');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('content/') || l.startsWith('data/'));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(ERROR_LINE);
    expect(run.stderr).toContain(
      'content/recommendations/cdrp-scrutiny-2003/03.yaml:13:13  E_UNKNOWN_FIELD  unknown field',
    );
    expect(run.stderr).toContain('content/recommendations/cdrp-scrutiny-2003/04.yaml:13:19  E_DATE');
    expect(run.stderr).toMatch(/\d+ errors/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('has --help', async () => {
    const run = await runCli(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--root');
  });
});

describe('papers build', () => {
  it('refuses to build broken content and leaves the previous output as it was', async () => {
    const root = await copyExampleProject();
    const first = await runCli(['build', '--root', root]);
    expect(first.code).toBe(0);
    const site = path.join(root, 'output/site');
    const before = await readFile(path.join(site, PAGE_2005), 'utf8');
    await mkdir(path.join(site, 'kept'), { recursive: true });
    await writeFile(path.join(site, 'kept/marker.txt'), 'previous build');

    await editFile(
      root,
      REPORT_2005,
      'title: Crime and Disorder Reduction Partnerships',
      'title: Changed title\nstaus: x',
    );
    const second = await runCli(['build', '--root', root]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('E_UNKNOWN_FIELD');
    expect(second.stderr).toContain('nothing was written');
    expect(await readFile(path.join(site, PAGE_2005), 'utf8')).toBe(before);
    expect(await readFile(path.join(site, 'kept/marker.txt'), 'utf8')).toBe('previous build');
    expect((await readdir(path.join(root, 'output'))).filter((n) => n.startsWith('.staging'))).toEqual([]);
  });

  it('writes both report pages at their archive URLs', async () => {
    const root = await copyExampleProject();
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(0);
    for (const page of ['committees/x-ppr/2004/041104/06/index.html', 'committees/x-ppr/2005/051208/06/index.html']) {
      const html = await readFile(path.join(root, 'output/site', page), 'utf8');
      expect(html).toContain('<h2 id="supporting-information">B. Supporting information</h2>');
    }
  });
});

describe('every command has --help', () => {
  it.each([
    ['build'],
    ['check'],
    ['pdf'],
    ['serve'],
    ['status'],
    ['changes'],
    ['new'],
    ['new', 'report'],
    ['new', 'meeting'],
    ['new', 'recommendation'],
    ['schemas'],
  ])('papers %s --help', async (...command) => {
    const run = await runCli([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/USAGE/);
  });
});
