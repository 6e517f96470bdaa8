import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalisePdf, type PdfMetadata } from '../../src/pdf/finalise-pdf.ts';
import { openPrinter, type Printer } from '../../src/pdf/printer.ts';
import { type BuildResult, buildProject } from '../../src/pipeline/build-project.ts';
import { useOwnTempDir } from '../helpers/chromium.ts';
import { readPageTexts } from '../helpers/pdf.ts';
import { createPdfProject } from '../helpers/pdf-project.ts';
import { checkPdfUa } from '../../src/audit/check-pdf-ua.ts';
import { editFile, REPORT_2004 } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const META: PdfMetadata = {
  title: 'A page with a figure',
  author: 'Clerk',
  subject: 'Test',
  keywords: [],
  date: '2005-12-08',
  language: 'en-GB',
};

/** A one-pixel PNG. */
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function listPdfs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => name.endsWith('.pdf')).map((name) => path.join(dir, name));
}

describe('PDF/UA-1', () => {
  let build: BuildResult;
  beforeAll(async () => {
    await useOwnTempDir();
    const root = await createPdfProject();
    // A footnote, whose link back to the text is for the screen only.
    await editFile(root, REPORT_2004, 'Progress has been made', 'Progress[^1] has been made');
    await writeFile(path.join(root, REPORT_2004), '\n[^1]: As reported to the Authority.\n', { flag: 'a' });
    build = await buildProject({ root });
    expect(build.errors).toEqual([]);
  });

  it('holds for every PDF of the example: reports and packs', async () => {
    const pdfs = await listPdfs(build.siteDir);
    expect(pdfs.length).toBeGreaterThanOrEqual(6);
    for (const file of pdfs)
      expect({ file, failures: await checkPdfUa(await readFile(file)) }).toEqual({ file, failures: [] });
  });

  it('prints no link back from a footnote', async () => {
    const pdfs = await listPdfs(build.siteDir);
    const texts = (await Promise.all(pdfs.map(readPageTexts))).flat().join('\n');
    expect(texts).toContain('As reported to the Authority.');
    expect(texts).not.toMatch(/[↩\u21a9]/);
  });

  describe('a page printed alone', () => {
    let printer: Printer;
    let siteDir = '';
    beforeAll(async () => {
      siteDir = await makeTempDir('pdf-ua');
      await writeFile(
        path.join(siteDir, 'figure.html'),
        `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Figure</title>
<style>@page { margin: 2cm; @bottom-left { content: "Running footer"; } } html { background: #fff; }</style></head><body>
<h1>Crime figures</h1><h2>By borough</h2>
<p><img src="data:image/png;base64,${PIXEL}" alt="A chart of crime by borough" width="40" height="40"></p>
<table><caption>Cases</caption><thead><tr><th>Borough</th><th>Cases</th></tr></thead>
<tbody><tr><th scope="row">Barnet</th><td>3</td></tr></tbody></table></body></html>`,
      );
      printer = await openPrinter({ siteDir, concurrency: 1 });
    });
    afterAll(async () => printer?.close());

    it('keeps a figure’s alternative text, its table headers and marks the running footer as an artifact', async () => {
      const printed = await printer.print({ url: '/figure.html', source: 'test' });
      const final = finalisePdf(printed, META, 'figure');
      expect(await checkPdfUa(final)).toEqual([]);
      const structure = Buffer.from(final).toString('latin1');
      expect(structure).toContain('/S /Figure');
      expect(structure).toContain('(A chart of crime by borough)');
      expect((await PDFDocument.load(final)).getTitle()).toBe(META.title);
    });

    it('finds what Chromium leaves for papers to do: unmarked footers and no XMP metadata', async () => {
      const printed = await printer.print({ url: '/figure.html', source: 'test' });
      const failures = await checkPdfUa(printed);
      expect(failures).toContain('the catalog has no XMP metadata stream');
      expect(failures.some((f) => /paints \(.*\) outside marked content/.test(f))).toBe(true);
    });
  });
});
