import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../src/pdf/find-browser.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('finding the system browser', () => {
  it('uses PUPPETEER_EXECUTABLE_PATH when it names an executable', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: process.execPath }, [])).toBe(process.execPath);
  });

  it('falls back to Debian’s Chromium and the other usual places', () => {
    expect(findBrowser({}, ['/nonexistent/chromium', process.execPath])).toBe(process.execPath);
  });

  it('says in one line how to install one when there is none', () => {
    expect(() => findBrowser({}, ['/nonexistent/chromium'])).toThrow(BrowserNotFoundError);
    expect(() => findBrowser({}, ['/nonexistent/chromium'])).toThrow(
      /^No Chromium found for printing PDFs: install it with `sudo apt-get install -y chromium`, or set PUPPETEER_EXECUTABLE_PATH\.$/,
    );
  });
});

describe('a browser that will not start', () => {
  it('stops the build with what to do, when its sandbox is forbidden (Ubuntu 23.10 and later)', async () => {
    const dir = await makeTempDir('fake-browser');
    const fake = path.join(dir, 'chromium');
    // What Chromium prints when the system forbids the user namespaces its sandbox needs.
    await writeFile(
      fake,
      '#!/bin/sh\necho "[1:1:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are running on Ubuntu 23.10+ ..." >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const root = await copyExampleProject();
    const run = await runCli(['build', '--root', root], { env: { PUPPETEER_EXECUTABLE_PATH: fake } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${fake} could not start its sandbox`);
    expect(run.stderr).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).toEqual(['chromium']);
  });
});
