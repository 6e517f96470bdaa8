import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importArchive } from '../../src/pipeline/import-archive.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ARCHIVE = path.join(REPO_ROOT, 'test/fixtures/archive');

/** The archive fixture's data with no content: a project about to take its archive in. */
async function emptyProject(): Promise<string> {
  const root = await makeTempDir('archive-empty');
  await cp(path.join(ARCHIVE, 'data'), path.join(root, 'data'), { recursive: true });
  await mkdir(path.join(root, 'content'));
  return root;
}

describe('papers import <folder>: a saved copy of the archive website in one run', () => {
  let site = '';
  beforeAll(async () => {
    const built = await buildProject({ root: ARCHIVE, outputDir: await makeTempDir('archive-site'), pdf: false });
    expect(built.ok).toBe(true);
    site = built.siteDir;
  }, 120_000);

  it('imports every page of a report, agenda and minutes, adds the committees they name, and finds every line on the built pages', async () => {
    const root = await emptyProject();
    // Two committees the project does not know yet, added for review with the names their pages' opening
    // lines give (one of a committee's pages may have none; another names it).
    const committees = await readFile(path.join(root, 'data/committees.yaml'), 'utf8');
    await writeFile(
      path.join(root, 'data/committees.yaml'),
      committees.replace(/\n {2}- code: (sop|cep)[\s\S]*?(?=\n {2}- code:|$)/g, ''),
    );
    const result = await importArchive({ root, folder: site });
    const imported = result.pages.filter((p) => p.status === 'imported');
    // Ten reports, ten meetings' agendas, three minutes.
    expect(imported.filter((p) => /\/\d{6}\/\d+[a-z]?\/index\.html$/.test(p.source))).toHaveLength(10);
    expect(imported.filter((p) => /\/\d{6}\/index\.html$/.test(p.source))).toHaveLength(10);
    expect(imported.filter((p) => /\/minutes\/index\.html$/.test(p.source))).toHaveLength(3);
    expect(imported).toHaveLength(23);
    expect(result.pages.filter((p) => p.status === 'refused')).toEqual([]);
    expect(result.committees.sort()).toEqual(['cep', 'sop']);
    const added = await readFile(path.join(root, 'data/committees.yaml'), 'utf8');
    expect(added).toMatch(/- code: sop\n\s+name: Strategic and Operational Policing Committee\n/);
    expect(added).toMatch(/- code: cep\n\s+name: Communities, Equalities and People Committee\n/);
    expect(result.errors).toEqual([]);
    expect((await checkProject(root)).errors.filter((e) => e.severity === 'error')).toEqual([]);
    for (const page of imported) {
      expect(page.lines?.total, page.source).toBeGreaterThan(3);
      expect(page.lines?.missing, page.source).toEqual([]);
    }
  }, 120_000);

  it('resumes: a second run skips what it imported, and never writes over a report edited by hand', async () => {
    const root = await emptyProject();
    const folder = path.join(await makeTempDir('archive-copy'), 'site');
    await cp(site, folder, { recursive: true, dereference: true });
    await importArchive({ root, folder });
    const second = await importArchive({ root, folder });
    expect(second.pages.filter((p) => p.status === 'unchanged')).toHaveLength(23);
    expect(second.pages.filter((p) => p.status === 'imported')).toEqual([]);
    // A report edited by hand, and its page changed in the archive: the edit stays.
    const page = second.pages.find((p) => p.status === 'unchanged')!;
    const file = path.join(root, page.file!);
    const edited = `${await readFile(file, 'utf8')}\nA line added by hand.\n`;
    await writeFile(file, edited);
    const source = path.join(folder, page.source);
    await writeFile(
      source,
      (await readFile(source, 'utf8')).replace('</article>', '<p>A line added later.</p></article>'),
    );
    const third = await importArchive({ root, folder });
    expect(third.pages.find((p) => p.source === page.source)).toMatchObject({ status: 'edited', file: page.file });
    expect(await readFile(file, 'utf8')).toBe(edited);
  }, 120_000);

  it('resumes a meeting: a report imported later joins the agenda its page gave, which stays as it was', async () => {
    const root = await emptyProject();
    const folder = path.join(await makeTempDir('archive-later'), 'site');
    await cp(site, folder, { recursive: true, dereference: true });
    await importArchive({ root, folder });
    const meeting = path.join(root, 'content/meetings/sop/2009-04-02.yaml');
    const source = 'committees/sop/2009/090402/09/index.html';
    const manifestFile = path.join(root, 'output/import/manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    const report = manifest.pages[source].file as string;
    // As if the report's page had not been saved the first time.
    await rm(path.join(root, report));
    delete manifest.pages[source];
    await writeFile(manifestFile, JSON.stringify(manifest));
    const id = path.basename(report, '.md');
    await writeFile(meeting, (await readFile(meeting, 'utf8')).replace(`  - report: ${id}\n`, ''));
    const again = await importArchive({ root, folder });
    expect(again.pages.find((p) => p.source === source)).toMatchObject({ status: 'imported' });
    // The meeting file was changed since (the line taken out): its page is left as it is, and the report joins it.
    expect(again.pages.find((p) => p.source === 'committees/sop/2009/090402/index.html')).toMatchObject({
      status: 'edited',
    });
    const text = await readFile(meeting, 'utf8');
    expect(text).toContain('title: Apologies for absence');
    expect(text).toContain(`report: ${id}`);
    expect(again.errors).toEqual([]);
  }, 120_000);

  it('refuses a page it cannot read, says why, and imports the rest', async () => {
    const root = await emptyProject();
    const folder = path.join(await makeTempDir('archive-bad'), 'site');
    await cp(site, folder, { recursive: true, dereference: true });
    const bad = 'committees/sop/2009/090402/09/index.html';
    await writeFile(path.join(folder, bad), `<!doctype html><body>${'<div>'.repeat(5000)}Report: 9`);
    const result = await importArchive({ root, folder });
    expect(result.pages.find((p) => p.source === bad)).toMatchObject({ status: 'refused', code: 'E_IMPORT_DEPTH' });
    expect(result.pages.filter((p) => p.status === 'imported')).toHaveLength(22);
    // From the command line, on the next run: the others unchanged, the one refused again, exit 1.
    const run = await runCli(['import', folder, '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Imported 0 pages .* 22 unchanged, .* 1 refused,/m);
    expect(run.stdout).toContain('Check passed, but 1 page was refused: the migration report says why.');
    expect(await readFile(path.join(root, 'output/import/migration.csv'), 'utf8')).toContain(
      `${bad},refused,,,,,E_IMPORT_DEPTH,`,
    );
  }, 120_000);

  it('from the command line: progress, the migration report as a page and as CSV, exit 0 when check passes', async () => {
    const root = await emptyProject();
    const run = await runCli(['import', site, '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Imported 23 pages of reports, agendas and minutes \(0 with warnings\)/m);
    expect(run.stderr).toMatch(/Read \d+ of \d+ pages/);
    expect(run.stdout).toContain('Check passed.');
    const csv = await readFile(path.join(root, 'output/import/migration.csv'), 'utf8');
    const rows = csv.trim().split('\r\n');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(rows[0]?.replace('\ufeff', '')).toBe(
      'source,status,file,lines_found,lines_total,fidelity_percent,code,reason,warnings',
    );
    expect(rows.filter((r) => /,imported,content\/reports\/.*,100\.0,/.test(r))).toHaveLength(10);
    expect(rows.filter((r) => /,imported,content\/(meetings|minutes)\/.*,100\.0,/.test(r))).toHaveLength(13);
    const html = await readFile(path.join(root, 'output/import/migration.html'), 'utf8');
    expect(html).toContain('Line fidelity: 100.0% of');
    expect(html).toContain('<code>papers check</code> passes on the whole project.');
    await rm(path.join(root, 'output'), { recursive: true });
  }, 120_000);
});
