import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/import-report.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { pageText } from '../helpers/page-text.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** A constructed page (not of the archive) whose progress table stands in section B, not in an appendix. */
const PAGE = `<p>Report 9 of the 8 December 2005 meeting of the Planning, Performance &amp; Review Committee and reports progress.</p>
<h1>Progress on nominated officers</h1><p>Report: 9</p><p>Date: 1 February 2006</p><p>By: Commissioner</p>
<h2>Summary</h2><p>Progress on recommendation 1.</p>
<h2>A. Recommendation</h2><p>That members note the report.</p>
<h2>B. Supporting information</h2><p>1. The position is below.</p>
<table><tr><td colspan="3">Recommendation 1 – Nominated officers</td></tr>
<tr><th>Key points</th><th>Actions</th><th>Results/timescale</th></tr>
<tr><td>All boroughs to have nominated officer</td><td>Officers to be identified by BOCUs</td><td>Completed: every borough has named its officer</td></tr></table>
<p>2. Nothing else is outstanding.</p>`;

describe('a Key points / Actions / Results table in a lettered section, imported with --recommendations', () => {
  it('becomes the recommendation’s progress, and the page shows it through the set', async () => {
    const root = await copyExampleProject();
    const input = path.join(await makeTempDir('section-progress'), 'report.html');
    await writeFile(input, PAGE);
    const result = await importReport({
      root,
      file: input,
      meeting: 'x-ppr/2005-12-08',
      recommendations: 'cdrp-scrutiny-2003',
    });
    expect(result.entries).toBe(1);
    const rec = await readFile(path.join(root, 'content/recommendations/cdrp-scrutiny-2003/01.yaml'), 'utf8');
    expect(rec).toContain('result: "Completed: every borough has named its officer"');
    const built = await buildProject({ root, outputDir: await makeTempDir('section-built'), pdf: false });
    expect(built.errors.filter((e) => e.severity === 'error')).toEqual([]);
    const html = await readFile(path.join(built.siteDir, 'committees/x-ppr/2005/051208/09/index.html'), 'utf8');
    const text = pageText(html.slice(html.indexOf('B. Supporting information')));
    expect(text).toMatch(/The position is below\. .*Recommendation 1: Borough commanders should nominate/);
    expect(text).toContain('Completed: every borough has named its officer');
    expect(text.indexOf('every borough')).toBeLessThan(text.indexOf('Nothing else is outstanding'));
  }, 120_000);
});
