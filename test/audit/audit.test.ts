import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_FILE, runAudit } from '../../src/audit/run-audit.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { useOwnTempDir } from '../helpers/chromium.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

/** The words of a built page, tags left out. */
async function readWords(siteDir: string, url: string): Promise<string> {
  const html = await readFile(path.join(siteDir, url, 'index.html'), 'utf8');
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('papers audit and the accessibility statement', () => {
  let root = '';
  beforeAll(async () => {
    await useOwnTempDir();
    root = await copyExampleProject();
    const build = await buildProject({ root });
    expect(build.ok).toBe(true);
  });

  it('says the site has not been tested until it has', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(path.join(root, AUDIT_FILE), { force: true });
    const build = await buildProject({ root, pdf: false });
    const words = await readWords(build.siteDir, 'accessibility');
    expect(words).toContain('This website has not yet been tested against the Web Content Accessibility Guidelines');
    expect(words).toContain('This website has not been tested yet.');
  });

  it('checks pages of every kind at 320 and 1,280 px and the PDFs, and the statement reports what it did', async () => {
    expect((await buildProject({ root })).ok).toBe(true);
    const cli = await runCli(['audit', '--root', root, '--per-type', '1', '--today', '2026-12-06']);
    expect(cli.stdout).toMatch(/^\d+ of \d+ pages checked at 320 and 1280 px, 4 of 4 PDFs: no problem found/m);
    expect(cli.code).toBe(0);
    const written = await readFile(path.join(root, AUDIT_FILE), 'utf8');
    expect(written).toContain('tested: 2026-12-06');
    const checked = await checkProject(root, { today: '2026-12-06' });
    expect(checked.errors.filter((e) => e.severity !== 'warning')).toEqual([]);
    const audit = checked.model!.publicPages.accessibility;
    expect(audit.status).toBe('full');
    const pages = audit.test!.pagesChecked;
    // One of each kind: the pages every site has, the search, and one of each kind made per item.
    expect(pages).toBeGreaterThanOrEqual(20);
    const build = await buildProject({ root, pdf: false });
    const words = await readWords(build.siteDir, 'accessibility');
    expect(words).toContain(
      'This website is fully compliant with the Web Content Accessibility Guidelines version 2.2',
    );
    expect(words).toContain('This website was last tested on 6 December 2026.');
    expect(words).toContain(`It checked ${pages} of the website's ${audit.test!.pagesTotal} pages`);
    expect(words).toMatch(/at window widths of 320 px and 1280 px, in Chromium [\d.]+, with axe-core [\d.]+/);
    expect(words).toContain("It checked 4 of the website's 4 PDFs with papers' PDF/UA-1 checks");
  });

  it('reports a page that breaks a rule, and the statement lists it and says the site is partially compliant', async () => {
    const build = await buildProject({ root, pdf: false });
    const glossary = path.join(build.siteDir, 'glossary/index.html');
    const html = await readFile(glossary, 'utf8');
    // A page that does not say its language, and an image with no text alternative.
    await writeFile(
      glossary,
      html.replace(/<html lang="[^"]*">/, '<html>').replace('<h1>', '<img src="/assets/favicon.svg"><h1>'),
    );
    const result = await runAudit({ root, perType: 1, pdfs: 1, today: '2026-12-07' });
    const problems = result.audit!.pages.problems;
    expect(problems.map((p) => p.where)).toContain('/glossary/ (glossary, 320 px)');
    expect(problems.map((p) => p.what)).toEqual(
      expect.arrayContaining([expect.stringContaining('html-has-lang'), expect.stringContaining('image-alt')]),
    );
    const cli = await runCli(['audit', '--root', root, '--per-type', '1']);
    expect(cli.code).toBe(1);
    const rebuilt = await buildProject({ root, pdf: false });
    const words = await readWords(rebuilt.siteDir, 'accessibility');
    expect(words).toContain('This website is partially compliant');
    expect(words).toContain('/glossary/ (glossary, 1280 px): Images must have alternative text');
  });

  it('says what to do when there is no built site, and exits 2 as for any usage mistake', async () => {
    const fresh = await copyExampleProject();
    const cli = await runCli(['audit', '--root', fresh]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('run `papers build` first');
    const wrong = await runCli(['audit', '--root', fresh, '--per-type', 'many']);
    expect(wrong.code).toBe(2);
  });
});
