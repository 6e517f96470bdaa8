import path from 'node:path';
import { defineCommand } from 'citty';
import { buildProject } from '../pipeline/build-project.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const buildCommand = defineCommand({
  meta: { name: 'build', description: 'Check the content, then build the archive website into output/site.' },
  args: {
    ...rootArg,
    output: { type: 'string', description: 'Output folder (default: <root>/output)' },
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    const started = performance.now();
    const result = await buildProject({ root, ...(args.output ? { outputDir: path.resolve(args.output) } : {}) });
    printErrors(result.errors);
    if (!result.ok) {
      process.stderr.write('Build stopped: nothing was written; the previous output is unchanged.\n');
      process.exitCode = 1;
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const pages = result.model ? result.model.reports.length : 0;
    process.stdout.write(`Built ${pages} reports into ${path.relative(process.cwd(), result.siteDir) || '.'} in ${seconds} s\n`);
  },
});
