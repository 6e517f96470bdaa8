import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExampleProject, editFile, REPO_ROOT } from '../helpers/project.ts';

/**
 * A disk that fills during a build: `output/` is a small tmpfs mounted in a
 * mount namespace of the test's own (`unshare --mount`), so nothing outside
 * the test sees it, and it goes when the test's shell ends.
 */
const canMount =
  spawnSync('unshare', ['--mount', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt'], {
    stdio: 'ignore',
  }).status === 0;

const SCRIPT = `
set -u
mkdir -p output
mount -t tmpfs -o size=8m tmpfs output || exit 90
node "$BIN" build --no-pdf > first.log 2>&1 || exit 91
sha256sum output/site/index.html > before.sha
readlink output/site > before.link
# A new title renders every page again; the disk is then filled to within 32 KiB.
sed -i 's/^title: .*/title: A title that makes every page new/' data/site.yaml
avail=$(df --output=avail -B1 output | tail -1)
fallocate -l $((avail - 32768)) output/filler || exit 92
node "$BIN" build --no-pdf > second.out 2> second.err
echo $? > second.code
rm output/filler
sha256sum output/site/index.html > after.sha
readlink output/site > after.link
ls -A output > output.list
ls -A output/.releases > releases.list
`;

describe('a disk that fills during a build', () => {
  it.skipIf(!canMount)(
    'gives one line with its code and the file, and leaves the published site, no lock and no partial release',
    async () => {
      const root = await copyExampleProject();
      await editFile(root, 'data/site.yaml', 'title:', 'title:');
      const run = spawnSync('unshare', ['--mount', 'sh', '-c', SCRIPT], {
        cwd: root,
        env: { ...process.env, BIN: path.join(REPO_ROOT, 'bin/papers.js') },
        encoding: 'utf8',
      });
      expect(run.status, await readFile(path.join(root, 'first.log'), 'utf8').catch(() => run.stderr)).toBe(0);
      const read = (name: string) => readFile(path.join(root, name), 'utf8');
      const stderr = await read('second.err');
      expect(await read('second.code')).toBe('1\n');
      expect(stderr).toMatch(
        /^papers: E_DISK_FULL {2}output\/site\/\S+: the disk ran out of space \(ENOSPC\)\. [^\n]+\n$/,
      );
      expect(stderr).not.toMatch(/\bat |Error:|\[11ty\]/);
      // The site published before is still published, whole.
      expect(await read('after.link')).toBe(await read('before.link'));
      expect(await read('after.sha')).toBe(await read('before.sha'));
      expect((await read('output.list')).split('\n').filter(Boolean).sort()).toEqual(['.cache', '.releases', 'site']);
      expect((await read('releases.list')).split('\n').filter(Boolean)).toEqual([
        path.basename((await read('before.link')).trim()),
      ]);
    },
    120_000,
  );
});
