import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type ContentProblem } from '../errors/content-problem.ts';
import { UsageError } from '../errors/usage-error.ts';
import { listPdfTasks } from '../pdf/list-pdf-tasks.ts';
import { printSitePdfs, type PdfProgress } from '../pdf/print-site-pdfs.ts';
import { renderSite } from '../render/render-site.ts';
import { pageFile } from '../domain/urls.ts';
import { checkProject } from './check-project.ts';
import type { SiteModel } from '../model/types.ts';
import { isWithin, resolveRealPath } from '../util/real-path.ts';
import { locateOutput } from './output-folders.ts';

export interface MembersOptions {
  root: string;
  /** Where the members' papers go: never inside the public output. */
  membersDir: string;
  /** The public output folder (default `<root>/output`), which the members' papers must stay out of. */
  outputDir?: string;
  concurrency?: number;
  onPdfProgress?: (progress: PdfProgress) => void;
}

export interface MembersResult {
  ok: boolean;
  errors: ContentProblem[];
  /** The files written, relative to the members' folder. */
  written: string[];
}

/**
 * The members' papers: every pack in full, Part 2 and its exempt reports and
 * minutes included, and each exempt report's own PDF. Made from the whole
 * content in a folder of its own, never the public site's.
 */
export async function buildMembersPapers(options: MembersOptions): Promise<MembersResult> {
  const membersDir = await refuseNearPublic(options);
  const checked = await checkProject(options.root, { members: true });
  if (!checked.model || hasErrors(checked.errors)) return { ok: false, errors: checked.errors, written: [] };
  const model = checked.model;
  await mkdir(membersDir, { recursive: true });
  // The site and its print cache are made in a hidden folder that is removed: members get only their papers.
  const staging = await mkdtemp(path.join(membersDir, '.site-'));
  try {
    await renderSite(model, staging);
    await printSitePdfs(model, {
      siteDir: staging,
      cacheDir: path.join(staging, '.print-cache'),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.onPdfProgress ? { onProgress: options.onPdfProgress } : {}),
    });
    const wanted = listPdfTasks(model).filter((t) => t.kind === 'pack' || isExemptReport(model, t.pdfUrl));
    const written: string[] = [];
    for (const task of wanted) {
      const name = path.posix.basename(task.pdfUrl);
      await copyFile(path.join(staging, pageFile(task.pdfUrl)), path.join(membersDir, name));
      written.push(name);
    }
    return { ok: true, errors: checked.errors, written: written.sort() };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function isExemptReport(model: SiteModel, pdfUrl: string): boolean {
  return model.reports.some((r) => r.pdfUrl === pdfUrl && r.notForPublication !== undefined);
}

/**
 * The members' folder, by its real path: refused when it is, holds or lies in
 * the public output, the project's output or the project itself, however it is
 * spelled (a link, `..`, `--root` through a link). Nothing is written before.
 */
async function refuseNearPublic(options: MembersOptions): Promise<string> {
  const membersDir = await resolveRealPath(options.membersDir);
  const root = await resolveRealPath(options.root);
  const guarded = [
    await resolveRealPath(locateOutput(options.root, options.outputDir).output),
    await resolveRealPath(locateOutput(options.root).output),
  ];
  for (const folder of guarded)
    if (isWithin(membersDir, folder) || isWithin(folder, membersDir))
      throw new UsageError(
        `the members' papers hold exempt information and cannot be written in or around the public output (${folder}): choose a folder outside it`,
      );
  if (isWithin(membersDir, root) || isWithin(root, membersDir))
    throw new UsageError(
      `the members' papers hold exempt information and cannot be written in or around the project (${root}), where they could be committed or published: choose a folder outside it`,
    );
  return membersDir;
}
