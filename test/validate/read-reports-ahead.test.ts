import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/content/entry.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { startParsePool } from '../../src/markdown/parse-in-workers.ts';
import { parseReportMarkdown } from '../../src/markdown/parse-report-markdown.ts';
import { settingsOf } from '../../src/validate/read-report.ts';
import { startReadingAhead } from '../../src/validate/read-reports-ahead.ts';
import { createCheckStore } from '../../src/validate/check-store.ts';
import { validateContent } from '../../src/validate/validate-content.ts';
import { applyEdit, copyExampleProject, readReportCases, REPO_ROOT } from '../helpers/project.ts';

const reportCases = await readReportCases();

describe('reports parsed ahead on other threads', () => {
  it('a worker thread parses each report as this thread does', async () => {
    const loaded = await loadContent(REPO_ROOT);
    const reports = loaded.entries.filter((e) => e.kind === 'report');
    const inputs = reports.map((e) => ({ ...settingsOf(e.data), body: e.body?.utf8 ?? bodyText(e) }));
    const pool = startParsePool(1);
    try {
      // The loader's bytes are shared with the worker; text is copied to it.
      expect(inputs.every((i) => typeof i.body !== 'string' && i.body.buffer instanceof SharedArrayBuffer)).toBe(true);
      const asText = inputs.map((i) => ({ ...i, body: Buffer.from(i.body as Uint8Array).toString('utf8') }));
      const [shared, copied] = await Promise.all([pool.parse(inputs), pool.parse(asText)]);
      expect(shared).toHaveLength(2);
      expect(shared[0]?.body.sections.length).toBeGreaterThan(0);
      expect(shared).toEqual(inputs.map((input) => parseReportMarkdown(input)));
      expect(copied).toEqual(shared);
    } finally {
      await pool.close();
    }
  });

  it('hands each report over once: checking again parses none of those read, whether on a thread or here', async () => {
    const loaded = await loadContent(path.join(REPO_ROOT, 'test/fixtures/archive'));
    const reports = loaded.entries.filter((e) => e.kind === 'report' && e.body);
    const first = startReadingAhead({ threads: 1, batchSize: 1 });
    for (const entry of loaded.entries) first.add(entry);
    // More reports than a thread is given before it first answers: the rest were parsed here, beside it.
    const parsed = await first.finish();
    expect(parsed.here).toBeGreaterThan(0);
    expect(parsed.threads + parsed.here).toBe(reports.length);
    const again = startReadingAhead({ threads: 1, batchSize: 1 });
    for (const entry of loaded.entries) again.add(entry);
    expect(await again.finish()).toEqual({ threads: 0, here: 0 });
  });

  it('starts no thread for fewer reports than a batch: with a store, they are parsed here and kept', async () => {
    const loaded = await loadContent(REPO_ROOT);
    const store = createCheckStore();
    const ahead = startReadingAhead({ threads: 1, store: store.readings });
    for (const entry of loaded.entries) ahead.add(entry);
    expect(await ahead.finish()).toEqual({ threads: 0, here: 2 });
    expect(store.readings.used.size).toBe(2);
  });

  it('has report cases to run', () => {
    expect(reportCases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(reportCases.map((c) => [c.name, c] as const))(
    'finds what the check alone finds: %s',
    async (_name, brokenCase) => {
      const root = await copyExampleProject();
      for (const edit of brokenCase.edits) await applyEdit(root, edit);
      const alone = validateContent(await loadContent(root));
      const ahead = startReadingAhead({ threads: 1, batchSize: 1 });
      const loaded = await loadContent(root, { onEntry: ahead.add });
      const parsed = await ahead.finish();
      expect(parsed.threads + parsed.here).toBe(loaded.entries.filter((e) => e.kind === 'report' && e.body).length);
      expect(validateContent(loaded).errors).toEqual(alone.errors);
    },
    30_000,
  );
});
