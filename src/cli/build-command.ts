import path from 'node:path';
import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import { buildProject } from '../pipeline/build-project.ts';
import { buildMembersPapers } from '../pipeline/build-members-papers.ts';
import { createPdfProgress, describePdfResult } from './pdf-progress.ts';
import { reportToGithub } from './github-annotations.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const buildCommand = defineCommand({
  meta: { name: 'build', description: DESCRIPTIONS.build },
  args: {
    ...rootArg,
    output: { type: 'string', description: 'Output folder (default: <root>/output)' },
    pdf: { type: 'boolean', description: 'Print PDFs (use --no-pdf for HTML only)', default: true },
    concurrency: { type: 'string', description: 'Pages printed at once (default: available cores)' },
    'base-url': {
      type: 'string',
      description:
        'Where the site is published, in place of base_url of data/site.yaml (such as https://owner.github.io/repo/)',
    },
    'pdf-timeout': {
      type: 'string',
      description: 'Seconds allowed to print one PDF, before its one retry (default: 60)',
    },
    verbose: { type: 'boolean', description: 'Also print the YAML parser’s own words under each syntax error' },
    exempt: {
      type: 'string',
      description:
        "Build the members' papers instead: every pack in full, with Part 2 and its exempt papers, into this folder (never inside the public output)",
    },
  },
  async run({ args }) {
    if (args.exempt !== undefined) await buildForMembers(args, args.exempt);
    else await buildSite(args);
  },
});

interface BuildArgs {
  root: string;
  output?: string | undefined;
  pdf: boolean;
  concurrency?: string | undefined;
  'base-url'?: string | undefined;
  'pdf-timeout'?: string | undefined;
  verbose?: boolean | undefined;
}

/** `papers build --exempt <folder>`: the members' papers, every pack in full. */
async function buildForMembers(args: BuildArgs, folder: string): Promise<void> {
  const progress = createPdfProgress();
  const members = await buildMembersPapers({
    root: resolveRoot(args.root),
    membersDir: path.resolve(folder),
    ...(args.output ? { outputDir: path.resolve(args.output) } : {}),
    ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
    onPdfProgress: (p) => progress.update(p),
  }).finally(() => progress.stop());
  printErrors(members.errors);
  await reportToGithub(members.errors);
  if (!members.ok) {
    process.stderr.write('Build stopped: nothing was written.\n');
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `Wrote the members' papers into ${path.resolve(folder)}: ${members.written.join(', ') || 'no packs'}\n`,
  );
}

/** `papers build`: the public site and its PDFs. */
async function buildSite(args: BuildArgs): Promise<void> {
  const started = performance.now();
  const progress = createPdfProgress();
  const result = await buildProject({
    root: resolveRoot(args.root),
    ...(args.output ? { outputDir: path.resolve(args.output) } : {}),
    pdf: args.pdf,
    ...(args['base-url'] ? { baseUrl: args['base-url'] } : {}),
    ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
    ...(args['pdf-timeout'] ? { pdfTimeoutMs: Number(args['pdf-timeout']) * 1000 } : {}),
    onPdfProgress: (p) => progress.update(p),
  }).finally(() => progress.stop());
  printErrors(result.errors, process.stderr, args.verbose);
  await reportToGithub(result.errors);
  if (!result.ok) {
    process.stderr.write('Build stopped: nothing was written; the previous output is unchanged.\n');
    process.exitCode = 1;
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const pages = result.model ? result.model.reports.length : 0;
  const pdfs = result.pdfs ? `; ${describePdfResult(result.pdfs)}` : '';
  process.stdout.write(
    `Built ${pages} reports into ${path.relative(process.cwd(), result.siteDir) || '.'} in ${seconds} s${pdfs}\n`,
  );
}
