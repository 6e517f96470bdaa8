import { showPdfLinks } from '../../src/render/pdf-links.ts';
import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { ImportError } from '../../src/import/import-error.ts';
import { importReport } from '../../src/import/import-report.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { findMissingLines, pageText } from '../helpers/page-text.ts';
import { copyExampleProject, PAGE_2004, PAGE_2005, REPORT_2004, REPORT_2005 } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';
import { SEED_2004, SEED_2005, SEEDS, seedBodyLines } from '../helpers/seeds.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { writeReportDocx } from '../helpers/write-docx.ts';

const SET = 'content/recommendations/cdrp-scrutiny-2003';
const SEED_REPORTS = [
  { seed: SEED_2005, report: REPORT_2005, page: PAGE_2005, meeting: 'x-ppr/2005-12-08', date: '2005-12-08' },
  { seed: SEED_2004, report: REPORT_2004, page: PAGE_2004, meeting: 'x-ppr/2004-11-04', date: '2004-11-04' },
] as const;

/** The example project without one report, its place on the agenda, and the progress its appendix showed. */
async function projectWithout(report: (typeof SEED_REPORTS)[number]): Promise<string> {
  const root = await copyExampleProject();
  await rm(path.join(root, report.report));
  await writeFile(path.join(root, `content/meetings/${report.meeting}.yaml`), 'agenda: []\n');
  for (const name of await readdir(path.join(root, SET))) {
    if (name === 'index.yaml') continue;
    const doc = parseDocument(await readFile(path.join(root, SET, name), 'utf8'));
    for (const kp of (
      doc.get('key_points') as {
        items: Array<{
          get(k: string): {
            items: Array<{ get(k: string): { items: Array<{ get(k: string): unknown }> } | undefined }>;
          };
        }>;
      }
    ).items) {
      for (const action of kp.get('actions').items) {
        const progress = action.get('progress');
        if (progress) progress.items = progress.items.filter((e) => String(e.get('date')) !== report.date);
      }
    }
    const commentary = doc.get('commentary') as { items: Array<{ get(k: string): unknown }> } | undefined;
    if (commentary) commentary.items = commentary.items.filter((e) => String(e.get('date')) !== report.date);
    await writeFile(path.join(root, SET, name), doc.toString());
  }
  return root;
}

/** Each recommendation's progress and commentary, as data. */
async function readProgress(root: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of (await readdir(path.join(root, SET))).filter((n) => n !== 'index.yaml')) {
    const data = parse(await readFile(path.join(root, SET, name), 'utf8')) as {
      key_points: Array<{ actions: Array<{ progress?: Array<{ date: string; status: string; result: string }> }> }>;
      commentary?: Array<{ date: string; text: string }>;
    };
    out[name] = {
      progress: data.key_points.map((kp) =>
        kp.actions.map((a) =>
          (a.progress ?? []).map((p) => ({ date: String(p.date), status: p.status, result: p.result.trim() })),
        ),
      ),
      commentary: (data.commentary ?? []).map((c) => ({ date: String(c.date), text: c.text.trim() })),
    };
  }
  return out;
}

/** A .docx with its word/document.xml changed by `change`. */
function withDocumentXml(docx: Buffer, change: (xml: string) => string): Buffer {
  const parts = unzipSync(new Uint8Array(docx));
  parts['word/document.xml'] = new TextEncoder().encode(change(new TextDecoder().decode(parts['word/document.xml'])));
  return Buffer.from(zipSync(parts));
}

