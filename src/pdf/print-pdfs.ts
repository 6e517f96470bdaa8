import os from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from './launch-browser.ts';
import { serveDirectory } from './serve-directory.ts';

export interface PrintRequest {
  /** Path of the page on the site, such as `/committees/x-ppr/2005/051208/06/`. */
  url: string;
  /** Where the page came from, for error messages. */
  source: string;
}

export interface PrintOptions {
  siteDir: string;
  concurrency?: number;
  timeoutMs?: number;
}

export class PrintError extends Error {
  override name = 'PrintError';
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${message} (from ${source})`);
  }
}

/** A browser session that prints pages of one built site, several at a time. */
export interface Printer {
  print(request: PrintRequest): Promise<Uint8Array>;
  /** Run `work` over `items` with at most `concurrency` at once. */
  forEach<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void>;
  close(): Promise<void>;
  /** The browser's process id, for diagnostics. */
  pid: number | undefined;
}

export async function openPrinter(options: PrintOptions): Promise<Printer> {
  const server = await serveDirectory(options.siteDir);
  let running: Awaited<ReturnType<typeof launchBrowser>>;
  try {
    running = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  const concurrency = Math.max(1, options.concurrency ?? os.availableParallelism());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const printOnce = (request: PrintRequest) => withTimeout(printPage(running.browser, server.origin, request), timeoutMs, request);
  return {
    pid: running.browser.process()?.pid,
    async print(request) {
      try {
        return await printOnce(request);
      } catch {
        // One retry in a fresh page: a renderer that crashed or hung once may not again.
        try {
          return await printOnce(request);
        } catch (err) {
          throw new PrintError(request.source, `could not print ${request.url}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    },
    async forEach(items, work) {
      let next = 0;
      const worker = async () => {
        while (next < items.length) {
          const item = items[next++] as (typeof items)[number];
          await work(item);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    },
    async close() {
      await running.close();
      await server.close();
    },
  };
}

async function printPage(browser: Browser, origin: string, request: PrintRequest): Promise<Uint8Array> {
  const page = await browser.newPage();
  // A crashed renderer is reported at once, not at the timeout.
  const crashed = new Promise<never>((_, reject) => page.once('error', (err) => reject(new Error(`the page crashed (${err.message})`))));
  crashed.catch(() => undefined);
  try {
    return await Promise.race([renderPdf(page, origin, request), crashed]);
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function renderPdf(page: Page, origin: string, request: PrintRequest): Promise<Uint8Array> {
  await blockOutsideRequests(page, origin);
  const response = await page.goto(origin + request.url, { waitUntil: 'load', timeout: 0 });
  if (!response?.ok()) throw new Error(`the page answered ${response?.status() ?? 'nothing'}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: 0 });
}

/** PDFs never depend on the network: only the local site is reachable. */
async function blockOutsideRequests(page: Page, origin: string): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().startsWith(`${origin}/`) || req.url().startsWith('data:')) void req.continue();
    else void req.abort('blockedbyclient');
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, request: PrintRequest): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s (${request.url})`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
