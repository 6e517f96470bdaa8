import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/render/format-feeds.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { cssString } from '../../src/render/css-string.ts';
import { copyExampleProject, editFile, REPORT_2005 } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';
import { listFiles } from '../helpers/site-build.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const REC_03 = 'content/recommendations/cdrp-scrutiny-2003/03.yaml';

describe('what the build writes is safe for where it goes', () => {
  it('open data CSV leads text a spreadsheet would run as a formula with an apostrophe', async () => {
    const root = await copyExampleProject();
    await editFile(root, REC_03, 'result: Awaits', `result: '=HYPERLINK("http://example.com","x")'`);
    const build = await buildProject({ root, outputDir: await makeTempDir('csv'), pdf: false });
    expect(build.errors.filter((e) => e.severity === 'error')).toEqual([]);
    const csv = await readFile(path.join(build.siteDir, 'data/recommendation-progress.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://example.com"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('refuses control characters in content, at their place', async () => {
    const root = await copyExampleProject();
    await editFile(
      root,
      'data/committees.yaml',
      'name: Planning, Performance & Review Committee',
      'name: "Planning\f}"',
    );
    await editFile(root, REPORT_2005, 'title: Crime and Disorder', 'title: Crime\u0007and Disorder');
    const { errors } = await checkProject(root);
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'E_ENCODING',
        file: 'data/committees.yaml',
        line: 4,
        col: 20,
        message: 'the file holds a control character (U+000C)',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'E_ENCODING',
        file: REPORT_2005,
        message: 'the file holds a control character (U+0007)',
      }),
    );
  });

  it('escapes every control character in CSS strings and drops those XML forbids', () => {
    expect(cssString('a\f}b"c\\d<e\nf')).toBe('"a\\c }b\\22 c\\5c d\\3c e\\a f"');
    expect(escapeXml('a\u0001b<c')).toBe('ab&lt;c');
  });

  it('keeps content that holds a line break on one line of output, so it cannot give CI workflow commands', async () => {
    const root = await copyExampleProject();
    await editFile(root, REC_03, 'status: awaits', 'status: "awaits\\n::stop-commands::pwned\\n::error::forged"');
    for (const env of [{ CI: 'true' }, { CI: 'true', GITHUB_ACTIONS: 'true' }]) {
      const run = await runCli(['check', '--root', root], { env });
      expect(run.code).not.toBe(0);
      const lines = `${run.stdout}\n${run.stderr}`.split('\n');
      expect(lines.filter((l) => l.startsWith('::') && !/^::(error|warning) file=/.test(l))).toEqual([]);
      expect(lines.some((l) => l.includes('awaits\\n::stop-commands::pwned'))).toBe(true);
    }
  });

  it('refuses images from outside the site in a body or in front matter, and never writes them as images', async () => {
    const root = await copyExampleProject();
    await editFile(
      root,
      REPORT_2005,
      '## Supporting information\n',
      '## Supporting information\n\n![Tracking pixel](https://tracker.example.com/p.gif)\n',
    );
    await editFile(root, REPORT_2005, 'summary: >-\n', 'summary: >-\n  ![x](//tracker.example.com/q.gif)\n');
    const { errors } = await checkProject(root);
    const text = await readFile(path.join(root, REPORT_2005), 'utf8');
    const bodyLine = text.split('\n').findIndex((l) => l.startsWith('![Tracking pixel]')) + 1;
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'E_MARKDOWN',
        file: REPORT_2005,
        line: bodyLine,
        message: 'an image from outside the site (https://tracker.example.com/p.gif)',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'E_MARKDOWN',
        file: REPORT_2005,
        message: 'an image from outside the site (//tracker.example.com/q.gif)',
      }),
    );
  });

  it('sends every page with a Content-Security-Policy that allows nothing from other sites', async () => {
    const build = await buildProject({
      root: await copyExampleProject(),
      outputDir: await makeTempDir('csp'),
      pdf: false,
    });
    const pages = await listFiles(build.siteDir, '.html');
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const html = await readFile(page, 'utf8');
      expect(html, page).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';`,
      );
      expect(html, page).toContain("frame-src 'none'; object-src 'none'");
    }
  });
});
