import { link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishOutput } from '../../src/pipeline/publish-output.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { describeReleases } from '../helpers/releases.ts';

/** Publish a release holding `files` (path → text): each the published file, linked, when its text is unchanged. */
async function publish(
  target: string,
  files: Record<string, string>,
  spare = true,
): Promise<readonly string[] | undefined> {
  let given: readonly string[] | undefined;
  await publishOutput(
    target,
    async (staging, published, held) => {
      given = held;
      for (const [file, text] of Object.entries(files)) {
        const to = path.join(staging, file);
        await mkdir(path.dirname(to), { recursive: true });
        if (held?.includes(file)) continue;
        const from = published && path.join(published, file);
        const same = from && (await readFile(from, 'utf8').catch(() => undefined)) === text;
        if (same) await link(from, to);
        else await writeFile(to, text);
      }
    },
    { spare },
  );
  return given;
}

describe('the spare a release is built from', () => {
  it('is the release before, holding only what it shares with the published one', async () => {
    const target = path.join(await makeTempDir('spare'), 'site');
    expect(await publish(target, { 'a/index.html': 'a', 'b/index.html': 'b' })).toBeUndefined();
    // The first release had none before it, and the second no spare yet.
    expect(await publish(target, { 'a/index.html': 'a', 'b/index.html': 'b2' })).toBeUndefined();
    const releases = await describeReleases(target);
    expect(releases.spareFiles).toBe(1);
    expect(await publish(target, { 'a/index.html': 'a', 'c/index.html': 'c' })).toEqual(['a/index.html']);
    expect(await readFile(path.join(target, 'c/index.html'), 'utf8')).toBe('c');
    await expect(describeReleases(target)).resolves.toMatchObject({ spare: releases.published });
  });

  it('is not trusted when its record names a path outside it, or cannot be read, and is then removed', async () => {
    const parent = await makeTempDir('spare');
    const target = path.join(parent, 'site');
    await writeFile(path.join(parent, 'outside.txt'), 'not papers’ own');
    await publish(target, { 'a/index.html': 'a' });
    await publish(target, { 'a/index.html': 'a', 'b/index.html': 'b' });
    const record = path.join(parent, '.releases/site.spare.json');
    const spare = JSON.parse(await readFile(record, 'utf8')) as { files: string[] };
    for (const tampered of [JSON.stringify({ ...spare, files: [...spare.files, '../../outside.txt'] }), '{ not JSON']) {
      await writeFile(record, tampered);
      expect(await publish(target, { 'a/index.html': 'a', 'b/index.html': 'b' })).toBeUndefined();
      expect(await readFile(path.join(parent, 'outside.txt'), 'utf8')).toBe('not papers’ own');
      await expect(describeReleases(target)).resolves.toBeDefined();
    }
  });

  it('is removed, not used, by a publisher that starts from an empty release', async () => {
    const target = path.join(await makeTempDir('spare'), 'site');
    await publish(target, { 'a/index.html': 'a' });
    await publish(target, { 'a/index.html': 'a' });
    expect(await publish(target, { 'a/index.html': 'a' }, false)).toBeUndefined();
    // Its own release before is kept as the next spare, and the old spare is gone.
    const { published, spare } = await describeReleases(target);
    expect((await readdir(path.join(path.dirname(target), '.releases'))).sort()).toEqual(
      [published, spare, 'site.spare.json'].sort(),
    );
  });
});
