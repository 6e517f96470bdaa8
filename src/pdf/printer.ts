import os from 'node:os';
import type { Page } from 'puppeteer-core';
import { PapersError } from '../errors/papers-error.ts';
import { forEachAtOnce } from '../util/for-each-at-once.ts';
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
  /** The path the site's links start with (`/`, or such as `/repo/`). */
  basePath?: string;
  /** The site's published address: a PDF's links to the site's pages go there, not to the printer's own server. */
  publishedAt?: string;
  /** Called as a print reaches each step of a tab's use, so a test can make a fault happen there. */
  atStep?: (step: PrintStep) => void | Promise<void>;
  concurrency?: number;
  timeoutMs?: number;
}

/** The steps of a tab's use: opened, page loaded, PDF being made, a failed tab being closed. */
export type PrintStep = 'opened' | 'loaded' | 'printing' | 'closing';

/** How every page is printed: with its backgrounds, at its CSS page size, tagged, with an outline for bookmarks. */
export const PRINT_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
  timeout: 0,
} as const;

/** How long a failed tab may take to close before it is left to the browser's own end. */
const CLOSE_TAB_MS = 5000;

/** How long after a crash a page is tried again: time for the browser to see its renderer gone. */
const CRASH_SETTLE_MS = 250;

/** How a print's error starts when its renderer crashed. */
const CRASHED = 'the page crashed';

export class PrintError extends PapersError {
  override name = 'PrintError';
  constructor(
    readonly source: string,
    message: string,
  ) {
    super('E_PRINT', `${message} (from ${source})`);
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
  /** Addresses off the site that pages asked for, all refused: nothing is fetched from the network. */
  refused: readonly string[];
  /** What the printer holds between PDFs: its idle tabs and the listeners on them (none, once a PDF is done). */
  retained(): { tabs: number; listeners: number };
}

export async function openPrinter(options: PrintOptions): Promise<Printer> {
  const server = await serveDirectory(options.siteDir, options.basePath);
  let running: Awaited<ReturnType<typeof launchBrowser>>;
  try {
    running = await launchBrowser(server.origin);
  } catch (err) {
    await server.close();
    throw err;
  }
  const concurrency = Math.max(1, options.concurrency ?? os.availableParallelism());
  const timeoutMs = options.timeoutMs ?? 60_000;
  // Tabs are reused from one PDF to the next.
  const idle: Page[] = [];
  const printOnce = async (request: PrintRequest) => {
    let page: Page | undefined;
    let timedOut = false;
    // Opening the tab is inside the timeout too: a renderer that dies while a tab opens must not hang the build.
    const work = (async () => {
      page = idle.pop() ?? (await running.browser.newPage());
      if (timedOut) throw new Error('timed out');
      await options.atStep?.('opened');
      return printPage(
        page,
        server.origin,
        request,
        options.publishedAt ? { publishedAt: options.publishedAt, basePath: options.basePath ?? '/' } : undefined,
        options.atStep,
      );
    })();
    try {
      const bytes = await withTimeout(work, timeoutMs, request);
      if (page) idle.push(page);
      return bytes;
    } catch (err) {
      timedOut = true;
      // A tab that opens after the timeout is closed as soon as it exists.
      work.catch(() => undefined).finally(() => void closeTab(page));
      await options.atStep?.('closing');
      await closeTab(page);
      throw err;
    }
  };
  // One restart in a run, shared by every print that found the browser gone.
  let restart: Promise<void> | undefined;
  // A browser that died (killed, or out of memory) is started again, once in a run.
  // A browser closed on purpose (Ctrl-C, the end of the run) is never started again.
  const restartIfGone = async () => {
    if (running.browser.connected || running.closing) {
      if (restart) await restart;
      return;
    }
    restart ??= (async () => {
      idle.length = 0;
      await running.close().catch(() => undefined);
      running = await launchBrowser(server.origin);
    })();
    await restart;
  };
  return {
    get pid() {
      return running.browser.process()?.pid;
    },
    refused: server.refused,
    retained: () => ({ tabs: idle.length, listeners: idle.reduce((n, page) => n + page.listenerCount('error'), 0) }),
    async print(request) {
      // A hang is tried once more. After a crash, twice more, a moment later: a fresh tab may
      // be given the renderer that just died before the browser has noticed, and crash or hang.
      let crashed = false;
      for (let attempt = 0; ; attempt++) {
        const outcome = await printOnce(request).then(
          (pdf) => ({ pdf }),
          (err: unknown) => ({ err }),
        );
        if ('pdf' in outcome) return outcome.pdf;
        crashed ||= isCrash(outcome.err);
        if (attempt >= (crashed ? 2 : 1)) throw toPrintError(request, outcome.err);
        if (crashed) await new Promise((resolve) => setTimeout(resolve, CRASH_SETTLE_MS));
        await restartIfGone();
      }
    },
    forEach: (items, work) => forEachAtOnce(items, concurrency, work),
    async close() {
      await running.close();
      await server.close();
    },
  };
}

interface PublishedSite {
  publishedAt: string;
  basePath: string;
}

/** Close a tab, waiting no longer than CLOSE_TAB_MS: a tab whose renderer died may never answer. */
async function closeTab(page: Page | undefined): Promise<void> {
  if (!page) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    page.close().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_TAB_MS))),
  ]);
  clearTimeout(timer);
}

