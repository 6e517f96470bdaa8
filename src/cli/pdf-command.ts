import { stat } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand } from 'citty';
import { hasErrors } from '../errors/content-error.ts';
import type { PdfTask } from '../pdf/list-pdf-tasks.ts';
import { printSitePdfs } from '../pdf/print-site-pdfs.ts';
import { parseShard, selectShard } from '../pdf/shard.ts';
import { fillFileSizes } from '../render/fill-file-sizes.ts';
import { checkProject } from '../pipeline/check-project.ts';
import { createPdfProgress, describePdfResult } from './pdf-progress.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const pdfCommand = defineCommand({
  meta: { name: 'pdf', description: 'Print the report PDFs and committee packs from the built HTML in output/site.' },
  args: {
    ...rootArg,
    output: { type: 'string', description: 'Output folder (default: <root>/output)' },
    concurrency: { type: 'string', description: 'Pages printed at once (default: available cores)' },
    'pdf-timeout': { type: 'string', description: 'Seconds allowed to print one PDF, before its one retry (default: 60)' },
    shard: { type: 'string', description: 'Print only shard k of n, such as 2/4, to split printing across machines' },
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    const outputDir = args.output ? path.resolve(args.output) : path.join(root, 'output');
    const siteDir = path.join(outputDir, 'site');
    if (!(await stat(siteDir).catch(() => undefined))) {
      process.stderr.write(`There is no built site in ${siteDir}: run \`papers build\` first.\n`);
      process.exitCode = 1;
      return;
    }
    const checked = await checkProject(root);
    printErrors(checked.errors);
    if (!checked.model || hasErrors(checked.errors)) {
      process.exitCode = 1;
      return;
    }
    let shard;
    try {
      shard = args.shard ? parseShard(args.shard) : undefined;
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    const progress = createPdfProgress();
    const result = await printSitePdfs(checked.model, {
      siteDir,
      cacheDir: path.join(outputDir, '.cache', 'pdf'),
      ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
      ...(args['pdf-timeout'] ? { timeoutMs: Number(args['pdf-timeout']) * 1000 } : {}),
      onProgress: (p) => progress.update(p),
      ...(shard ? { select: (tasks: PdfTask[]) => selectShard(tasks, shard) } : {}),
    }).finally(() => progress.stop());
    if (!shard) await fillFileSizes(siteDir, checked.model.meetings.map((m) => m.url));
    process.stdout.write(`${shard ? `shard ${shard.index}/${shard.count}: ` : ''}${describePdfResult(result)}\n`);
  },
});
