import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureServeEdits } from '../../src/bench/measure-serve-edits.ts';
import { printBare } from '../../src/bench/print-bare.ts';
import { summariseProfile } from '../../src/bench/summarise-profile.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { useOwnTempDir } from '../helpers/chromium.ts';
import { readBookmarks, readPageTexts, readPdfInfo } from '../helpers/pdf.ts';
import { copyExampleProject, REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// What the benchmark measures with is checked here to work as it says; the times it takes are never asserted.
describe("the benchmark's measures", () => {
  beforeAll(async () => {
    await useOwnTempDir();
  });

  it('prints pages bare through one browser, tagged and with bookmarks, as papers prints them', async () => {
    const root = await copyExampleProject();
    const built = await buildProject({ root, pdf: false });
    expect(built.ok).toBe(true);
    const out = await makeTempDir('bare');
    const report = built.model!.reports[0]!;
    const seconds = await printBare(built.siteDir, [report.url, '/glossary/'], out, 2);
    expect(seconds).toBeGreaterThan(0);
    expect((await readdir(out)).sort()).toEqual(['0.pdf', '1.pdf']);
    const pdf = path.join(out, '0.pdf');
    expect((await readPdfInfo(pdf)).Tagged).toBe('yes');
    expect((await readBookmarks(pdf)).length).toBeGreaterThan(0);
    expect((await readPageTexts(pdf)).join(' ')).toContain(report.title);
  });

  it('times edits in a running preview until both pages carry the new text', async () => {
    const root = await copyExampleProject();
    const measured = await measureServeEdits(root, 'cdrp-scrutiny-2003', 1, 2);
    expect(measured.reportUrl).toBe('/committees/x-ppr/2005/051208/06/');
    expect(measured.recommendationUrl).toBe('/recommendations/cdrp-scrutiny-2003/01/');
    expect(measured.edits).toHaveLength(2);
    for (const edit of measured.edits) expect(Math.min(edit.report, edit.recommendation)).toBeGreaterThan(0);
    expect(measured.said).toHaveLength(2);
    expect(measured.said[0]).toMatch(/^Shown in [\d.]+ s \(\d+ pages\)$/);
    // The file was rewritten to the last edit's text, which the published site now carries.
    const yaml = await readFile(path.join(root, 'content/recommendations/cdrp-scrutiny-2003/01.yaml'), 'utf8');
    const marker = /Benchmark edit 2 \d+/.exec(yaml)?.[0];
    expect(marker).toBeDefined();
    expect(
      await readFile(path.join(root, 'output/site/recommendations/cdrp-scrutiny-2003/01/index.html'), 'utf8'),
    ).toContain(marker);
  });

  it("summarises a CPU profile by the project's files and by functions' own time", async () => {
    const dir = await makeTempDir('profile');
    const script = path.join(dir, 'check.mts');
    await writeFile(
      script,
      `import { checkProject } from ${JSON.stringify(path.join(REPO_ROOT, 'src/pipeline/check-project.ts'))};\nfor (let i = 0; i < 3; i++) await checkProject(${JSON.stringify(REPO_ROOT)});\n`,
    );
    await promisify(execFile)(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', script], {
      cwd: REPO_ROOT,
    });
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
    const summary = await summariseProfile(path.join(dir, file!), 5);
    expect(summary.files.length).toBeGreaterThan(0);
    expect(summary.files.map((f) => f.where)).toContain('src/pipeline/check-project.ts');
    expect(summary.self).toHaveLength(5);
    // Own time by part: the project's folders, packages and Node's own code, each named once.
    const parts = (await summariseProfile(path.join(dir, file!), 1000)).parts.map((p) => p.where);
    expect(parts.some((p) => p.startsWith('src/'))).toBe(true);
    expect(parts).toContain('node');
    expect(new Set(parts).size).toBe(parts.length);
    // Ranked, most time first.
    expect(summary.files.map((f) => f.seconds)).toEqual([...summary.files.map((f) => f.seconds)].sort((a, b) => b - a));
  });
});
