import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/content/entry.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { parseReportMarkdown } from '../../src/markdown/parse-report-markdown.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { settingsOf } from '../../src/validate/read-report.ts';
import { keyOfReading, readCheckStore } from '../../src/validate/check-store.ts';
import { copyExampleProject, editFile, REPORT_2004 } from '../helpers/project.ts';

describe('a build keeps what its check read for the next', () => {
  it('writes each report’s reading and each file’s data once the check passes, and nothing when it fails', async () => {
    const root = await copyExampleProject();
    const file = path.join(root, 'output/.cache/check.bin');
    expect((await buildProject({ root, pdf: false })).ok).toBe(true);
    const store = await readCheckStore(file);
    const entries = (await loadContent(root)).entries;
    expect((await loadContent(root, { known: store.files })).entries.map((e) => e.data)).toEqual(
      entries.map((e) => e.data),
    );
    expect(store.files.used.size).toBeGreaterThan(10);
    const reports = entries.filter((e) => e.kind === 'report');
    expect(reports).toHaveLength(2);
    for (const report of reports) {
      const settings = settingsOf(report.data);
      const body = bodyText(report);
      expect(store.readings.take(keyOfReading(settings, body)), report.file).toEqual(
        parseReportMarkdown({ ...settings, body }),
      );
    }
    const before = await readFile(file);
    await editFile(root, REPORT_2004, '## ', 'Text before the first section.\n\n## ');
    await editFile(root, REPORT_2004, 'number: 6', 'number: six');
    expect((await buildProject({ root, pdf: false })).ok).toBe(false);
    expect(await readFile(file)).toEqual(before);
  }, 120_000);
});
