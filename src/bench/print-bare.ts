import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchBrowser } from '../pdf/launch-browser.ts';
import { PRINT_OPTIONS } from '../pdf/printer.ts';
import { serveDirectory } from '../pdf/serve-directory.ts';
import { forEachAtOnce } from '../util/for-each-at-once.ts';

/**
 * The practical limit of printing here, for the benchmark: the same pages
 * through one browser started as papers starts it, with as many tabs as papers
 * opens, each tab kept from one page to the next, printed with the same options
 * (tagged, with an outline) and written out, with nothing else: no cache, no
 * footer or bookmarks put right, no links pointed at the published site.
 * The seconds it took, the browser's start included as it is in papers'.
 */
export async function printBare(
  siteDir: string,
  urls: readonly string[],
  outDir: string,
  concurrency = os.availableParallelism(),
): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const started = performance.now();
  const server = await serveDirectory(siteDir);
  const running = await launchBrowser(server.origin);
  try {
    const idle: Page[] = [];
    await forEachAtOnce(
      urls.map((url, i) => ({ url, i })),
      concurrency,
      async ({ url, i }) => {
        const page = idle.pop() ?? (await running.browser.newPage());
        await page.goto(server.origin + url, { waitUntil: 'load', timeout: 0 });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await writeFile(path.join(outDir, `${i}.pdf`), await page.pdf(PRINT_OPTIONS));
        idle.push(page);
      },
    );
  } finally {
    await running.close();
    await server.close();
  }
  return (performance.now() - started) / 1000;
}
