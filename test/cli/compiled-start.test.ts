import { execFile } from 'node:child_process';
import { copyFile, mkdir, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);

/** A package of bin/papers.js with a stand-in compiled build and source, each saying which it is. */
async function createPackage(): Promise<string> {
  const root = await makeTempDir('bin');
  await mkdir(path.join(root, 'bin'));
  await copyFile(path.join(REPO_ROOT, 'bin/papers.js'), path.join(root, 'bin/papers.js'));
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await writeFile(path.join(root, 'package.json'), '{ "type": "module" }\n');
  await mkdir(path.join(root, 'dist/cli'), { recursive: true });
  await writeFile(
    path.join(root, 'dist/cli/main.js'),
    "export async function runCli(argv) { console.log('compiled', argv.join(' ')); }\n",
  );
  await mkdir(path.join(root, 'src/cli'), { recursive: true });
  await writeFile(
    path.join(root, 'src/cli/main.ts'),
    "export async function runCli(argv: string[]): Promise<void> { console.log('source', argv.join(' ')); }\n",
  );
  return root;
}

describe('bin/papers.js', () => {
  it('starts from the compiled build while it is newer than every source file, and from the source otherwise', async () => {
    const root = await createPackage();
    const papers = () =>
      run(process.execPath, [path.join(root, 'bin/papers.js'), 'check', '--root', '.']).then((r) => r.stdout.trim());
    // No build yet: the source.
    expect(await papers()).toBe('source check --root .');
    const old = new Date(Date.now() - 60_000);
    await utimes(path.join(root, 'src/cli/main.ts'), old, old);
    await writeFile(path.join(root, 'dist/.built'), 'now\n');
    expect(await papers()).toBe('compiled check --root .');
    // An edit after the build: the source again, never the stale build.
    await utimes(path.join(root, 'src/cli/main.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(await papers()).toBe('source check --root .');
  });
});
