import { defineCommand, runCommand, runMain, showUsage } from 'citty';
import { buildCommand } from './build-command.ts';
import { ArgumentError, checkArgs } from './check-args.ts';
import { changesCommand } from './changes-command.ts';
import { checkCommand } from './check-command.ts';
import { importCommand } from './import-command.ts';
import { newCommand } from './new-command.ts';
import { pdfCommand } from './pdf-command.ts';
import { schemasCommand } from './schemas-command.ts';
import { serveCommand } from './serve-command.ts';
import { statusCommand } from './status-command.ts';

export const mainCommand = defineCommand({
  meta: {
    name: 'papers',
    description: 'Publish committee papers from YAML and Markdown: an archive website and print-ready PDFs.',
  },
  subCommands: {
    build: buildCommand,
    changes: changesCommand,
    check: checkCommand,
    import: importCommand,
    new: newCommand,
    pdf: pdfCommand,
    schemas: schemasCommand,
    serve: serveCommand,
    status: statusCommand,
  },
});

/**
 * Content errors are reported by the commands themselves. Anything else is a
 * fault of the tool or the machine: one clear line, and the stack only with DEBUG.
 */
export async function runCli(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    await runMain(mainCommand, { rawArgs: argv });
    return;
  }
  try {
    await checkArgs(mainCommand, argv);
    await runCommand(mainCommand, { rawArgs: argv });
  } catch (error) {
    if (error instanceof ArgumentError) {
      await showUsage(error.command, error.parent);
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof Error && error.name === 'CLIError') {
      await showUsage(mainCommand);
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof Error && ['OutputLockedError', 'UsageError', 'ImportError', 'BrowserNotFoundError'].includes(error.name)) {
      process.stderr.write(`papers: ${error.message}\n`);
      process.exitCode = error.name === 'UsageError' ? 2 : 1;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`papers: ${message}\n`);
    if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('Run again with DEBUG=1 for details.\n');
    process.exitCode = 2;
  }
}
