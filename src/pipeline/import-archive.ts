import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pageFile } from '../domain/urls.ts';
import { appendToList } from '../edit/add-progress-entry.ts';
import type { ContentProblem } from '../errors/content-problem.ts';
import type { SiteModel } from '../model/types.ts';
import { renderSite } from '../render/render-site.ts';
import { checkProject } from './check-project.ts';
import { type ArchiveState, importArchivePage, type PageOutcome, type PlannedReport } from '../import/archive-page.ts';
import type { PlannedMeetingPage } from '../import/archive-meeting-page.ts';
import { planMeetings } from '../import/plan-meetings.ts';
import { hashText, IMPORT_DIR, readManifest, writeManifest } from '../import/import-manifest.ts';
import { type Changes, loadProject, writeChanges } from '../import/import-report.ts';
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
 * report page mapped as `papers import` maps one, each meeting's agenda and
 * minutes from their own pages (else from the reports and minutes found), and
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
  const results: Array<PageOutcome | PlannedReport | PlannedMeetingPage> = [];
  for (const [i, page] of pages.entries()) {
    results.push(await importArchivePage(page, state));
    options.onProgress?.(i + 1, pages.length);
  }
  lap('pages');
  const planned = results.filter((r): r is PlannedReport => 'outcome' in r && r.kind === 'report');
  const meetingPages = results.filter((r): r is PlannedMeetingPage => 'outcome' in r && r.kind !== 'report');
  const changes: Changes = { files: new Map(), created: new Set() };
  for (const report of planned) changes.files.set(report.outcome.file!, report.text);
  const committees = await planCommittees(root, state, [...planned, ...meetingPages], changes);
  await planMeetings(state, planned, meetingPages, changes);
  await writeChanges(root, changes);
  const written = [...planned, ...meetingPages].filter((p) => p.outcome.status === 'imported' && p.text !== undefined);
  for (const page of written)
    state.manifest.pages[page.outcome.source] = {
      sourceHash: page.sourceHash,
      file: page.outcome.file!,
      writtenHash: hashText(page.text!),
    };
  await writeManifest(root, state.manifest);
  const outcomes = results.map((r) => ('outcome' in r ? r.outcome : r));
  lap('write');
  const checked = await checkProject(root);
  const errors = checked.errors.filter((e) => e.severity === 'error');
  lap('check');
  const fidelity =
    checked.model && errors.length === 0 ? await measureAll(root, folder, checked.model, written) : new Map();
  lap('build');
  return {
    timings,
    pages: outcomes.map((o) => ({ ...o, ...(fidelity.has(o.source) ? { lines: fidelity.get(o.source) } : {}) })),
    errors,
    committees,
  };
}

/** Committees the pages name that data/committees.yaml has not: added, for review. */
async function planCommittees(
  root: string,
  state: ArchiveState,
  planned: ReadonlyArray<PlannedReport | PlannedMeetingPage>,
  changes: Changes,
): Promise<string[]> {
  const added = new Map<string, string>();
  // A name found on any of a committee's report pages; its code where none names it (to be written in review).
  for (const page of planned) {
    if (state.committees.has(page.committee)) continue;
    const name = page.kind === 'report' ? (page.newCommittee ?? '') : '';
    if (!added.get(page.committee)) added.set(page.committee, name);
  }
  if (added.size === 0) return [];
  const file = 'data/committees.yaml';
  let text = await readFile(path.join(root, file), 'utf8');
  for (const [code, name] of added) text = appendToList(text, [], 'committees', { code, name: name || code });
  changes.files.set(file, text);
  return [...added.keys()];
}

/** Render the project's pages beside the migration report (as the build does), and read each imported page against its source. */
async function measureAll(
  root: string,
  folder: string,
  model: SiteModel,
  pages: ReadonlyArray<PlannedReport | PlannedMeetingPage>,
): Promise<Map<string, { found: number; total: number; missing: string[] }>> {
  const siteDir = path.join(root, IMPORT_DIR, 'built');
  await rm(siteDir, { recursive: true, force: true });
  await renderSite(model, siteDir);
  const reports = new Map(model.reports.map((r) => [r.id, r.url]));
  const meetings = new Map(model.meetings.map((m) => [m.id, m]));
  const urlOf = (page: PlannedReport | PlannedMeetingPage) =>
    page.kind === 'report'
      ? reports.get(page.id)
      : page.kind === 'meeting'
        ? meetings.get(page.meeting)?.url
        : meetings.get(page.meeting)?.minutes?.url;
  const out = new Map<string, { found: number; total: number; missing: string[] }>();
  for (const page of pages) {
    const url = urlOf(page);
    const html = url ? await readFile(path.join(siteDir, pageFile(url)), 'utf8').catch(() => '') : '';
    // The source read again, not kept from its import: an archive's pages may not all fit in memory.
    const source = await readDocument(
      new Uint8Array(await readFile(path.join(folder, page.outcome.source))),
      page.outcome.source,
    );
    const lines = readSourceLines(source.html);
    const { found, missing } = measureFidelity(lines, html);
    out.set(page.outcome.source, { found, total: lines.length, missing });
  }
  return out;
}
