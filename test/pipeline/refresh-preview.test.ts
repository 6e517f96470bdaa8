import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { checkProject, createCheckMemory, type CheckMemory } from '../../src/pipeline/check-project.ts';
import { adoptPublished, createPreviewState, refreshPreview } from '../../src/pipeline/refresh-preview.ts';
import { addExemptPapers } from '../helpers/meeting-papers.ts';
import { addMinutes2005, copyExampleProject, editFile, REPORT_2004, REPORT_2005 } from '../helpers/project.ts';
import type { SiteModel } from '../../src/model/types.ts';

const REC_01 = 'content/recommendations/cdrp-scrutiny-2003/01.yaml';
const TODAY = { today: '2026-01-01' };

/** An edit as the preview's watcher reports it: written, and named as changed. */
async function edit(root: string, memory: CheckMemory, file: string, find: string, replace: string): Promise<void> {
  await editFile(root, file, find, replace);
  memory.files.changed.add(file);
}

/** The same check with nothing remembered: what a build would see. */
async function checkAfresh(root: string) {
  const { model, errors } = await checkProject(root, TODAY);
  return { model: JSON.stringify(model), errors };
}

describe('a check that remembers what it read and built', () => {
  it('gives, after each edit, the model and errors a fresh check gives', async () => {
    const root = await copyExampleProject();
    const memory = createCheckMemory();
    const remembered = async () => {
      const { model, errors } = await checkProject(root, { ...TODAY, memory });
      return { model: JSON.stringify(model), errors };
    };
    expect(await remembered()).toEqual(await checkAfresh(root));
    const edits: Array<[string, string, string]> = [
      // A recommendation both reports show, the text of one report, the shared glossary, a mistake and its fix.
      [REC_01, 'result: Completed September 2003', 'result: Completed in September 2003 (edited)'],
      [REPORT_2005, 'Crime and Disorder Reduction Partnerships', 'Partnerships edited'],
      ['data/glossary.yaml', 'term: ', 'term: ZZZ\n    expansion: Edited term\n  - term: '],
      [REPORT_2004, 'number: 6', 'number: six'],
      [REPORT_2004, 'number: six', 'number: 6'],
      // A report's title (on its meeting, its year and the boroughs whose facts cite it), a borough, a committee's name.
      [REPORT_2004, 'title: CDRP', 'title: Edited CDRP'],
      ['data/boroughs/barnet.yaml', 'short_name: BRN', 'short_name: BNT'],
      ['data/committees.yaml', 'name: Planning, Performance', 'name: Edited Planning, Performance'],
    ];
    for (const [file, find, replace] of edits) {
      await edit(root, memory, file, find, replace);
      const now = await remembered();
      expect(now, `after editing ${file}`).toEqual(await checkAfresh(root));
    }
    // A file deleted is gone from the remembered content too (the watcher names it), and a file added is read.
    await rm(path.join(root, 'content/recommendations/cdrp-scrutiny-2003/10.yaml'));
    memory.files.changed.add('content/recommendations/cdrp-scrutiny-2003/10.yaml');
    expect(await remembered()).toEqual(await checkAfresh(root));
    await writeFile(path.join(root, 'content/not-content.txt'), 'x');
    memory.files.changed.add('content/not-content.txt');
    const added = await remembered();
    expect(added.errors.map((e) => e.file)).toContain('content/not-content.txt');
    expect(added).toEqual(await checkAfresh(root));
  });

  it('builds again only the reports an edit reaches, and reads again only the files named as changed', async () => {
    const root = await copyExampleProject();
    const memory = createCheckMemory();
    const check = async () => (await checkProject(root, { ...TODAY, memory })).model!;
    const first = await check();
    const byId = (model: typeof first, id: string) => model.reports.find((r) => r.id === id)!;
    const [id2004, id2005] = [REPORT_2004, REPORT_2005].map((f) => path.basename(f, '.md')) as [string, string];
    // Nothing changed: the same reports, as the same objects.
    const second = await check();
    expect(byId(second, id2004)).toBe(byId(first, id2004));
    // One report's text: that report is built again, the other is kept.
    await edit(root, memory, REPORT_2005, 'Crime and Disorder Reduction Partnerships', 'Partnerships edited');
    const third = await check();
    expect(byId(third, id2005)).not.toBe(byId(second, id2005));
    expect(byId(third, id2005).title).toBe('Partnerships edited');
    expect(byId(third, id2004)).toBe(byId(second, id2004));
    // A recommendation of the set the 2005 report shows (the 2004 report shows none): that report is built again.
    await edit(
      root,
      memory,
      REC_01,
      'result: Completed September 2003',
      'result: Completed in September 2003 (edited)',
    );
    const fourth = await check();
    expect(byId(fourth, id2005)).not.toBe(byId(third, id2005));
    expect(JSON.stringify(byId(fourth, id2005))).toContain('Completed in September 2003 (edited)');
    expect(byId(fourth, id2004)).toBe(byId(third, id2004));
    // Shared data reaches every report.
    await edit(root, memory, 'data/contacts.yaml', 'heading: ', 'heading: Edited ');
    const fifth = await check();
    expect(byId(fifth, id2004)).not.toBe(byId(fourth, id2004));
    expect(byId(fifth, id2005)).not.toBe(byId(fourth, id2005));
    // A file written but not named as changed is not read again (the watcher names every file written).
    await editFile(root, REPORT_2005, 'Partnerships edited', 'Not named as changed');
    expect(byId(await check(), id2005).title).toBe('Partnerships edited');
  });
  it('builds a set again when a decision that names it changes', async () => {
    const root = await copyExampleProject();
    const minutes = await addMinutes2005(root);
    const memory = createCheckMemory();
    const remembered = async () => {
      const { model, errors } = await checkProject(root, { ...TODAY, memory });
      expect(errors.filter((e) => e.severity === 'error')).toEqual([]);
      return model!;
    };
    const actions = (model: SiteModel) =>
      model.sets[0]!.recommendations.flatMap((r) => r.decisions.map((d) => d.action));
    const first = await remembered();
    expect(actions(first)).toEqual(['noted']);
    expect((await remembered()).sets[0]).toBe(first.sets[0]);
    await edit(root, memory, minutes, 'Resolved (noted', 'Resolved (closed');
    const model = await remembered();
    expect(actions(model)).toEqual(['closed']);
    expect(JSON.stringify(model)).toEqual(JSON.stringify((await checkProject(root, TODAY)).model));
  });

  it('keeps the public model apart from the model of everything, so a project with exempt papers keeps its public sets', async () => {
    const root = await copyExampleProject();
    await addExemptPapers(root);
    const memory = createCheckMemory();
    // The set with an exempt recommendation is not the same in the two models.
    const check = async (members: boolean) =>
      (await checkProject(root, { ...TODAY, memory, members })).model!.sets.find((s) => s.id === 'exempt-set');
    const [publicSet, membersSet] = [await check(false), await check(true)];
    expect(publicSet?.recommendations.length).toBeLessThan(membersSet?.recommendations.length ?? 0);
    // Each check builds both models: the public one is kept whichever was asked for.
    expect(await check(false)).toBe(publicSet);
    await check(true);
    expect(await check(false)).toBe(publicSet);
  });

  it('builds again only the recommendation sets an edit reaches', async () => {
    const root = await copyExampleProject();
    const memory = createCheckMemory();
    const set = async () => (await checkProject(root, { ...TODAY, memory })).model!.sets[0]!;
    const first = await set();
    expect(await set()).toBe(first);
    // A set kept keeps its pages, as the same objects.
    const pages = async () => (await checkProject(root, { ...TODAY, memory })).model!.trackedRecommendations[0];
    expect(await pages()).toBe(await pages());
    // A report that shows no set: the set is kept.
    await edit(root, memory, REPORT_2004, 'The duty to', 'The statutory duty to');
    const second = await set();
    expect(second).toBe(first);
    // One of its recommendations: built again, with the edit.
    await edit(
      root,
      memory,
      REC_01,
      'result: Completed September 2003',
      'result: Completed in September 2003 (edited)',
    );
    const third = await set();
    expect(third).not.toBe(second);
    expect(JSON.stringify(third)).toContain('Completed in September 2003 (edited)');
    // A report that shows it: built again, since the report's label and link are in its dashboard.
    await edit(root, memory, REPORT_2005, 'Crime and Disorder Reduction Partnerships', 'Partnerships edited');
    expect(await set()).not.toBe(third);
  });
});

