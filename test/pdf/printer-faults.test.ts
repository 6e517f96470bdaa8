import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackChromium, useOwnTempDir } from '../helpers/chromium.ts';
import { collectDescendants, listProcesses } from '../../src/util/process-tree.ts';
import { removeOrphanedProfiles } from '../../src/pdf/launch-browser.ts';
import { openPrinter, PrintError, type PrintOptions, type Printer } from '../../src/pdf/printer.ts';
import { createPdfProject, PDF_2005 } from '../helpers/pdf-project.ts';
import { editFile, REPO_ROOT, REPORT_2005 } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let tempDir = '';
let chromium: ReturnType<typeof trackChromium>;

/** SIGKILL the renderer processes under one browser (and only that browser). */
async function killRenderers(browserPid: number): Promise<number> {
  const rows = await listProcesses();
  const family = collectDescendants(rows, browserPid);
  const renderers = rows.filter((r) => family.has(r.pid) && r.args.includes('--type=renderer'));
  let killed = 0;
  for (const r of renderers) {
    try {
      process.kill(r.pid, 'SIGKILL');
      killed++;
    } catch {
      // Gone between the listing and the kill.
    }
  }
  return killed;
}

/** Open a printer on `options`, run `work` with it, close it, and check that no Chromium it started is left. */
async function printWith(options: PrintOptions, work: (printer: Printer) => Promise<void>): Promise<void> {
  const printer = await openPrinter(options);
  try {
    await work(printer);
  } finally {
    await printer.close();
  }
  expect(await chromium.alive()).toEqual([]);
}

