import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { locateOutput } from '../../src/pipeline/output-folders.ts';
import { copyExampleProject, editFile, REPORT_2005 } from '../helpers/project.ts';
import { describeReleases } from '../helpers/releases.ts';

/** A signal that turns aborted at its `at`-th look, as an edit arriving at that moment of a build would make it. */
function abortAtLook(at: number): { signal: AbortSignal; looks: () => number } {
  const controller = new AbortController();
  let looks = 0;
  const look = () => {
    looks++;
    if (looks === at) controller.abort(new Error(`stopped at look ${at}`));
  };
  const { signal } = controller;
  const watched = new Proxy(signal, {
    get(target, name) {
      if (name === 'aborted') {
        look();
        return target.aborted;
      }
      if (name === 'throwIfAborted')
        return () => {
          look();
          target.throwIfAborted();
        };
      const value = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { signal: watched, looks: () => looks };
}

/** What describes the published site: the release its link names, its manifest, and its files. */
async function describePublished(root: string) {
  const folders = locateOutput(root);
  const release = await readlink(folders.site);
  const files = (await readdir(folders.site, { recursive: true })).sort();
  return { release, manifest: await readFile(folders.pagesManifest, 'utf8'), files };
}

describe('a build stopped by its signal (the preview stopping to show an edit)', () => {
  it('leaves the published site and its manifest as they were, wherever it stops; the build after it renders only what changed', async () => {
    // What a build after the edit renders, when no build was stopped before it.
    const control = await copyExampleProject();
    const root = await copyExampleProject();
    for (const project of [control, root]) {
      expect((await buildProject({ root: project, pdf: false })).ok).toBe(true);
      await editFile(project, REPORT_2005, 'is rapidly approaching', 'is approaching');
    }
    const expected = (await buildProject({ root: control, pdf: false })).pages;
    const before = await describePublished(root);
    let stopped = 0;
    for (let at = 1; ; at++) {
      const { signal, looks } = abortAtLook(at);
      const built = await buildProject({ root, pdf: false, signal }).then(
        (result) => result,
        (error: unknown) => error,
      );
      if (looks() < at) {
        // The build looked fewer times than this: it ran to the end. The stopped builds before it left the
        // published site's manifest, so it renders what a build after none would: the edited report's pages.
        expect(built).toMatchObject({ ok: true, pages: expected });
        expect(expected?.reused).toBeGreaterThan(expected?.rendered ?? 0);
        break;
      }
      expect(built).toBeInstanceOf(Error);
      expect((built as Error).message).toBe(`stopped at look ${at}`);
      expect(await describePublished(root)).toEqual(before);
      stopped++;
    }
    expect(stopped).toBeGreaterThan(3);
    // A stopped build's release is removed by the next one: only the published release is left, and its spare.
    await expect(describeReleases(locateOutput(root).site)).resolves.toMatchObject({
      published: path.basename(await readlink(locateOutput(root).site)),
    });
  });
});
