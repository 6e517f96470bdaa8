import { defineCommand } from 'citty';
import { AUDIT_FILE, runAudit } from '../audit/run-audit.ts';
import { hasErrors } from '../errors/content-problem.ts';
import { DESCRIPTIONS } from './descriptions.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const auditCommand = defineCommand({
  meta: { name: 'audit', description: DESCRIPTIONS.audit },
  args: {
    ...rootArg,
    output: { type: 'string', description: 'Output folder the site was built into (default: <root>/output)' },
    'per-type': { type: 'string', description: 'Pages of each kind made per item to check (default: 3)' },
    pdfs: { type: 'string', description: 'PDFs to check at most, spread over the site (default: 50)' },
    today: { type: 'string', description: 'The day of the test, YYYY-MM-DD (default: today)' },
  },
  async run({ args }) {
    const result = await runAudit({
      root: resolveRoot(args.root),
      ...(args.output ? { outputDir: args.output } : {}),
      ...(args['per-type'] ? { perType: Number(args['per-type']) } : {}),
      ...(args.pdfs ? { pdfs: Number(args.pdfs) } : {}),
      ...(args.today ? { today: args.today } : {}),
      onProgress: (message) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${message}   `);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    printErrors(result.errors);
    if (!result.audit || hasErrors(result.errors)) {
      process.exitCode = 1;
      return;
    }
    const { pages, pdfs } = result.audit;
    const found = pages.problems.length + pdfs.problems.length;
    for (const problem of [...pages.problems, ...pdfs.problems])
      process.stdout.write(`${problem.where}: ${problem.what}\n`);
    process.stdout.write(
      `${pages.checked} of ${pages.of} pages checked at ${pages.widths.join(' and ')} px, ${pdfs.checked} of ${pdfs.of} PDFs: ${found === 0 ? 'no problem found' : `${found} problem${found === 1 ? '' : 's'}`}; written to ${AUDIT_FILE}\n`,
    );
    if (found > 0) process.exitCode = 1;
  },
});
