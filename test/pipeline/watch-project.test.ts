import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchProject } from '../../src/pipeline/watch-project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

function waitUntil(test: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = () =>
      test() ? resolve() : Date.now() > until ? reject(new Error('timed out')) : setTimeout(poll, 20);
    poll();
  });
}

describe('watchProject', () => {
  it('misses no edit made once it is ready, even while a build runs, and never runs two at once', async () => {
    const dir = await makeTempDir('watch');
    await mkdir(path.join(dir, 'content'));
    const file = path.join(dir, 'content', 'a.md');
    await writeFile(file, 'one');
    const seen: string[][] = [];
    let running = 0;
    let overlapped = false;
    // Events told while a task runs: what runs (the preview's publishing) may give way to the edit.
    let eventsWhileBusy = 0;
    const watcher = watchProject(
      [path.join(dir, 'content')],
      async (files) => {
        overlapped ||= running > 0;
        running++;
        seen.push(files.map((f) => path.basename(f)));
        await new Promise((resolve) => setTimeout(resolve, 50));
        running--;
      },
      {
        delayMs: 20,
        onEvent: () => {
          eventsWhileBusy += running;
        },
      },
    );
    try {
      await watcher.ready;
      // An edit saved by rename while the first build runs is built after it.
      let releaseFirstBuild!: () => void;
      const firstBuild = watcher.exclusive(async () => {
        running++;
        await new Promise<void>((resolve) => (releaseFirstBuild = resolve));
        running--;
      });
      await writeFile(`${file}.new`, 'two');
      await rename(`${file}.new`, file);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toEqual([]);
      expect(eventsWhileBusy).toBeGreaterThan(0);
      releaseFirstBuild();
      await firstBuild;
      await waitUntil(() => seen.flat().includes('a.md'));
      // A later save by rename is seen too.
      const before = seen.length;
      await writeFile(`${file}.new`, 'three');
      await rename(`${file}.new`, file);
      await waitUntil(() => seen.length > before && seen.at(-1)!.includes('a.md'));
      expect(overlapped).toBe(false);
    } finally {
      await watcher.close();
    }
  });
});