async function printPage(
  page: Page,
  origin: string,
  request: PrintRequest,
  site: PublishedSite | undefined,
  atStep: PrintOptions['atStep'],
): Promise<Uint8Array> {
  // A crashed renderer is reported at once, not at the timeout. The listener is
  // added and removed as the same function (`once` would wrap it, and `off`
  // would then remove nothing, keeping this print's PDF alive through its closure).
  let onError: (err: Error) => void = () => undefined;
  const crashed = new Promise<never>((_, reject) => {
    onError = (err) => reject(new Error(`${CRASHED} (${err.message})`));
    page.on('error', onError);
  });
  crashed.catch(() => undefined);
  try {
    return await Promise.race([renderPdf(page, origin, request, site, atStep), crashed]);
  } finally {
    page.off('error', onError);
  }
}

async function renderPdf(
  page: Page,
  origin: string,
  request: PrintRequest,
  site: PublishedSite | undefined,
  atStep: PrintOptions['atStep'],
): Promise<Uint8Array> {
  const response = await page.goto(origin + request.url, { waitUntil: 'load', timeout: 0 });
  if (!response?.ok()) throw new Error(`the page answered ${response?.status() ?? 'nothing'}`);
  await atStep?.('loaded');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (site) await page.evaluate(pointLinksAtPublishedSite, site.publishedAt, site.basePath);
  const printing = page.pdf(PRINT_OPTIONS);
  if (atStep) {
    // Handled here too, so a failure while the step runs is not an unhandled rejection; the caller still gets it.
    printing.catch(() => undefined);
    await atStep('printing');
  }
  return printing;
}

/**
 * Runs in the page: a link to another page of the site goes to the published
 * address (a PDF is read far from the printer's loopback server, whose port
 * changes every run); a link within the page stays a link within the PDF.
 */
function pointLinksAtPublishedSite(publishedAt: string, basePath: string): void {
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const url = new URL(link.href);
    if (url.origin !== location.origin || (url.pathname === location.pathname && url.hash)) continue;
    const sitePath = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname.slice(1);
    link.href = new URL(sitePath + url.search + url.hash, publishedAt).href;
  }
}

function toPrintError(request: PrintRequest, err: unknown): PrintError {
  return new PrintError(
    request.source,
    `could not print ${request.url}: ${err instanceof Error ? err.message : String(err)}`,
  );
}

function isCrash(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith(CRASHED);
}

function withTimeout<T>(work: Promise<T>, ms: number, request: PrintRequest): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s (${request.url})`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
