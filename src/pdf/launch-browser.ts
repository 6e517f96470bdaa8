import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { isRunning } from '../util/is-running.ts';
import { BrowserNotFoundError, findBrowser } from './find-browser.ts';

const PROFILE_PREFIX = 'papers-chromium-';
const OWNER_FILE = 'papers-owner.pid';

/**
 * Profiles left by runs that were killed (a kill leaves no time to clean up),
 * recognised by the pid they name no longer running. Those of live runs, and
 * folders without an owner file, are left alone.
 */
export async function removeOrphanedProfiles(dir = os.tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(PROFILE_PREFIX))) {
    const owner = Number(await readFile(path.join(dir, name, OWNER_FILE), 'utf8').catch(() => 'NaN'));
    if (!Number.isInteger(owner) || owner <= 0 || isRunning(owner)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Flags for a quiet, offline, reproducible headless Chromium. */
const ARGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

/**
 * Why Chromium would not start, in words a user can act on. Ubuntu 23.10 and
 * later (GitHub's ubuntu-latest among them) forbid the user namespaces that
 * Chromium's sandbox needs, unless the browser has an AppArmor profile that
 * allows them, as Google Chrome's package has.
 */
export function explainLaunchFailure(error: unknown, executablePath: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/No usable sandbox/i.test(message)) {
    return new BrowserNotFoundError(
      `${executablePath} could not start its sandbox (this system forbids unprivileged user namespaces, as Ubuntu 23.10 and later do). ` +
        'Set PUPPETEER_EXECUTABLE_PATH to a browser allowed to (such as /usr/bin/google-chrome), or allow them: `echo 0 | sudo tee /proc/sys/kernel/apparmor_restrict_unprivileged_userns`.',
    );
  }
  // What the browser printed last says most; puppeteer's own advice and blank lines are left out.
  const said = message
    .split('stderr:')[1]
    ?.split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('TROUBLESHOOTING'))
    .at(-1);
  return new BrowserNotFoundError(`${executablePath} did not start: ${said ?? message.split('\n')[0]}`);
}

export interface RunningBrowser {
  browser: Browser;
  close(): Promise<void>;
  /** True once `close` was called (by the run, or on Ctrl-C): the browser is gone on purpose. */
  readonly closing: boolean;
}

/**
 * One Chromium for a whole run, in a throw-away profile. `close` is safe to
 * call more than once and also runs on Ctrl-C, so no process is left behind.
 * Every request, loopback included, goes through `proxy` (the local site's
 * server, which refuses any address but its own), so a page cannot reach the network.
 */
export async function launchBrowser(proxy: string): Promise<RunningBrowser> {
  const executablePath = findBrowser();
  await removeOrphanedProfiles();
  const profile = await mkdtemp(path.join(os.tmpdir(), PROFILE_PREFIX));
  // Which process the profile belongs to: a later run removes it if that process was killed before it could.
  await writeFile(path.join(profile, OWNER_FILE), String(process.pid));
  const args = [...ARGS, `--user-data-dir=${profile}`, `--proxy-server=${proxy}`, '--proxy-bypass-list=<-loopback>'];
  // Chromium refuses to run as root with its sandbox on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args,
      pipe: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    // Over a pipe, puppeteer cannot say why the browser stopped; started the other way, it reports what the browser printed.
    const reason = await puppeteer
      .launch({
        executablePath,
        headless: true,
        args,
        pipe: false,
        timeout: 15_000,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
      .then(
        async (b) => {
          await b.close();
          return error;
        },
        (second: unknown) => second,
      );
    await rm(profile, { recursive: true, force: true });
    throw explainLaunchFailure(reason, executablePath);
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    try {
      await browser.close();
    } catch {
      browser.process()?.kill('SIGKILL');
    }
    await rm(profile, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void close().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    browser,
    close,
    get closing() {
      return closed;
    },
  };
}
