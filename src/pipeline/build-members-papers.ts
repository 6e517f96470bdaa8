import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type ContentProblem } from '../errors/content-problem.ts';
import { UsageError } from '../errors/usage-error.ts';
import { listPdfTasks } from '../pdf/list-pdf-tasks.ts';
import { printSitePdfs, type PdfProgress } from '../pdf/print-site-pdfs.ts';
import { renderSite } from '../render/render-site.ts';
import { pageFile } from '../domain/urls.ts';
import { checkProject } from './check-project.ts';
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
  const membersDir = path.resolve(options.membersDir);
  const outputDir = locateOutput(options.root, options.outputDir).output;
  if (isInside(membersDir, outputDir) || isInside(outputDir, membersDir)) {
    throw new UsageError(
      `the members' papers hold exempt information and cannot be written in or around the public output (${outputDir}): choose a folder outside it`,
    );
  }
  const checked = await checkProject(options.root, { members: true });
  if (!checked.model || hasErrors(checked.errors)) return { ok: false, errors: checked.errors, written: [] };
  const model = checked.model;
  await mkdir(membersDir, { recursive: true });
  const staging = await mkdtemp(path.join(membersDir, '.site-'));
  try {
    await renderSite(model, staging);
    await printSitePdfs(model, {
      siteDir: staging,
      cacheDir: path.join(membersDir, '.cache'),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.onPdfProgress ? { onProgress: options.onPdfProgress } : {}),
    });
    const exemptReports = new Set(
      model.reports
        .filter((r) => model.meetings.some((m) => m.agenda.some((i) => i.part === 2 && i.report === r)))
        .map((r) => r.pdfUrl),
    );
    const wanted = listPdfTasks(model).filter((t) => t.kind === 'pack' || exemptReports.has(t.pdfUrl));
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

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
