import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExampleProject } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

async function hashFiles(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
  const out = new Map<string, string>();
  for (const file of files.sort())
    out.set(
      path.relative(dir, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  return out;
}

describe('reproducible builds', () => {
  it('two clean builds in different folders, time zones and times give byte-identical trees', async () => {
    const first = await copyExampleProject();
    const second = await copyExampleProject();
    expect((await runCli(['build', '--root', first], { env: { TZ: 'Pacific/Kiritimati' } })).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await runCli(['build', '--root', second], { env: { TZ: 'America/Los_Angeles' } })).code).toBe(0);
    const a = await hashFiles(path.join(first, 'output/site'));
    const b = await hashFiles(path.join(second, 'output/site'));
    expect([...a.keys()].filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
    expect(b).toEqual(a);
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles'])('dates in content do not shift under TZ=%s', async (tz) => {
    const root = await copyExampleProject();
    expect((await runCli(['build', '--root', root, '--no-pdf'], { env: { TZ: tz } })).code).toBe(0);
    const html = await readFile(path.join(root, 'output/site/committees/x-ppr/2005/051208/06/index.html'), 'utf8');
    expect(html).toContain('<dt>Date:</dt> <dd>8 December 2005</dd>');
    expect(html).toContain('Report 6 of the 8 December 2005 meeting');
  });
});
