import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import { hasErrors } from '../errors/content-problem.ts';
import { summariseErrors } from '../errors/format-errors.ts';
import { checkProject } from '../pipeline/check-project.ts';
import { locateOutput } from '../pipeline/output-folders.ts';
import { readCheckStore } from '../validate/check-store.ts';
import { reportToGithub } from './github-annotations.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const checkCommand = defineCommand({
  meta: { name: 'check', description: DESCRIPTIONS.check },
  args: {
    ...rootArg,
    today: { type: 'string', description: 'Date that target dates are checked against (default: today)' },
    verbose: { type: 'boolean', description: 'Also print the YAML parser’s own words under each syntax error' },
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    const result = await checkProject(root, {
      ...(args.today ? { today: args.today } : {}),
      // What the last build's check read from each file is used, never written: a check writes nothing.
      kept: await readCheckStore(locateOutput(root).checkStore),
      ci: ['true', '1'].includes(String(process.env.CI).toLowerCase()),
    });
    printErrors(result.errors, process.stderr, args.verbose);
    await reportToGithub(result.errors);
    if (hasErrors(result.errors)) {
      process.exitCode = 1;
      return;
    }
    const model = result.model;
    const counts = model ? `${model.reports.length} reports, ${model.meetings.length} meetings` : '';
    process.stdout.write(
      `check passed: ${counts}${result.errors.length > 0 ? ` (${summariseErrors(result.errors)})` : ''}\n`,
    );
  },
});
