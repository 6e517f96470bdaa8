import { describe, expect, it } from 'vitest';
import type { PdfTask } from '../../src/pdf/list-pdf-tasks.ts';
import { parseShard, selectShard } from '../../src/pdf/shard.ts';

const tasks = Array.from(
  { length: 400 },
  (_, i) => ({ pdfUrl: `/committees/c/2005/0512${i}/report-${i}.pdf` }) as PdfTask,
);

describe('PDF shards', () => {
  it('split the PDFs into n fixed, disjoint parts that together are all of them', () => {
    const parts = [1, 2, 3, 4].map((k) => selectShard(tasks, { index: k, count: 4 }));
    expect(
      parts
        .flat()
        .map((t) => t.pdfUrl)
        .sort(),
    ).toEqual(tasks.map((t) => t.pdfUrl).sort());
    for (const part of parts) expect(part.length).toBeGreaterThan(70);
    expect(selectShard(tasks, { index: 2, count: 4 })).toEqual(parts[1]);
  });

  it('keep a PDF in its shard when others are added', () => {
    const before = selectShard(tasks.slice(0, 200), { index: 3, count: 4 }).map((t) => t.pdfUrl);
    const after = selectShard(tasks, { index: 3, count: 4 }).map((t) => t.pdfUrl);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('read k/n and refuse anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/is not k\/n/);
  });
});

describe('printing in shards, then merging', () => {
  it('two shards print every PDF between them once; a last run over their caches prints none and fills the sizes', async () => {
    const { createPdfProject } = await import('../helpers/pdf-project.ts');
    const { runCli } = await import('../helpers/run-cli.ts');
    const { readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const root = await createPdfProject();
    expect((await runCli(['build', '--root', root, '--no-pdf'])).code).toBe(0);
    const first = await runCli(['pdf', '--root', root, '--shard', '1/2']);
    const second = await runCli(['pdf', '--root', root, '--shard', '2/2']);
    const printed = [first, second].map((r) =>
      Number(/(\d+) PDFs? printed/.exec(r.stdout)?.[1] ?? (r.stdout.includes('no PDF printed') ? 0 : Number.NaN)),
    );
    expect(printed[0]! + printed[1]!).toBe(6);
    const merge = await runCli(['pdf', '--root', root]);
    expect(merge.stdout).toContain('no PDF printed: all 6 unchanged');
    const meeting = await readFile(path.join(root, 'output/site/committees/x-ppr/2005/051208/index.html'), 'utf8');
    expect(meeting).toMatch(/data-size-of="\/committees\/x-ppr\/2005\/051208\/x-ppr-2005-12-08-pack\.pdf">PDF \d+ KB</);
  });
});
