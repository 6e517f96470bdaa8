import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import { parseReportMarkdown } from '../../src/markdown/parse-report-markdown.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import {
  createReadingStore,
  hashReadingCode,
  keyOfReading,
  readReadingStore,
  writeReadingStore,
} from '../../src/validate/reading-store.ts';
import { applyEdit, copyExampleProject, readReportCases } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const settings = { numbered: ['Supporting information'], firstLetter: 1, appendices: [] };
const body = '## Supporting information\n\nFirst.\n\nSecond.\n';

describe('the store of reports’ Markdown as parsed', () => {
  it('is keyed by the body’s bytes and the settings alike', () => {
    const key = keyOfReading(settings, body);
    expect(keyOfReading(settings, Buffer.from(body))).toBe(key);
    expect(keyOfReading(settings, `${body} `)).not.toBe(key);
    expect(keyOfReading({ ...settings, firstLetter: 0 }, body)).not.toBe(key);
    expect(keyOfReading({ ...settings, appendices: ['Text.'] }, body)).not.toBe(key);
  });

  it('writes back only what a run took or made, and reads it again', async () => {
    const file = path.join(await makeTempDir('readings'), 'output/.cache/readings.bin');
    const parsed = parseReportMarkdown({ ...settings, body });
    const first = createReadingStore();
    first.keep('a', parsed);
    await writeReadingStore(file, first);
    const second = await readReadingStore(file);
    expect(second.take('b')).toBeUndefined();
    expect(second.take('a')).toEqual(parsed);
    second.keep('c', parsed);
    await writeReadingStore(file, second);
    const third = await readReadingStore(file);
    expect([...third.used.keys()]).toEqual([]);
    expect(third.take('a')).toEqual(parsed);
    expect(third.take('c')).toEqual(parsed);
    expect(third.take('b')).toBeUndefined();
  });

  it('reads none from a missing or damaged file, or one written by other code', async () => {
    const dir = await makeTempDir('readings');
    const parsed = parseReportMarkdown({ ...settings, body });
    const readings = new Map([['a', parsed]]);
    const other = path.join(dir, 'other.bin');
    await writeFile(other, serialize({ code: 'other code', readings }));
    const damaged = path.join(dir, 'damaged.bin');
    await writeFile(damaged, 'not a store');
    const notAMap = path.join(dir, 'not-a-map.bin');
    await writeFile(notAMap, serialize({ code: await hashReadingCode(), readings: { a: parsed } }));
    const same = path.join(dir, 'same.bin');
    await writeFile(same, serialize({ code: await hashReadingCode(), readings }));
    for (const file of [other, damaged, notAMap, path.join(dir, 'missing.bin')])
      expect((await readReadingStore(file)).take('a'), file).toBeUndefined();
    expect((await readReadingStore(same)).take('a')).toEqual(parsed);
  });
});

const reportCases = await readReportCases();

describe('a check with the store', () => {
  it.each(reportCases.map((c) => [c.name, c] as const))(
    'finds what a check without it finds: %s',
    async (_name, brokenCase) => {
      const root = await copyExampleProject();
      const file = path.join(root, 'output/.cache/readings.bin');
      // Warmed by the example as it was, then by the broken copy itself.
      const warm = await readReadingStore(file);
      await checkProject(root, { readings: warm, today: '2026-12-01' });
      expect(warm.used.size).toBe(2);
      await writeReadingStore(file, warm);
      for (const edit of brokenCase.edits) await applyEdit(root, edit);
      const alone = await checkProject(root, { today: '2026-12-01' });
      for (let run = 0; run < 2; run++) {
        const readings = await readReadingStore(file);
        const withStore = await checkProject(root, { readings, today: '2026-12-01' });
        expect(withStore.errors).toEqual(alone.errors);
        await writeReadingStore(file, readings);
      }
    },
    30_000,
  );
});
