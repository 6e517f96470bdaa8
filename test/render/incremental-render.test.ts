import { createHash } from 'node:crypto';
import { link, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/pipeline/build-project.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { pageFile } from '../../src/domain/urls.ts';
import { listTextFiles } from '../../src/render/list-text-files.ts';
import { planRender } from '../../src/render/plan-render.ts';
import { isPaginated, renderSite } from '../../src/render/render-site.ts';
import { splitLists, weighItem } from '../../src/render/split-lists.ts';
import { applyEdit, copyExampleProject, REPO_ROOT, type FileEdit } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Every file of a built site with a hash of its bytes. */
async function hashSite(siteDir: string): Promise<Record<string, string>> {
  const entries = (await readdir(siteDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out: Record<string, string> = {};
  for (const e of entries) {
    const file = path.join(e.parentPath, e.name);
    out[path.relative(siteDir, file)] = createHash('sha1')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

async function build(root: string, outputDir?: string): Promise<BuildResult> {
  const result = await buildProject({ root, pdf: false, ...(outputDir ? { outputDir } : {}) });
  expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
  return result;
}

const REC_01 = 'content/recommendations/cdrp-scrutiny-2003/01.yaml';
const EDITS: Array<[string, FileEdit]> = [
  [
    'a progress entry on one recommendation',
    {
      file: REC_01,
      find: '            result: Completed September 2003',
      replace: '            result: Completed in September 2003',
    },
  ],
  [
    'a word in one report',
    {
      file: 'content/reports/2004/2004-11-04-x-ppr-06-cdrp-borough-performance.md',
      find: 'The duty to',
      replace: 'The statutory duty to',
    },
  ],
  ['the site title, which every page shows', { file: 'data/site.yaml', find: 'title: ', replace: 'title: The ' }],
  [
    'a borough’s short name',
    { file: 'data/boroughs/camden.yaml', find: 'short_name: CMD', replace: 'short_name: CAM' },
  ],
];

describe('rebuilding after an edit', () => {
  let root = '';
  beforeAll(async () => {
    root = await copyExampleProject();
    const first = await build(root);
    expect(first.pages?.reused).toBe(0);
  });

  it('renders again only the pages the edit reaches, and the site equals a clean build byte for byte', {
    timeout: 120_000,
  }, async () => {
    for (const [what, edit] of EDITS) {
      await applyEdit(root, edit);
      const incremental = await build(root);
      const clean = await build(root, await makeTempDir('clean'));
      expect(await hashSite(incremental.siteDir), what).toEqual(await hashSite(clean.siteDir));
      expect(clean.pages?.reused, what).toBe(0);
      // The reports' search index leaves out their recommendation tables, so it outlives an edit to one.
      if (what.startsWith('a progress entry'))
        expect(incremental.search, what).toMatchObject({ indexed: 21, reused: 2 });
      if (what.startsWith('the site title')) expect(incremental.pages?.reused, what).toBe(0);
      else expect(incremental.pages?.reused, what).toBeGreaterThan(30);
    }
  });

  it('renders nothing again when nothing changed, beyond the few pages that list everything', async () => {
    const again = await build(root);
    const total = (again.pages?.rendered ?? 0) + (again.pages?.reused ?? 0);
    expect(again.pages?.rendered).toBeLessThan(total / 2);
    expect(again.search).toMatchObject({ indexed: 0, reused: 3 });
  });

  it('links each file that is not a page from the published site when it comes out the same, and writes the rest', async () => {
    const before = await build(root);
    const urls = listTextFiles(before.model!).map((file) => file.url);
    const seen = async (siteDir: string) =>
      Promise.all(
        urls.map(async (url) => ({
          ino: (await stat(path.join(siteDir, url))).ino,
          bytes: await readFile(path.join(siteDir, url)),
        })),
      );
    const was = await seen(before.siteDir);
    await applyEdit(root, { file: REC_01, find: 'Completed in September', replace: 'Completed, September' });
    const now = await seen((await build(root)).siteDir);
    const written = urls.filter((_, i) => now[i]!.ino !== was[i]!.ino);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(urls.length / 2);
    expect(written).toEqual(urls.filter((_, i) => !now[i]!.bytes.equals(was[i]!.bytes)));
  });

  it.each([
    ['from a new release', true],
    ['from the spare', false],
  ])(
    'puts back a page removed from the published site by hand, building %s, never writing through to the published site',
    async (_, withoutSpare) => {
      const before = await build(root);
      const meeting = before.model!.meetings[0]!;
      // A link of our own to the published meeting page: a build writing through to it would keep its inode.
      const held = path.join(root, 'output', 'held-meeting.html');
      await rm(held, { force: true });
      await link(path.join(before.siteDir, pageFile(meeting.url)), held);
      const published = await readFile(held);
      await rm(path.join(before.siteDir, pageFile(meeting.packUrl)));
      if (withoutSpare) await rm(path.join(root, 'output/.releases/site.spare.json'));
      const again = await build(root);
      const clean = await build(root, await makeTempDir('clean'));
      expect(await hashSite(again.siteDir)).toEqual(await hashSite(clean.siteDir));
      // A new release renders the pack again, and its meeting's page with it. The spare still holds the pack
      // as it was published: the same bytes, since its fingerprint is unchanged, and the meeting's page is kept.
      const ino = (await stat(path.join(again.siteDir, pageFile(meeting.url)))).ino;
      if (withoutSpare) expect(ino).not.toBe((await stat(held)).ino);
      else expect(ino).toBe((await stat(held)).ino);
      expect(await readFile(held)).toEqual(published);
      expect(again.pages?.reused).toBeGreaterThan(30);
    },
  );

  it('renders a site in batches (as it does a large one) to the same bytes as in one run', async () => {
    const checked = await checkProject(root);
    const whole = await makeTempDir('whole');
    const batched = await makeTempDir('batched');
    const one = await renderSite(checked.model!, whole);
    const many = await renderSite(checked.model!, batched, { batchSize: 7 });
    expect(many.rendered).toBe(one.rendered);
    expect(await hashSite(batched)).toEqual(await hashSite(whole));
    const batches = splitLists(planRender(checked.model!, 'x').lists, 7);
    expect(batches.length).toBeGreaterThan(5);
    // A meeting weighs its pack's papers: no batch is heavier than asked unless one meeting with its reports alone is.
    const weights = batches.map((b) =>
      Object.entries(b).flatMap(([list, items]) => items.map((item) => weighItem(list as keyof typeof b, item))),
    );
    expect(weights.flat().some((w) => w > 1)).toBe(true);
    for (const [i, w] of weights.entries()) {
      const b = batches[i]!;
      const oneGroup = w.length === 1 || (b.meetings.length === 1 && w.length === 1 + b.reports.length);
      expect(oneGroup || w.reduce((x, y) => x + y, 0) <= 7).toBe(true);
    }
  });

  it('batches each meeting with the reports its pack holds, and every item once', async () => {
    const checked = await checkProject(root);
    const lists = planRender(checked.model!, 'x').lists;
    // Each of the example's two meetings (weighing 2: its page and its one report in the pack) with its report weighs 3.
    const batches = splitLists(lists, 3);
    for (const name of Object.keys(lists) as Array<keyof typeof lists>)
      expect(batches.flatMap((b) => b[name] as unknown[])).toEqual(expect.arrayContaining(lists[name] as unknown[]));
    for (const name of Object.keys(lists) as Array<keyof typeof lists>)
      expect(batches.reduce((n, b) => n + b[name].length, 0)).toBe(lists[name].length);
    let together = 0;
    for (const batch of batches)
      for (const meeting of batch.meetings)
        for (const { report } of meeting.agenda) {
          if (!report) continue;
          expect(batch.reports).toContain(report);
          together++;
        }
    expect(together).toBeGreaterThan(0);
  });

  it('keeps each paginated template to its front matter and one include, which Nunjucks compiles once for all its pages', async () => {
    const dir = path.join(REPO_ROOT, 'templates');
    const paginated = [];
    for (const name of (await readdir(dir)).filter((f) => f.endsWith('.njk'))) {
      const text = await readFile(path.join(dir, name), 'utf8');
      if (!isPaginated(text)) continue;
      paginated.push(name);
      // Eleventy compiles a paginated template's own body again for every page; an include it compiles once.
      expect(text.slice(text.indexOf('\n---\n', 4) + 5), name).toBe(`{% include "pages/${name}" -%}\n`);
    }
    expect(paginated.length).toBeGreaterThan(5);
  });

  it('shows each paginated template only its item and the shared site data, so unchanged items mean unchanged pages', async () => {
    const dir = path.join(REPO_ROOT, 'templates');
    for (const name of (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.njk'))) {
      const text = await readFile(path.join(dir, name), 'utf8');
      // Layouts and includes are shared by the paginated templates, so they are held to the same rule.
      const paginated = isPaginated(text) || name.startsWith('_');
      if (!paginated) continue;
      const uses = [...text.matchAll(/\bpapers\.([a-zA-Z]+)/g)].map((m) => m[1]);
      expect(
        uses.filter((key) => !['site', 'nav', 'contacts'].includes(key ?? '')),
        name,
      ).toEqual([]);
    }
  });
});
