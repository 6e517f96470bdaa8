import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { formatDataFile, listTextFiles } from '../../src/render/list-text-files.ts';
import { REPO_ROOT } from '../helpers/project.ts';

/** Every string held anywhere in `value`, with where it is. */
function* walkStrings(value: unknown, at = 'model'): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* walkStrings(v, `${at}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) yield* walkStrings(v, `${at}.${key}`);
  }
}

/** How each file format the site writes begins. */
const FORMATTED = [/^<\?xml/, /^\ufeff/, /^BEGIN:VCALENDAR/, /^\{\n {2}"/, /^User-agent:/];

describe('the model holds data; the render stage writes the file formats', () => {
  it('no string of the model is a finished feed, calendar, sitemap, CSV or JSON file', async () => {
    const { model } = await checkProject(path.join(REPO_ROOT, 'test/fixtures/archive'), { today: '2026-01-01' });
    const formatted = [...walkStrings(model)].filter(([, text]) => FORMATTED.some((start) => start.test(text)));
    expect(formatted.map(([at]) => at)).toEqual([]);
    // The check can fail: the files written from this model are in those formats.
    const files = listTextFiles(model!);
    expect(files.filter((f) => FORMATTED.some((start) => start.test(f.format()))).map((f) => f.url)).toEqual(
      files.map((f) => f.url),
    );
    expect(files.map((f) => f.url)).toEqual(
      expect.arrayContaining(['/feed.xml', '/meetings.ics', '/sitemap.xml', '/robots.txt', '/data/decisions.csv']),
    );
  });

  it('writes each open-data file in its format, from its rows or records', async () => {
    const { model } = await checkProject(REPO_ROOT, { today: '2026-01-01' });
    expect(model!.dataFiles.length).toBeGreaterThan(0);
    let rows = 0;
    for (const file of model!.dataFiles) {
      const text = formatDataFile(file);
      const made = file.make();
      if (made.format === 'json') expect(JSON.parse(text)).toEqual(made.data);
      else {
        const lines = text.replace(/^\ufeff/, '').split('\r\n');
        expect(lines[0]).toBe(made.header.join(','));
        expect(lines.at(-1)).toBe('');
        // A field may hold a line break (quoted), so a file has at least one line per row.
        expect(lines.length - 2).toBeGreaterThanOrEqual(made.rows.length);
        rows += made.rows.length;
      }
    }
    expect(rows).toBeGreaterThan(0);
  });
});