/** Every file of the project, with its bytes: to show that nothing was written. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return new Map(
    await Promise.all(
      files.map(
        async (e) =>
          [
            path.relative(root, path.join(e.parentPath, e.name)),
            await readFile(path.join(e.parentPath, e.name), 'utf8'),
          ] as [string, string],
      ),
    ),
  );
}

describe('importing a Word report or a saved page of the archive', () => {
  const pages = new Map<string, string>();
  let exampleProgress: Record<string, unknown>;
  beforeAll(async () => {
    const root = await copyExampleProject();
    const built = await buildProject({ root, outputDir: await makeTempDir('import-source'), pdf: false });
    expect(built.ok).toBe(true);
    for (const r of SEED_REPORTS) pages.set(r.seed, await readFile(path.join(built.siteDir, r.page), 'utf8'));
    exampleProgress = await readProgress(root);
  }, 120_000);

  describe.each(SEED_REPORTS)('the seed $seed', (report) => {
    it.each(['docx', 'html'] as const)(
      'imported from %s, builds a page with every line of the seed in order, and its progress as the example has it',
      async (format) => {
        const root = await projectWithout(report);
        const input = path.join(await makeTempDir('import-input'), `report.${format}`);
        await writeFile(
          input,
          format === 'docx' ? await writeReportDocx(pages.get(report.seed)!) : pages.get(report.seed)!,
        );
        const result = await importReport({
          root,
          file: input,
          meeting: report.meeting,
          recommendations: 'cdrp-scrutiny-2003',
        });
        expect(result.written).toContain(report.report);
        const built = await buildProject({ root, outputDir: await makeTempDir('import-built'), pdf: false });
        expect(built.errors.filter((e) => e.severity === 'error')).toEqual([]);
        const lines = seedBodyLines(await readFile(path.join(SEEDS, report.seed), 'utf8'));
        expect(lines.length).toBeGreaterThan(50);
        // Built without PDFs, for speed: the page is read as it is published with its PDF, links shown.
        const page = showPdfLinks(await readFile(path.join(built.siteDir, report.page))).toString('utf8');
        expect(findMissingLines(lines, pageText(page))).toEqual([]);
        expect(await readProgress(root)).toEqual(exampleProgress);
      },
      120_000,
    );
  });

  it('never writes over a report, and a second import changes nothing', async () => {
    const report = SEED_REPORTS[1];
    const root = await projectWithout(report);
    const input = path.join(await makeTempDir('import-input'), 'report.html');
    await writeFile(input, pages.get(report.seed)!);
    await importReport({ root, file: input, meeting: report.meeting });
    const before = await snapshot(root);
    await expect(importReport({ root, file: input, meeting: report.meeting })).rejects.toMatchObject({
      code: 'E_IMPORT_EXISTS',
    });
    expect(await snapshot(root)).toEqual(before);
  });

  it('prints what it wrote, and what it could not map at its place, from the command line', async () => {
    const report = SEED_REPORTS[0];
    const root = await projectWithout(report);
    const input = path.join(await makeTempDir('import-input'), 'report.html');
    await writeFile(input, pages.get(report.seed)!);
    const run = await runCli([
      'import',
      input,
      '--meeting',
      report.meeting,
      '--recommendations',
      'cdrp-scrutiny-2003',
      '--root',
      root,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${report.report}`);
    expect(run.stdout).toContain('Wrote content/meetings/x-ppr/2005-12-08.yaml');
    expect(run.stdout).toContain('Wrote content/recommendations/cdrp-scrutiny-2003/24.yaml');
    expect(run.stdout).toContain('Added 39 progress entries of cdrp-scrutiny-2003');
    // A result with no status word is said, at its recommendation, with what was written.
    expect(run.stderr).toContain(
      'warning  Appendix 1, recommendation 9: no status word in "The responsibility for monitoring fundin…": written as `not-stated`; check it',
    );
    expect(run.stdout).toContain('Check passed.');
    expect((await checkProject(root)).errors.filter((e) => e.severity === 'error')).toEqual([]);
  });

  it('checks the whole project after importing: never "Check passed" while papers check fails', async () => {
    const report = SEED_REPORTS[0];
    const root = await projectWithout(report);
    // Without --recommendations the appendix stays a table: the boroughs' facts that cite its
    // recommendations no longer find them, in files import did not write.
    const input = path.join(await makeTempDir('import-input'), 'report.html');
    await writeFile(input, pages.get(report.seed)!);
    const run = await runCli(['import', input, '--meeting', report.meeting, '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('Check passed');
    expect(run.stderr).toMatch(/^data\/boroughs\/barnet\.yaml:\d+:\d+ +E_UNKNOWN_REF /m);
    expect(run.stderr).toMatch(/papers check fails after the import \(\d+ errors?\)/);
  });

  it('carries a Word footnote over as a note of the body, cited where it was', async () => {
    const root = await projectWithout(SEED_REPORTS[1]);
    const text = (t: string) => new Paragraph({ children: [new TextRun(t)] });
    const doc = new Document({
      footnotes: { 1: { children: [text('Home Office guidance of March 2004.')] } },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('CDRP borough performance')] }),
            text('Report: 6'),
            text('Date: 4 November 2004'),
            text('By: Commissioner'),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
            text('A summary.'),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('A. Recommendation')] }),
            text('That members note the report.'),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('B. Supporting information')] }),
            new Paragraph({
              children: [
                new TextRun('1. Audits are carried out every three years'),
                new FootnoteReferenceRun(1),
                new TextRun('.'),
              ],
            }),
          ],
        },
      ],
    });
    const input = path.join(await makeTempDir('import-note'), 'report.docx');
    await writeFile(input, await Packer.toBuffer(doc));
    const result = await importReport({ root, file: input, meeting: 'x-ppr/2004-11-04' });
    const file = path.join(root, 'content/reports/2004/2004-11-04-x-ppr-06-cdrp-borough-performance.md');
    // A Word report in the house template has no web opening line: the site's is used, its end left to write.
    expect(result.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/no opening line/));
    const checked = await checkProject(root);
    expect(checked.errors.filter((e) => e.severity === 'error').map((e) => [e.code, e.line])).toEqual([
      ['E_PLACEHOLDER', 7],
    ]);
    const written = await readFile(file, 'utf8');
    expect(written).not.toMatch(/^contacts:/m);
    await writeFile(file, written.replace(/^description: .*$/m, 'description: sets out audits.'));
    expect(written).toContain('Audits are carried out every three years[^1].');
    expect(written).toContain('[^1]: Home Office guidance of March 2004.');
    const built = await buildProject({ root, outputDir: await makeTempDir('import-note-built'), pdf: false });
    expect(built.errors.filter((e) => e.severity === 'error')).toEqual([]);
    const page = pageText(await readFile(path.join(built.siteDir, PAGE_2004), 'utf8'));
    expect(page).toContain('1. Audits are carried out every three years[1].');
    expect(page).toContain('Home Office guidance of March 2004.');
  });

  describe('refuses, with a clear error, and writes nothing', () => {
    let docx: Buffer;
    beforeAll(async () => {
      docx = await writeReportDocx(pages.get(SEED_2004)!);
    });
    const zipOf = (entries: Record<string, Uint8Array>) => Buffer.from(zipSync(entries));

    it.each([
      [
        'a file that is not a Word document',
        async () => Buffer.from('Crime and Disorder Reduction Partnerships\nReport: 6\n'),
        'E_IMPORT_FORMAT',
        'report.docx',
      ],
      [
        'a password-protected (or old .doc) document',
        async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
        'E_IMPORT_PROTECTED',
        'report.docx',
      ],
      [
        'a macro-enabled document',
        async () =>
          zipOf({
            '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
            'word/document.xml': new TextEncoder().encode('<w:document/>'),
            'word/vbaProject.bin': new Uint8Array(16),
          }),
        'E_IMPORT_MACROS',
        'report.docx',
      ],
      [
        'a zip bomb',
        async () => zipOf({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }),
        'E_IMPORT_ZIP_BOMB',
        'report.docx',
      ],
      [
        'a zip that is no Word document',
        async () => zipOf({ 'notes.txt': new TextEncoder().encode('hello') }),
        'E_IMPORT_FORMAT',
        'report.docx',
      ],
      [
        'a document with no opening block',
        async () => writeReportDocx('<p>Notes from the meeting.</p><p>Some more notes.</p>'),
        'E_IMPORT_OPENING',
        'report.docx',
      ],
      [
        'a document with an external entity (XXE)',
        async () =>
          withDocumentXml(docx, (xml) =>
            xml.replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
          ),
        'E_IMPORT_XXE',
        'report.docx',
      ],
      [
        'a document with an entity bomb',
        async () =>
          withDocumentXml(docx, (xml) =>
            xml.replace(
              /^(<\?xml[^>]*\?>)?/,
              `$1<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`).join('')}]>`,
            ),
          ),
        'E_IMPORT_ENTITIES',
        'report.docx',
      ],
      [
        'a document whose XML is malformed',
        async () => withDocumentXml(docx, (xml) => xml.replace(/<\/w:body>/, '<w:p><w:r></w:body>')),
        'E_IMPORT_XML',
        'report.docx',
      ],
      [
        'a document nested deeper than any report',
        async () =>
          withDocumentXml(docx, (xml) =>
            xml.replace(
              /<w:body>/,
              `<w:body>${'<w:sdt><w:sdtContent>'.repeat(400)}${'</w:sdtContent></w:sdt>'.repeat(400)}`,
            ),
          ),
        'E_IMPORT_DEPTH',
        'report.docx',
      ],
      [
        'a page nested deeper than any report',
        async () => Buffer.from(`<!doctype html><body>${'<div>'.repeat(20_000)}Report: 6${'</div>'.repeat(20_000)}`),
        'E_IMPORT_DEPTH',
        'page.html',
      ],
      [
        'a page in a charset papers cannot read',
        async () => Buffer.from('<!doctype html><meta charset="x-mac-klingon"><h1>A report</h1>'),
        'E_IMPORT_ENCODING',
        'page.html',
      ],
      [
        'a page naming another meeting than the one given (8 December 2005)',
        async () => Buffer.from(pages.get(SEED_2005)!),
        'E_IMPORT_MEETING',
        'page.html',
      ],
    ])('%s', async (_what, make, code, name) => {
      const root = await projectWithout(SEED_REPORTS[1]);
      const input = path.join(await makeTempDir('import-bad'), name);
      await writeFile(input, await make());
      const before = await snapshot(root);
      const error = await importReport({ root, file: input, meeting: 'x-ppr/2004-11-04' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ code });
      expect((error as ImportError).hint.length).toBeGreaterThan(20);
      expect(await snapshot(root)).toEqual(before);
    });

    it('a document with no opening block says which fields to add by hand', async () => {
      const root = await projectWithout(SEED_REPORTS[1]);
      const input = path.join(await makeTempDir('import-bad'), 'notes.docx');
      await writeFile(input, await writeReportDocx('<p>Notes from the meeting.</p>'));
      await expect(importReport({ root, file: input, meeting: 'x-ppr/2004-11-04' })).rejects.toThrow(
        /title, number \(the "Report:" line, or --number\), by \(the "By:" line\), summary .* recommendations/,
      );
    });

    it('a file over 50 MB, before reading it', async () => {
      const root = await projectWithout(SEED_REPORTS[1]);
      const input = path.join(await makeTempDir('import-bad'), 'huge.docx');
      await writeFile(input, docx);
      await truncate(input, 51 * 1024 * 1024);
      expect((await stat(input)).size).toBeGreaterThan(50 * 1024 * 1024);
      await expect(importReport({ root, file: input, meeting: 'x-ppr/2004-11-04' })).rejects.toMatchObject({
        code: 'E_IMPORT_SIZE',
      });
    });

    it('a real Word document passes these checks', async () => {
      const root = await projectWithout(SEED_REPORTS[1]);
      const input = path.join(await makeTempDir('import-good'), 'report.docx');
      await writeFile(input, docx);
      await expect(importReport({ root, file: input, meeting: 'x-ppr/2004-11-04' })).resolves.toMatchObject({
        written: expect.arrayContaining([REPORT_2004]),
      });
    });
  });
});
