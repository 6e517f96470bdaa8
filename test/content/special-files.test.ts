import { execFile } from 'node:child_process';
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { copyExampleProject, REPORT_2005 } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SECRET = 'SECRET-OUTSIDE-THE-PROJECT';

/** A folder outside the project holding a file and a report-like Markdown file. */
async function makeOutside(): Promise<string> {
  const dir = await makeTempDir('outside');
  await writeFile(path.join(dir, 'secret.yaml'), `terms:\n  - term: ${SECRET}\n    expansion: x\n`);
  await writeFile(path.join(dir, `${SECRET}.md`), `---\ntitle: ${SECRET}\n---\n`);
  return dir;
}

async function replaceWithLink(root: string, file: string, target: string): Promise<void> {
  await rm(path.join(root, file), { recursive: true, force: true });
  await symlink(target, path.join(root, file));
}

describe('content is read only from the project’s own plain files', () => {
  it.each([
    ['data/site.yaml', () => '/dev/zero', 'a link'],
    ['data/glossary.yaml', (outside: string) => path.join(outside, 'secret.yaml'), 'a link'],
    ['content/reports', (outside: string) => outside, 'a link'],
    [REPORT_2005, (outside: string) => path.join(outside, `${SECRET}.md`), 'a link'],
  ])('%s as a link is a located error, and nothing behind it is read', async (file, target, what) => {
    const root = await copyExampleProject();
    await replaceWithLink(root, file, target(await makeOutside()));
    const { errors, model } = await checkProject(root);
    expect(model).toBeUndefined();
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'E_NOT_A_FILE',
        file,
        line: 1,
        message: `this is ${what}, not a file of the project`,
      }),
    );
    expect(JSON.stringify(errors)).not.toContain(SECRET);
  });

  it('a named pipe in place of a data file is a located error, not a wait', async () => {
    const root = await copyExampleProject();
    await rm(path.join(root, 'data/statuses.yaml'));
    await promisify(execFile)('mkfifo', [path.join(root, 'data/statuses.yaml')]);
    const { errors } = await checkProject(root);
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'E_NOT_A_FILE',
        file: 'data/statuses.yaml',
        message: 'this is a named pipe, not a file of the project',
      }),
    );
  }, 20_000);

  it('a link to a folder inside the project is refused too', async () => {
    const root = await copyExampleProject();
    await mkdir(path.join(root, 'elsewhere'));
    await rename(path.join(root, 'data/boroughs'), path.join(root, 'elsewhere/boroughs'));
    await symlink(path.join(root, 'elsewhere/boroughs'), path.join(root, 'data/boroughs'));
    const { errors } = await checkProject(root);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'E_NOT_A_FILE', file: 'data/boroughs' }));
  });
});
