import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../src/pdf/find-browser.ts';

describe('finding the system browser', () => {
  it('uses PUPPETEER_EXECUTABLE_PATH when it names an executable', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: process.execPath }, [])).toBe(process.execPath);
  });

  it('falls back to Debian’s Chromium and the other usual places', () => {
    expect(findBrowser({}, ['/nonexistent/chromium', process.execPath])).toBe(process.execPath);
  });

  it('says in one line how to install one when there is none', () => {
    expect(() => findBrowser({}, ['/nonexistent/chromium'])).toThrow(BrowserNotFoundError);
    expect(() => findBrowser({}, ['/nonexistent/chromium'])).toThrow(/^No Chromium found for printing PDFs: install it with `sudo apt-get install -y chromium`, or set PUPPETEER_EXECUTABLE_PATH\.$/);
  });
});
