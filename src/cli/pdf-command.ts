import { readFile, stat } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import { hasErrors } from '../errors/content-problem.ts';
import type { PdfTask } from '../pdf/list-pdf-tasks.ts';
import { printSitePdfs, type PrintSiteResult } from '../pdf/print-site-pdfs.ts';
import { publishOutput } from '../pipeline/publish-output.ts';
import type { PageManifest } from '../render/plan-render.ts';
import { findStalePages } from '../render/render-site.ts';
import { linkTree } from '../util/link-file.ts';
import { parseShard, selectShard } from '../pdf/shard.ts';
import { fillFileSizes, listPagesWithPdfs } from '../render/fill-file-sizes.ts';
import { checkProject } from '../pipeline/check-project.ts';
import { createPdfProgress, describePdfResult } from './pdf-progress.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';
import { locateOutput } from '../pipeline/output-folders.ts';

export const pdfCommand = defineCommand({
  meta: { name: 'pdf', description: DESCRIPTIONS.pdf },
  args: {
    ...rootArg,
    output: { type: 'string', description: 'Output folder (default: <root>/output)' },
    concurrency: { type: 'string', description: 'Pages printed at once (default: available cores)' },
    'pdf-timeout': {
      type: 'string',
      description: 'Seconds allowed to print one PDF, before its one retry (default: 60)',
    },
    'base-url': { type: 'string', description: 'Where the site is published, as given to `papers build --base-url`' },
    shard: { type: 'string', description: 'Print only shard k of n, such as 2/4, to split printing across machines' },
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    const folders = locateOutput(root, args.output);
    const siteDir = folders.site;
    if (!(await stat(siteDir).catch(() => undefined))) {
      process.stderr.write(`There is no built site in ${siteDir}: run \`papers build\` first.\n`);
      process.exitCode = 1;
      return;
    }
    const checked = await checkProject(root, args['base-url'] ? { baseUrl: args['base-url'] } : {});
    printErrors(checked.errors);
    if (!checked.model || hasErrors(checked.errors)) {
      process.exitCode = 1;
      return;
    }
    const shard = args.shard ? parseShard(args.shard) : undefined;
    // PDFs printed from pages older than the content would carry the content's new metadata over old text.
    const manifest = await readFile(folders.pagesManifest, 'utf8').then(
      (t) => JSON.parse(t) as PageManifest,
      () => undefined,
    );
    const stale = manifest ? await findStalePages(checked.model, manifest) : ['(no record of the build)'];
    if (stale.length > 0) {
      process.stderr.write(
        `The built site is older than the content (${stale.length} page${stale.length === 1 ? '' : 's'}, such as ${stale[0]}): run \`papers build --no-pdf\` first.\n`,
      );
      process.exitCode = 1;
      return;
    }
    const model = checked.model;
    const progress = createPdfProgress();
    let result: PrintSiteResult | undefined;
    // Printed into a copy of the published site and swapped in whole, as a build does.
    await publishOutput(siteDir, async (staging, published) => {
      // The published site as links: whatever printing writes (a pack's agenda, a page's file sizes, a PDF)
      // it writes as a new file, never through a link into the published release.
      if (published) await linkTree(published, staging);
      result = await printSitePdfs(model, {
        siteDir: staging,
        cacheDir: folders.pdfCache,
        ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
        ...(args['pdf-timeout'] ? { timeoutMs: Number(args['pdf-timeout']) * 1000 } : {}),
        onProgress: (p) => progress.update(p),
        ...(shard ? { select: (tasks: PdfTask[]) => selectShard(tasks, shard) } : {}),
      }).finally(() => progress.stop());
      if (!shard) await fillFileSizes(staging, listPagesWithPdfs(model));
    });
    if (result)
      process.stdout.write(`${shard ? `shard ${shard.index}/${shard.count}: ` : ''}${describePdfResult(result)}\n`);
  },
});
