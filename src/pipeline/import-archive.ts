import { meetingIdOf } from '../domain/meeting-ids.ts';
import { compareItemNumbers } from '../domain/item-numbers.ts';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pageFile } from '../domain/urls.ts';
import { appendToList } from '../edit/add-progress-entry.ts';
import type { ContentProblem } from '../errors/content-problem.ts';
import type { SiteModel } from '../model/types.ts';
import { renderSite } from '../render/render-site.ts';
import { checkProject } from './check-project.ts';
import { type ArchiveState, importArchivePage, type PageOutcome, type PlannedReport } from '../import/archive-page.ts';
import { hashText, IMPORT_DIR, readManifest, writeManifest } from '../import/import-manifest.ts';
import { type Changes, formatMeetingFile, loadProject, writeChanges } from '../import/import-report.ts';
import { measureFidelity, readSourceLines } from '../import/line-fidelity.ts';
import { listArchivePages } from '../import/list-archive-pages.ts';
import { readDocument } from '../import/read-document.ts';

export type { PageOutcome } from '../import/archive-page.ts';

export interface ArchiveImportOptions {
  root: string;
  /** The saved copy of the archive website. */
  folder: string;
  onProgress?: (done: number, total: number) => void;
}

/** A page's outcome, with its line fidelity once the project is built. */
export interface MigratedPage extends PageOutcome {
  lines?: { found: number; total: number; missing: string[] };
}

export interface ArchiveImport {
  pages: MigratedPage[];
  /** Errors of `papers check` on the whole project after the import. */
  errors: ContentProblem[];
  /** Committees added to data/committees.yaml, for review. */
  committees: string[];
  /** Seconds spent reading and mapping the pages, writing the files, checking, and building to measure fidelity. */
  timings: { pages: number; write: number; check: number; build: number };
}

/**
 * A saved copy of the archive website into the project, in one run: each
 * report page mapped as `papers import` maps one, its meeting's agenda and
 * a committee it names added, what was imported before and is unchanged (or
 * edited by hand since) left as it is. Then `papers check` on the whole
 * project and, when it passes, the project's pages rendered (as the build
 * renders them) and read against their sources for each page's line fidelity.
 */
export async function importArchive(options: ArchiveImportOptions): Promise<ArchiveImport> {
  const { root, folder } = options;
  const timings = { pages: 0, write: 0, check: 0, build: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof timings) => {
    timings[phase] = (performance.now() - mark) / 1000;
    mark = performance.now();
  };
  const content = await loadProject(root);
  const state: ArchiveState = {
    root,
    folder,
    content,
    manifest: await readManifest(root),
    committees: new Map(content.committees.data.committees.map((c) => [c.code, c.name])),
    planned: new Set(),
  };
  const pages = await listArchivePages(folder);
  const outcomes: PageOutcome[] = [];
  const planned: PlannedReport[] = [];
  for (const [i, page] of pages.entries()) {
    const result = await importArchivePage(page, state);
    if ('text' in result) planned.push(result);
    outcomes.push('text' in result ? result.outcome : result);
    options.onProgress?.(i + 1, pages.length);
  }
  lap('pages');
  const changes: Changes = { files: new Map(), created: new Set() };
  for (const report of planned) changes.files.set(report.outcome.file!, report.text);
  const committees = await planCommittees(root, planned, changes);
  await planAgendas(root, state, planned, changes);
  await writeChanges(root, changes);
  for (const report of planned)
    state.manifest.pages[report.outcome.source] = {
      sourceHash: report.sourceHash,
      file: report.outcome.file!,
      writtenHash: hashText(report.text),
    };
  await writeManifest(root, state.manifest);
  lap('write');
  const checked = await checkProject(root);
  const errors = checked.errors.filter((e) => e.severity === 'error');
  lap('check');
  const fidelity =
    checked.model && errors.length === 0 ? await measureAll(root, folder, checked.model, planned) : new Map();
  lap('build');
  return {
    timings,
    pages: outcomes.map((o) => ({ ...o, ...(fidelity.has(o.source) ? { lines: fidelity.get(o.source) } : {}) })),
    errors,
    committees,
  };
}

/** Committees the pages name that data/committees.yaml has not: added, for review. */
async function planCommittees(root: string, planned: readonly PlannedReport[], changes: Changes): Promise<string[]> {
  const added = new Map<string, string>();
  // A name found on any of a committee's pages; its code where none names it (to be written in review).
  for (const report of planned)
    if (report.newCommittee !== undefined && !added.get(report.committee))
      added.set(report.committee, report.newCommittee);
  if (added.size === 0) return [];
  const file = 'data/committees.yaml';
  let text = await readFile(path.join(root, file), 'utf8');
  for (const [code, name] of added) text = appendToList(text, [], 'committees', { code, name: name || code });
  changes.files.set(file, text);
  return [...added.keys()];
}

/** Each report on its meeting's agenda, in number order: added to the meeting's file, or a new file. */
async function planAgendas(
  root: string,
  state: ArchiveState,
  planned: readonly PlannedReport[],
  changes: Changes,
): Promise<void> {
  const byMeeting = new Map<string, PlannedReport[]>();
  for (const report of [...planned].sort((a, b) => compareItemNumbers(a.number, b.number))) {
    const key = meetingIdOf(report.committee, report.date, report.sitting);
    byMeeting.set(key, [...(byMeeting.get(key) ?? []), report]);
  }
  for (const [key, reports] of byMeeting) {
    const file = `content/meetings/${key}.yaml`;
    const meeting = state.content.meetings.find((m) => m.id === key);
    const onAgenda = new Set(meeting?.data.agenda.map((a) => a.report) ?? []);
    const fresh = reports.filter((r) => !onAgenda.has(r.id));
    if (fresh.length === 0) continue;
    if (!meeting) {
      changes.files.set(file, formatMeetingFile(fresh.map((r) => r.id)));
      changes.created.add(file);
      continue;
    }
    let text = await readFile(path.join(root, file), 'utf8');
    for (const r of fresh) text = appendToList(text, [], 'agenda', { report: r.id });
    changes.files.set(file, text);
  }
}

/** Render the project's pages beside the migration report (as the build does), and read each imported page against its source. */
async function measureAll(
  root: string,
  folder: string,
  model: SiteModel,
  planned: readonly PlannedReport[],
): Promise<Map<string, { found: number; total: number; missing: string[] }>> {
  const siteDir = path.join(root, IMPORT_DIR, 'built');
  await rm(siteDir, { recursive: true, force: true });
  await renderSite(model, siteDir);
  const urls = new Map(model.reports.map((r) => [r.id, r.url]));
  const out = new Map<string, { found: number; total: number; missing: string[] }>();
  for (const report of planned) {
    const url = urls.get(report.id);
    const html = url ? await readFile(path.join(siteDir, pageFile(url)), 'utf8').catch(() => '') : '';
    // The source read again, not kept from its import: an archive's pages may not all fit in memory.
    const source = await readDocument(
      new Uint8Array(await readFile(path.join(folder, report.outcome.source))),
      report.outcome.source,
    );
    const lines = readSourceLines(source.html);
    const { found, missing } = measureFidelity(lines, html);
    out.set(report.outcome.source, { found, total: lines.length, missing });
  }
  return out;
}
