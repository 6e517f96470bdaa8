import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors/usage-error.ts';
import { runArchiveImport } from './import-archive-command.ts';
import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import { importReport } from '../import/import-report.ts';
import { checkProject } from '../pipeline/check-project.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const importCommand = defineCommand({
  meta: { name: 'import', description: DESCRIPTIONS.import },
  args: {
    file: {
      type: 'positional',
      description: 'The Word document or the saved page; or the folder of a saved copy of the archive website',
      required: true,
    },
    meeting: {
      type: 'string',
      description: 'The meeting that took the report, as <committee>/<yyyy-mm-dd> (for one document)',
    },
    number: { type: 'string', description: 'The agenda item number, when the document has no "Report:" line' },
    recommendations: {
      type: 'string',
      description: 'A recommendation set: the Key points / Actions / Results tables become its progress',
    },
    ...rootArg,
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    const file = path.resolve(args.file);
    if ((await stat(file).catch(() => undefined))?.isDirectory()) return runArchiveImport(root, file);
    if (!args.meeting)
      throw new UsageError('give the meeting that took the report: --meeting <committee>/<yyyy-mm-dd>');
    const result = await importReport({
      root,
      file,
      meeting: args.meeting,
      ...(args.number ? { number: args.number } : {}),
      ...(args.recommendations ? { recommendations: args.recommendations } : {}),
    });
    for (const file of result.written) process.stdout.write(`Wrote ${file}\n`);
    if (result.entries > 0)
      process.stdout.write(`Added ${result.entries} progress entries of ${args.recommendations}\n`);
    for (const w of result.warnings) process.stderr.write(`warning  ${w.at}: ${w.message}\n`);
    // The import's check is `papers check` on the whole project: what the new files break elsewhere
    // (facts citing a report, an agenda) is said too, and "Check passed" only when check passes.
    const checked = await checkProject(root);
    const errors = checked.errors.filter((e) => e.severity === 'error');
    if (errors.length > 0) {
      printErrors(errors);
      process.stderr.write(
        `papers check fails after the import (${errors.length} error${errors.length > 1 ? 's' : ''}): correct ${errors.length > 1 ? 'them' : 'it'}, then run papers check.\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write(
        'Check passed. Read the new page with `papers serve` against the document before you commit it.\n',
      );
    }
  },
});
