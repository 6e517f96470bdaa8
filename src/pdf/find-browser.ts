import { accessSync, constants } from 'node:fs';
import { PapersError } from '../errors/papers-error.ts';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export class BrowserNotFoundError extends PapersError {
  override name = 'BrowserNotFoundError';
  constructor(message: string) {
    super('E_BROWSER', message);
  }
}

/**
 * The system Chromium: PUPPETEER_EXECUTABLE_PATH if set, else Debian's.
 * puppeteer-core never downloads a browser of its own.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CANDIDATES): string {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new BrowserNotFoundError(
      `PUPPETEER_EXECUTABLE_PATH is ${configured}, which is not an executable file; point it at Chromium or unset it.`,
    );
  }
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new BrowserNotFoundError(
    'No Chromium found for printing PDFs: install it with `sudo apt-get install -y chromium`, or set PUPPETEER_EXECUTABLE_PATH.',
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
