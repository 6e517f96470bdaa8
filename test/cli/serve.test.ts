import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.ts';
import { copyExampleProject, editFile, REPO_ROOT, REPORT_2005 } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

/** Get a page as a plain navigation (fetch() would say it is a script's request, and get no reload client). */
function getPage(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { accept: 'text/html' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Save as many editors do: write a new file beside it, then rename it over the old one. */
async function saveByRename(file: string, find: string, replace: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  await writeFile(`${file}.swp-new`, text.replace(find, replace));
  await rename(`${file}.swp-new`, file);
}

/** `papers serve` on a project, on a port of its own, once it says where it serves. */
async function startServe(root: string): Promise<{ child: ReturnType<typeof spawn>; url: string; out: () => string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [
    path.join(REPO_ROOT, 'bin/papers.js'),
    'serve',
    '--root',
    root,
    '--port',
    String(port),
  ]);
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const origin = await waitFor('the server', async () => /Serving .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]);
  return { child, url: `${origin}/committees/x-ppr/2005/051208/06/`, out: () => out };
}

describe('papers serve', () => {
  it('sees every save by rename, and keeps the PDFs of unchanged pages in a preview built without them', async () => {
    const root = await copyExampleProject();
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const serving = await startServe(root);
    const { child, url } = serving;
    try {
      const file = path.join(root, REPORT_2005);
      await saveByRename(file, 'title: Crime and Disorder Reduction Partnerships', 'title: First save');
      await waitFor('the first save', async () =>
        (await getPage(url)).includes('<h1>First save</h1>') ? true : undefined,
      );
      // Shown by rendering only the pages the edit reaches; the whole site is published soon after.
      await waitFor('the edit shown', async () => (/Shown in [\d.]+ s/.test(serving.out()) ? true : undefined));
      const published = path.join(root, 'output/site/committees/x-ppr/2005/051208/06/index.html');
      await waitFor('the published site', async () =>
        (await readFile(published, 'utf8')).includes('<h1>First save</h1>') ? true : undefined,
      );
      await saveByRename(file, 'title: First save', 'title: Second save');
      await waitFor('the second save', async () =>
        (await getPage(url)).includes('<h1>Second save</h1>') ? true : undefined,
      );
      // The unchanged report keeps its PDF; the edited one's, printed from its old text, is not carried over.
      const kept = await fetch(new URL('/committees/x-ppr/2004/041104/06/x-ppr-2004-11-04-06.pdf', url));
      expect(kept.status).toBe(200);
      expect(
        Buffer.from(await kept.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      await waitFor('the second save published', async () =>
        (await readFile(published, 'utf8')).includes('<h1>Second save</h1>') ? true : undefined,
      );
      expect((await fetch(`${url}x-ppr-2005-12-08-06.pdf`)).status).toBe(404);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.on('close', resolve));
    }
  });

  it('previews the site with live reload, rebuilding as files are edited', async () => {
    const root = await copyExampleProject();
    const serving = await startServe(root);
    const { child, url } = serving;
    try {
      const first = await getPage(url);
      expect(first).toContain('<h1>Crime and Disorder Reduction Partnerships</h1>');
      expect(first).toContain('<script src="/.papers/reload.js"></script>');

      await editFile(
        root,
        REPORT_2005,
        'title: Crime and Disorder Reduction Partnerships',
        'title: Partnerships, edited live',
      );
      await waitFor('the rebuilt page', async () =>
        (await getPage(url)).includes('<h1>Partnerships, edited live</h1>') ? true : undefined,
      );

      await editFile(root, REPORT_2005, 'number: 6', 'number: six');
      await waitFor('the error', async () =>
        serving.out().includes('E_SCHEMA') && serving.out().includes('the preview shows the last good build')
          ? true
          : undefined,
      );
      expect(await getPage(url)).toContain('<h1>Partnerships, edited live</h1>');

      // A rebuild that fails for a reason of the machine, not the content, keeps the last good build too.
      await editFile(root, REPORT_2005, 'number: six', 'number: 6');
      await rm(path.join(root, 'output/.cache'), { recursive: true, force: true });
      await writeFile(path.join(root, 'output/.cache'), 'a file where the cache folder goes');
      await editFile(root, REPORT_2005, 'title: Partnerships, edited live', 'title: Never published');
      await waitFor('the failed rebuild', async () =>
        serving.out().split('the preview shows the last good build').length > 2 ? true : undefined,
      );
      expect(await getPage(url)).toContain('<h1>Partnerships, edited live</h1>');
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.on('close', resolve));
    }
  });

  it('shows what stops a rebuild over the open page, as text, until it is fixed (real Chromium)', async () => {
    const root = await copyExampleProject();
    const serving = await startServe(root);
    const browser = await puppeteer.launch({
      executablePath: findBrowser(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(serving.url, { waitUntil: 'load' });
      expect(await page.$('#papers-problems')).toBeNull();
      // A value that would be markup, were the problem written as HTML.
      await editFile(root, REPORT_2005, 'number: 6', 'number: 6\nappendices_new_page: "<img src=x id=injected>"');
      await page.waitForSelector('#papers-problems', { timeout: 30_000 });
      const overlay = await page.$eval('#papers-problems', (el) => ({
        role: el.getAttribute('role'),
        text: (el as HTMLElement).innerText,
      }));
      expect(overlay.role).toBe('alert');
      expect(overlay.text).toContain('Not rebuilt: this page is the last good build.');
      expect(overlay.text).toContain(`${REPORT_2005}:`);
      expect(overlay.text).toContain('E_SCHEMA');
      expect(overlay.text).toContain('<img src=x id=injected>');
      expect(await page.$('#injected')).toBeNull();
      // A page opened while the problem stands shows it too.
      const second = await browser.newPage();
      await second.goto(serving.url, { waitUntil: 'load' });
      await second.waitForSelector('#papers-problems', { timeout: 30_000 });
      // Fixed: the problems are gone, from a page in the background too (polled: it gets no animation frames).
      await editFile(root, REPORT_2005, 'number: 6\nappendices_new_page: "<img src=x id=injected>"', 'number: 6');
      await page.waitForFunction(() => !document.getElementById('papers-problems'), { timeout: 30_000, polling: 100 });
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Crime and Disorder Reduction Partnerships');
      // An edit that changes the open page reloads it.
      await editFile(
        root,
        REPORT_2005,
        'title: Crime and Disorder Reduction Partnerships',
        'title: Reloaded with the edit',
      );
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Reloaded with the edit', {
        timeout: 30_000,
        polling: 100,
      });
    } finally {
      await browser.close();
      serving.child.kill('SIGINT');
      await new Promise((resolve) => serving.child.on('close', resolve));
    }
  });
});