describe('printer faults', () => {
  beforeAll(async () => {
    tempDir = await useOwnTempDir();
    chromium = trackChromium();
  });
  afterAll(() => chromium.stop());

  it('prints a page that asks for things off the site without any request leaving the machine', async () => {
    const site = await makeTempDir('offline');
    const outside = createServer((_req, res) => res.end('body { color: red }'));
    await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
    const otherPort = `http://127.0.0.1:${(outside.address() as AddressInfo).port}/x.css`;
    let reached = 0;
    outside.on('request', () => reached++);
    const asks = ['http://192.0.2.1/photo.png', 'https://fonts.example.com/font.css', otherPort];
    await writeFile(
      path.join(site, 'index.html'),
      `<!doctype html><title>off</title><link rel="stylesheet" href="${asks[1]}"><link rel="stylesheet" href="${asks[2]}"><p>Text.<img src="${asks[0]}" alt=""></p>`,
    );
    const printer = await openPrinter({ siteDir: site, timeoutMs: 10_000 });
    try {
      const started = Date.now();
      const bytes = await printer.print({ url: '/', source: 'content/reports/offline.md' });
      expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
      expect(Date.now() - started).toBeLessThan(8000);
      expect(reached).toBe(0);
      // A secure address is refused at its CONNECT, which names only host and port.
      expect(printer.refused).toEqual(expect.arrayContaining([asks[0], 'fonts.example.com:443', asks[2]]));
    } finally {
      await printer.close();
      outside.close();
    }
  });

  it('retries a page that hangs once, then reports it with its source, and leaves no Chromium', async () => {
    const site = await makeTempDir('hang');
    await writeFile(path.join(site, 'index.html'), '<!doctype html><title>ok</title><p>Fine.</p>');
    await mkdir(path.join(site, 'hang'));
    await writeFile(
      path.join(site, 'hang/index.html'),
      '<!doctype html><title>hang</title><script>for (;;) {}</script>',
    );
    await printWith({ siteDir: site, timeoutMs: 3000 }, async (printer) => {
      const started = Date.now();
      const error = await printer
        .print({ url: '/hang/', source: 'content/reports/hanging.md' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrintError);
      expect((error as PrintError).source).toBe('content/reports/hanging.md');
      expect((error as Error).message).toContain('timed out');
      expect(Date.now() - started).toBeGreaterThanOrEqual(6000);
      const missing = await printer
        .print({ url: '/missing/', source: 'content/reports/missing.md' })
        .catch((e: unknown) => e);
      expect((missing as Error).message).toContain('answered 404');
      const good = await printer.print({ url: '/', source: 'content/reports/good.md' });
      expect(Buffer.from(good.subarray(0, 5)).toString()).toBe('%PDF-');
    });
  });

  it('starts the browser again once when it is killed while printing, and prints the page', async () => {
    const site = await makeTempDir('killed-browser');
    await writeFile(
      path.join(site, 'index.html'),
      '<!doctype html><title>slow</title><script>const end = Date.now() + 1500; while (Date.now() < end) {}</script><p>Printed after the browser died.</p>',
    );
    await printWith({ siteDir: site, timeoutMs: 20_000 }, async (printer) => {
      const first = printer.pid ?? 0;
      const printing = printer.print({ url: '/', source: 'content/reports/killed.md' });
      await new Promise((resolve) => setTimeout(resolve, 700));
      process.kill(first, 'SIGKILL');
      const pdf = await printing;
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(printer.pid).not.toBe(first);
    });
  });

  it('removes the profile a killed run left, and none of a run still going', async () => {
    const orphan = path.join(tempDir, 'papers-chromium-orphan');
    const live = path.join(tempDir, 'papers-chromium-live');
    await mkdir(orphan);
    await mkdir(live);
    // A pid that no process has (pid_max is at most 2^22 on Linux).
    await writeFile(path.join(orphan, 'papers-owner.pid'), String(2 ** 22 + 1));
    await writeFile(path.join(live, 'papers-owner.pid'), String(process.pid));
    expect(await removeOrphanedProfiles(tempDir)).toEqual(['papers-chromium-orphan']);
    expect(await readdir(tempDir)).toContain('papers-chromium-live');
  });

  it('retries a page whose renderer crashed, and prints it', async () => {
    const site = await makeTempDir('crash');
    await writeFile(
      path.join(site, 'index.html'),
      '<!doctype html><title>slow</title><script>const end = Date.now() + 1500; while (Date.now() < end) {}</script><p>Printed after a crash.</p>',
    );
    // Killed while its page runs its script: once the first tab is open (on a busy machine that
    // takes a while), then a moment into the page's loading.
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    await printWith(
      { siteDir: site, timeoutMs: 20_000, atStep: (step) => void (step === 'opened' && opened()) },
      async (printer) => {
        const printing = printer.print({ url: '/', source: 'content/reports/crashing.md' });
        await open;
        await new Promise((resolve) => setTimeout(resolve, 500));
        const killed = await killRenderers(printer.pid ?? 0);
        expect(killed).toBeGreaterThan(0);
        const pdf = await printing;
        expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      },
    );
  });

  it.each(['opened', 'loaded', 'printing'] as const)(
    'a renderer killed when its tab is %s: the page is printed on the retry, without a hang',
    async (step) => {
      const site = await makeTempDir(`killed-${step}`);
      await writeFile(
        path.join(site, 'index.html'),
        '<!doctype html><title>ok</title><p>Printed after its renderer was killed.</p>',
      );
      let killed = 0;
      let current: Printer | undefined;
      const atStep = async (at: string) => {
        if (at !== step || killed > 0) return;
        killed = await killRenderers(current?.pid ?? 0);
        // A killed renderer takes a moment to be noticed; the step goes on as it would.
        await new Promise((resolve) => setTimeout(resolve, 200));
      };
      await printWith({ siteDir: site, timeoutMs: 20_000, concurrency: 1, atStep }, async (printer) => {
        current = printer;
        const started = Date.now();
        const pdf = await printer.print({ url: '/', source: `content/reports/${step}.md` });
        expect(killed, 'a renderer was there to kill').toBeGreaterThan(0);
        expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
        // Bounded by its timeouts (a busy machine may use them), never waiting on a dead tab.
        expect(Date.now() - started).toBeLessThan(70_000);
      });
    },
  );

  it('a renderer killed as a failed tab is closed: a clear failure, without a hang', async () => {
    const site = await makeTempDir('killed-closing');
    await writeFile(path.join(site, 'index.html'), '<!doctype html><title>hang</title><script>for (;;) {}</script>');
    let kills = 0;
    let current: Printer | undefined;
    const atStep = async (at: string) => {
      if (at === 'closing') kills += await killRenderers(current?.pid ?? 0);
    };
    await printWith({ siteDir: site, timeoutMs: 2000, concurrency: 1, atStep }, async (printer) => {
      current = printer;
      const started = Date.now();
      const error = await printer.print({ url: '/', source: 'content/reports/closing.md' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrintError);
      expect((error as Error).message).toMatch(/^could not print \/: timed out after 2 s/);
      expect(kills).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(30_000);
    });
  });

  it('stops cleanly on Ctrl-C during printing: no Chromium left, no output published', async () => {
    const root = await createPdfProject();
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/papers.js'), 'build', '--root', root, '--concurrency', '1'],
      { env: { ...process.env, CI: 'true' } },
    );
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('PDF 1/')) resolve();
      });
    });
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('close', resolve));
    expect(await chromium.alive()).toEqual([]);
    await expect(stat(path.join(root, 'output/site'))).rejects.toThrow();
    // The next build clears what the killed one left and publishes whole.
    const next = await runCli(['build', '--root', root, '--no-pdf']);
    expect(next.code).toBe(0);
    expect((await readdir(path.join(root, 'output'))).filter((n) => n.startsWith('.staging'))).toEqual([]);
  });

  it('a build whose PDFs cannot be printed fails cleanly, naming the source', async () => {
    const root = await createPdfProject();
    const run = await runCli(['build', '--root', root, '--pdf-timeout', '0.001', '--concurrency', '1']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/could not print \/committees\/\S+: timed out .* \(from content\/reports\/\S+\.md\)/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    await expect(stat(path.join(root, 'output/site'))).rejects.toThrow();
    expect((await readdir(path.join(root, 'output'))).filter((n) => n.startsWith('.staging'))).toEqual([]);
    expect(await chromium.alive()).toEqual([]);
  });

  it('papers pdf prints the PDFs alone from built HTML', async () => {
    const root = await createPdfProject();
    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    await expect(readFile(path.join(root, 'output/site', PDF_2005))).rejects.toThrow();
    const run = await runCli(['pdf', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('6 PDFs printed, 0 unchanged');
    expect((await readFile(path.join(root, 'output/site', PDF_2005))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('papers pdf refuses to print pages older than the content', async () => {
    const root = await createPdfProject();
    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    await editFile(root, REPORT_2005, 'title: Crime and Disorder Reduction Partnerships', 'title: A newer title');
    const run = await runCli(['pdf', '--root', root]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(
      /The built site is older than the content \(\d+ pages?, such as \/committees\/x-ppr\/2005\/051208\/06\/\)/,
    );
    await expect(readFile(path.join(root, 'output/site', PDF_2005))).rejects.toThrow();
  });
});
