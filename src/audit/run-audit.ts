import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ContentProblem } from '../errors/content-problem.ts';
import { hasErrors } from '../errors/content-problem.ts';
import { UsageError } from '../errors/usage-error.ts';
import type { SiteModel } from '../model/types.ts';
import { launchBrowser } from '../pdf/launch-browser.ts';
import { serveDirectory } from '../pdf/serve-directory.ts';
import { checkProject } from '../pipeline/check-project.ts';
import { locateOutput } from '../pipeline/output-folders.ts';
import type { AuditData } from '../schemas/audit.ts';
import { writeFileAnew } from '../util/link-file.ts';
import { checkPdfUa, PDF_UA_CHECKS } from './check-pdf-ua.ts';
import { checkPages, readAxeVersion } from './check-pages.ts';
import { listAuditPages, spread } from './list-audit-pages.ts';

/** Where the results are kept, for the accessibility statement: committed with the content. */
export const AUDIT_FILE = 'data/accessibility-audit.yaml';
const WIDTHS = [320, 1280];

export interface AuditOptions {
  root: string;
  outputDir?: string;
  /** Pages of each kind made per item (reports, meetings…) to check (default 3). */
  perType?: number;
  /** PDFs to check at most, spread over the site's (default 50). */
  pdfs?: number;
  /** The day of the test (default: today). */
  today?: string;
  onProgress?: (message: string) => void;
}

export interface AuditResult {
  errors: ContentProblem[];
  audit?: AuditData;
}

/**
 * Test the built site as the accessibility statement reports it: pages of
 * every kind with axe-core at 320 and 1,280 px in Chromium, and PDFs with the
 * PDF/UA-1 checks; the results go to data/accessibility-audit.yaml.
 */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const checked = await checkProject(options.root);
  if (!checked.model || hasErrors(checked.errors)) return { errors: checked.errors };
  const model = checked.model;
  const siteDir = locateOutput(options.root, options.outputDir).site;
  if (!(await stat(siteDir).catch(() => undefined)))
    throw new UsageError(`there is no built site in ${siteDir}: run \`papers build\` first`);
  const pages = await auditPages(model, siteDir, options);
  const pdfs = await auditPdfs(siteDir, options);
  const audit: AuditData = { tested: options.today ?? new Date().toISOString().slice(0, 10), pages, pdfs };
  const header = [
    '# yaml-language-server: $schema=../schemas/audit.schema.json',
    '# Written by `papers audit`: the accessibility statement reports it. Run it again after a change.',
    '',
  ].join('\n');
  await writeFileAnew(path.join(options.root, AUDIT_FILE), header + stringify(audit, { lineWidth: 0 }));
  return { errors: checked.errors, audit };
}

async function auditPages(model: SiteModel, siteDir: string, options: AuditOptions): Promise<AuditData['pages']> {
  const pages = listAuditPages(model, options.perType ?? 3);
  const base = model.site.basePath.replace(/\/$/, '');
  const server = await serveDirectory(siteDir, model.site.basePath);
  try {
    const running = await launchBrowser(server.origin);
    try {
      const prefixed = pages.map((p) => ({ ...p, url: base + p.url }));
      const problems = await checkPages(running.browser, server.origin, prefixed, WIDTHS, (done, total) =>
        options.onProgress?.(`page ${done}/${total} checked`),
      );
      return {
        tool: `axe-core ${await readAxeVersion()} (WCAG 2.2 A and AA rules)`,
        browser: `Chromium ${(await running.browser.version()).split('/').at(-1)}`,
        widths: WIDTHS,
        checked: pages.length,
        of: countPages(model),
        problems,
      };
    } finally {
      await running.close();
    }
  } finally {
    await server.close();
  }
}

/** The site's HTML pages: those of the sitemap, and the page for an address not found. */
function countPages(model: SiteModel): number {
  return model.sitemapUrls.filter((url) => url.endsWith('/')).length + 1;
}

async function auditPdfs(siteDir: string, options: AuditOptions): Promise<AuditData['pdfs']> {
  const all = (await readdir(siteDir, { recursive: true }))
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
  const sample = spread(all, options.pdfs ?? 50);
  const problems: AuditData['pdfs']['problems'] = [];
  for (const [i, name] of sample.entries()) {
    for (const failure of await checkPdfUa(await readFile(path.join(siteDir, name))))
      problems.push({ where: `/${name}`, what: failure });
    options.onProgress?.(`PDF ${i + 1}/${sample.length} checked`);
  }
  return { tool: PDF_UA_CHECKS, checked: sample.length, of: all.length, problems };
}