describe('refreshPreview', () => {
  it('renders only the pages an edit reaches, byte for byte as the whole build renders them, and publishes nothing', async () => {
    const root = await copyExampleProject();
    const built = await buildProject({ root, pdf: false });
    expect(built.ok).toBe(true);
    const state = createPreviewState(root, built.siteDir);
    adoptPublished(state, built.published!.manifest, built.published!.renderHash);
    await edit(
      root,
      state.memory,
      REC_01,
      'result: Completed September 2003',
      'result: Completed in September 2003 (edited)',
    );
    const shown: string[][] = [];
    const result = await refreshPreview(state, (files) => shown.push(files));
    expect(result.outcome).toBe('refreshed');
    // First the pages of the items the edit reaches (the recommendation, its set's pages, the reports
    // that show it, their meetings), then the site's other pages and the packs.
    const [items, others] = shown as [string[], string[]];
    expect(items).toContain('recommendations/cdrp-scrutiny-2003/01/index.html');
    expect(items).toContain('committees/x-ppr/2005/051208/06/index.html');
    expect(items).not.toContain('recommendations/cdrp-scrutiny-2003/02/index.html');
    expect(items).toContain('committees/x-ppr/2005/051208/index.html');
    expect(others).toContain('index.html');
    expect(others).not.toContain('recommendations/cdrp-scrutiny-2003/01/index.html');
    // The meeting's pack, printed rather than read and the slowest to render, follows with them.
    expect(items).not.toContain('committees/x-ppr/2005/051208/pack/index.html');
    expect(others).toContain('committees/x-ppr/2005/051208/pack/index.html');
    // The feeds, calendars, sitemap and open data come with the whole build, not the preview.
    expect([...items, ...others].filter((file) => !file.endsWith('.html'))).toEqual([]);
    // The published site is as it was.
    const published = await readFile(path.join(built.siteDir, 'recommendations/cdrp-scrutiny-2003/01/index.html'));
    expect(state.overlay.get('recommendations/cdrp-scrutiny-2003/01/index.html')?.equals(published)).toBe(false);
    // A whole build of the edited content gives every refreshed page the same bytes.
    const rebuilt = await buildProject({ root, pdf: false });
    expect(rebuilt.ok).toBe(true);
    expect(state.overlay.size).toBe(items.length + others.length);
    for (const [file, bytes] of state.overlay) {
      expect(bytes.toString('utf8'), file).toBe(await readFile(path.join(rebuilt.siteDir, file), 'utf8'));
    }
  });

  it('asks for a whole build before the site is first built, and renders nothing from content that fails its check', async () => {
    const root = await copyExampleProject();
    const state = createPreviewState(root, path.join(root, 'output/site'));
    expect((await refreshPreview(state, () => undefined)).outcome).toBe('needs-build');
    await writeFile(path.join(root, 'content/not-content.txt'), 'x');
    state.memory.files.changed.add('content/not-content.txt');
    const result = await refreshPreview(state, () => undefined);
    expect(result.outcome).toBe('not-checked');
    expect(result.errors.map((e) => e.code)).toContain('E_FILE_NAME');
  });
});
