import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/content/entry.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { parseReportMarkdown } from '../../src/markdown/parse-report-markdown.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { createKeptValues } from '../../src/util/kept-values.ts';
import {
  createCheckStore,
  hashCheckCode,
  keyOfReading,
  readCheckStore,
  sealCheckStore,
  writeCheckStore,
} from '../../src/validate/check-store.ts';
import { applyEdit, copyExampleProject, readReportCases, REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const settings = { numbered: ['Supporting information'], firstLetter: 1, appendices: [] };
const body = '## Supporting information\n\nFirst.\n\nSecond.\n';

describe('values kept between runs', () => {
  it('gives a value once as it is, and a copy of it after', () => {
    const value = { title: 'A' };
    const kept = createKeptValues(new Map([['a', value]]));
    expect(kept.take('b')).toBeUndefined();
    expect(kept.take('a')).toBe(value);
    const again = kept.take('a');
    expect(again).toEqual(value);
    expect(again).not.toBe(value);
    kept.keep('c', { title: 'C' });
    expect([...kept.used.keys()]).toEqual(['a', 'c']);
    const shared = createKeptValues(new Map([['a', value]]), true);
    expect(shared.take('a')).toBe(value);
    expect(shared.take('a')).toBe(value);
  });
});

describe('the check store', () => {
  it('keys a report’s reading by its body’s bytes and its settings alike', () => {
    const key = keyOfReading(settings, body);
    expect(keyOfReading(settings, Buffer.from(body))).toBe(key);
    expect(keyOfReading(settings, `${body} `)).not.toBe(key);
    expect(keyOfReading({ ...settings, firstLetter: 0 }, body)).not.toBe(key);
    expect(keyOfReading({ ...settings, appendices: ['Text.'] }, body)).not.toBe(key);
  });

  it('writes back only what a run took or made, and reads it again', async () => {
    const file = path.join(await makeTempDir('store'), 'output/.cache/check.bin');
    const parsed = parseReportMarkdown({ ...settings, body });
    const first = createCheckStore();
    first.readings.keep('a', parsed);
    first.files.keep('y', { data: { title: 'Y' } });
    await writeCheckStore(file, await sealCheckStore(first));
    const second = await readCheckStore(file);
    expect(second.readings.take('b')).toBeUndefined();
    expect(second.readings.take('a')).toEqual(parsed);
    second.readings.keep('c', parsed);
    await writeCheckStore(file, await sealCheckStore(second));
    const third = await readCheckStore(file);
    expect(third.readings.take('a')).toEqual(parsed);
    expect(third.readings.take('c')).toEqual(parsed);
    expect(third.files.take('y')).toBeUndefined();
  });

  it('leaves the store before as it was when it cannot write, and says so', async () => {
    const dir = await makeTempDir('store');
    const file = path.join(dir, 'check.bin');
    const first = createCheckStore();
    first.files.keep('y', { data: { title: 'Y' } });
    expect(await writeCheckStore(file, await sealCheckStore(first))).toBe(true);
    // A folder where the new file would go: it cannot be written.
    await mkdir(`${file}.new`);
    await writeFile(path.join(`${file}.new`, 'in-the-way'), '');
    expect(await writeCheckStore(file, await sealCheckStore(createCheckStore()))).toBe(false);
    expect((await readCheckStore(file)).files.take('y')).toEqual({ data: { title: 'Y' } });
  });

  it('reads none from a missing or damaged file, or one written by other code', async () => {
    const dir = await makeTempDir('store');
    const readings = new Map([['a', parseReportMarkdown({ ...settings, body })]]);
    const code = await hashCheckCode();
    const write = async (name: string, bytes: string | Uint8Array) => {
      await writeFile(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const bad = [
      await write('other.bin', serialize({ code: 'other code', files: new Map(), readings })),
      await write('damaged.bin', 'not a store'),
      await write('not-a-map.bin', serialize({ code, files: new Map(), readings: { a: readings.get('a') } })),
      path.join(dir, 'missing.bin'),
    ];
    for (const file of bad) expect((await readCheckStore(file)).readings.take('a'), file).toBeUndefined();
    const same = await write('same.bin', serialize({ code, files: new Map(), readings }));
    expect((await readCheckStore(same)).readings.take('a')).toEqual(readings.get('a'));
  });

  it('holds what was read before the check could change it: a load with it makes each entry as one without', async () => {
    const store = createCheckStore();
    const checked = await checkProject(REPO_ROOT, { kept: store, today: '2026-12-01' });
    expect(checked.kept).toBeInstanceOf(Uint8Array);
    const file = path.join(await makeTempDir('store'), 'check.bin');
    await writeCheckStore(file, checked.kept!);
    const again = await readCheckStore(file);
    // Each entry as a load without the store makes it: its data, its YAML's text and its body.
    const describe = (e: Entry) => [e.file, e.data, e.source.text, e.body?.text, e.body?.startLine];
    const loaded = await loadContent(REPO_ROOT, { known: again.files });
    expect(loaded.entries.map(describe)).toEqual((await loadContent(REPO_ROOT)).entries.map(describe));
    // Every file was taken from the store: nothing was read by the quick reader and kept anew.
    expect(again.files.used.size).toBe(store.files.used.size);
    expect(again.files.used.size).toBeGreaterThan(10);
  });
});

const reportCases = await readReportCases();

describe('a check with the store', () => {
  it.each(reportCases.map((c) => [c.name, c] as const))(
    'finds what a check without it finds: %s',
    async (_name, brokenCase) => {
      const root = await copyExampleProject();
      const file = path.join(root, 'output/.cache/check.bin');
      // Warmed by the example as it was, then by the broken copy itself.
      const warm = await checkProject(root, { kept: await readCheckStore(file), today: '2026-12-01' });
      await writeCheckStore(file, warm.kept!);
      for (const edit of brokenCase.edits) await applyEdit(root, edit);
      const alone = await checkProject(root, { today: '2026-12-01' });
      for (let run = 0; run < 2; run++) {
        const kept = await readCheckStore(file);
        const withStore = await checkProject(root, { kept, today: '2026-12-01' });
        expect(withStore.errors).toEqual(alone.errors);
        await writeCheckStore(file, await sealCheckStore(kept));
      }
    },
    30_000,
  );
});
