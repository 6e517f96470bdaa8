import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdfProject, PDF_2005 } from '../helpers/pdf-project.ts';
import { PAGE_2005 } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

/** Every link to a PDF in every page of the published site, and whether the site holds the file. */
async function listPdfHrefs(site: string): Promise<Array<{ page: string; href: string; found: boolean }>> {
  const pages = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.html'));
  const links = [];
  for (const page of pages) {
    const html = await readFile(path.join(site, page), 'utf8');
    for (const [, href] of html.matchAll(/href="([^"]+\.pdf)"/g)) {
      const found = (await stat(path.join(site, ...href!.split('/'))).catch(() => undefined))?.isFile() ?? false;
      links.push({ page, href: href!, found });
    }
  }
  return links;
}

describe('links to PDFs', () => {
  it('are published only with their PDFs: a build without PDFs hides them, and papers pdf shows them again', async () => {
    const root = await createPdfProject();
    const site = path.join(root, 'output/site');
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    const full = await listPdfHrefs(site);
    expect(full.length).toBeGreaterThan(10);
    expect(full.filter((l) => !l.found)).toEqual([]);

    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    await expect(stat(path.join(site, PDF_2005))).rejects.toThrow();
    expect(await listPdfHrefs(site)).toEqual([]);
    const page = await readFile(path.join(site, PAGE_2005), 'utf8');
    expect(page).not.toContain('Report 6 as a PDF');
    expect(page).not.toContain('Supporting material');

    const printed = await runCli(['pdf', '--root', root]);
    expect(printed.code, printed.stderr).toBe(0);
    const again = await listPdfHrefs(site);
    expect(again.map((l) => `${l.page} ${l.href}`).sort()).toEqual(full.map((l) => `${l.page} ${l.href}`).sort());
    expect(again.filter((l) => !l.found)).toEqual([]);
    expect(await readFile(path.join(site, PAGE_2005), 'utf8')).toMatch(/Report 6 as a PDF<\/a> <span[^>]*>PDF \d+ KB</);
  }, 240_000);
});
