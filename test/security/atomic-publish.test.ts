import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, readlink, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackChromium, useOwnTempDir } from '../helpers/chromium.ts';
import { createPdfProject } from '../helpers/pdf-project.ts';
import { copyExampleProject, editFile, PAGE_2005, REPO_ROOT, REPORT_2005 } from '../helpers/project.ts';
import { describeReleases } from '../helpers/releases.ts';
import { hashTree } from '../helpers/read-everything.ts';
import { runCli } from '../helpers/run-cli.ts';

/** One hash over every file's path and bytes. */
/** Start a build and SIGKILL it at the moment `when` sees in its output folder or its log. */
async function killBuildWhen(root: string, when: 'html' | 'pdf'): Promise<void> {
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'bin/papers.js'), 'build', '--root', root, '--concurrency', '1'],
    { env: { ...process.env, CI: 'true' } },
  );
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const closed = new Promise((resolve) => child.on('close', resolve));
  const published = path.basename(await readlink(path.join(root, 'output/site')));
  for (let tries = 0; tries < 3000; tries++) {
    const staging = (await readdir(path.join(root, 'output/.releases')).catch(() => [] as string[])).some(
      (n) => n !== published,
    );
    if ((when === 'html' && staging) || (when === 'pdf' && log.includes('PDF 1/'))) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGKILL');
  await closed;
}

describe('atomic publish', () => {
  let chromium: ReturnType<typeof trackChromium>;
  beforeAll(async () => {
    await useOwnTempDir();
    chromium = trackChromium();
  });
  afterAll(() => chromium.stop());

  it.each(['html', 'pdf'] as const)('a build killed during %s leaves the previous output whole', async (when) => {
    const root = await createPdfProject();
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const before = await hashTree(path.join(root, 'output/site'));
    await editFile(root, REPORT_2005, 'title: Crime and Disorder Reduction Partnerships', 'title: A changed title');
    await killBuildWhen(root, when);
    expect(await hashTree(path.join(root, 'output/site'))).toBe(before);
    // No Chromium outlives its killed parent: it exits when its pipe closes (on a busy machine, within seconds).
    let left = await chromium.alive();
    for (let i = 0; i < 100 && left.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = await chromium.alive();
    }
    expect(left).toEqual([]);
    if (when === 'pdf') expect(chromium.seen()).toBeGreaterThan(0);
    const next = await runCli(['build', '--root', root]);
    expect(next.code).toBe(0);
    expect(await readFile(path.join(root, 'output/site/committees/x-ppr/2005/051208/06/index.html'), 'utf8')).toContain(
      'A changed title',
    );
  });

  it('publishes by replacing a link in one step, keeps of the release before only what the new one shares, and clears what a build killed at the swap left', async () => {
    const root = await createPdfProject();
    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    const first = await readlink(path.join(root, 'output/site'));
    expect(first).toMatch(/^\.releases\/site-/);
    const before = await hashTree(path.join(root, 'output/site'));
    // A build killed at the swap: its release made, its new link made, the rename not done.
    await mkdir(path.join(root, 'output/.releases/site-killed'));
    await symlink('.releases/site-killed', path.join(root, 'output/.site-next'));
    expect(await hashTree(path.join(root, 'output/site'))).toBe(before);
    await editFile(root, REPORT_2005, 'title: Crime and Disorder Reduction Partnerships', 'title: A changed title');
    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    // The published release, and the one before as its spare: it may have held what has since been removed,
    // so it holds only links of the published files (describeReleases throws otherwise).
    const releases = await describeReleases(path.join(root, 'output/site'));
    expect(releases).toMatchObject({ published: path.basename(await readlink(path.join(root, 'output/site'))) });
    expect(`.releases/${releases.spare}`).toBe(first);
    expect(releases.spareFiles).toBeGreaterThan(0);
    // The edited report's page changed: the spare no longer holds the one it had.
    await expect(readFile(path.join(root, 'output/.releases', releases.spare ?? '', PAGE_2005))).rejects.toThrow();
    expect(await readdir(path.join(root, 'output'))).not.toContain('.site-next');
    expect(await readdir(path.join(root, 'output/.releases'))).not.toContain('site-killed');
  });

  it('runs one build at a time in an output folder, refusing the others with a message', async () => {
    const root = await createPdfProject();
    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    const runs = await Promise.all([0, 1, 2].map(() => runCli(['build', '--root', root, '--no-pdf'])));
    expect(runs.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
    for (const run of runs.filter((r) => r.code !== 0))
      expect(run.stderr).toMatch(/^papers: E_OUTPUT_LOCKED {2}another build \(process \d+\) is writing/);
    expect(await readFile(path.join(root, 'output/site/committees/x-ppr/2005/051208/06/index.html'), 'utf8')).toContain(
      'Crime and Disorder Reduction Partnerships',
    );
    await expect(describeReleases(path.join(root, 'output/site'))).resolves.toBeDefined();
  });

  it('builds the next release in the spare, publishing what a build from nothing publishes', async () => {
    const root = await copyExampleProject();
    const site = path.join(root, 'output/site');
    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    const first = await readlink(site);
    await editFile(root, REPORT_2005, 'title: Crime and Disorder Reduction Partnerships', 'title: A changed title');
    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    await editFile(root, REPORT_2005, 'title: A changed title', 'title: Another title');
    await editFile(root, 'data/glossary.yaml', 'Basic Command Unit', 'Basic Command Unit (of the police)');
    const third = await runCli(['build', '--root', root, '--no-pdf']);
    expect(third.code, third.stderr).toBe(0);
    // Published from the spare: the release of the first build, brought up to date.
    expect(await readlink(site)).toBe(first);
    await expect(describeReleases(site)).resolves.toMatchObject({ published: path.basename(first) });
    expect(await readFile(path.join(site, PAGE_2005), 'utf8')).toContain('Another title');
    const fresh = path.join(root, 'fresh');
    expect((await runCli(['build', '--root', root, '--no-pdf', '--output', fresh])).code).toBe(0);
    expect(await hashTree(site)).toBe(await hashTree(path.join(fresh, 'site')));
  });
});
