import { defineCommand, runCommand, runMain, showUsage, type CommandDef } from 'citty';
import { CAUGHT_STRAYS } from '../util/catch-stray-rejections.ts';
import { describeSystemError } from '../errors/describe-system-error.ts';
import { PapersError } from '../errors/papers-error.ts';
import { ArgumentError, checkArgs } from './check-args.ts';
import { DESCRIPTIONS } from './descriptions.ts';

/** What each command does, for the list `papers --help` prints without loading any command. */
export const COMMANDS: Record<string, { description: string; load: () => Promise<CommandDef> }> = {
  audit: {
    description: DESCRIPTIONS.audit,
    load: () => import('./audit-command.ts').then((m) => m.auditCommand as CommandDef),
  },
  build: {
    description: DESCRIPTIONS.build,
    load: () => import('./build-command.ts').then((m) => m.buildCommand as CommandDef),
  },
  changes: {
    description: DESCRIPTIONS.changes,
    load: () => import('./changes-command.ts').then((m) => m.changesCommand as CommandDef),
  },
  check: {
    description: DESCRIPTIONS.check,
    load: () => import('./check-command.ts').then((m) => m.checkCommand as CommandDef),
  },
  import: {
    description: DESCRIPTIONS.import,
    load: () => import('./import-command.ts').then((m) => m.importCommand as CommandDef),
  },
  new: {
    description: DESCRIPTIONS.new,
    load: () => import('./new-command.ts').then((m) => m.newCommand as CommandDef),
  },
  pdf: {
    description: DESCRIPTIONS.pdf,
    load: () => import('./pdf-command.ts').then((m) => m.pdfCommand as CommandDef),
  },
  schemas: {
    description: DESCRIPTIONS.schemas,
    load: () => import('./schemas-command.ts').then((m) => m.schemasCommand as CommandDef),
  },
  serve: {
    description: DESCRIPTIONS.serve,
    load: () => import('./serve-command.ts').then((m) => m.serveCommand as CommandDef),
  },
  status: {
    description: DESCRIPTIONS.status,
    load: () => import('./status-command.ts').then((m) => m.statusCommand as CommandDef),
  },
};

const DESCRIPTION = 'Publish committee papers from YAML and Markdown: an archive website and print-ready PDFs.';

export const mainCommand = defineCommand({
  meta: { name: 'papers', description: DESCRIPTION },
  // Each command is loaded only when it runs: `papers --help` and `papers check` never load Eleventy or Chromium's driver.
  subCommands: Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, c.load])),
});

/** `papers --help`: the commands and what they do, without loading one. */
function printMainUsage(): void {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}    ${c.description}`);
  process.stdout.write(
    `${DESCRIPTION} (papers)\n\nUSAGE papers ${Object.keys(COMMANDS).join('|')}\n\nCOMMANDS\n\n${lines.join('\n')}\n\nUse papers <command> --help for more information about a command.\n`,
  );
}

/**
 * Content errors are reported by the commands themselves, all at once. Every
 * other error a user can meet is a `PapersError`, said here in one line with
 * its code; anything else is a fault of the tool or the machine (E_INTERNAL):
 * one clear line, and the stack only with DEBUG.
 */
export async function runCli(argv: string[]): Promise<void> {
  if (argv.length === 0 || (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h'))) {
    printMainUsage();
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    await runMain(mainCommand, { rawArgs: argv });
    return;
  }
  const failure = watchStrayRejections();
  try {
    await checkArgs(mainCommand, argv);
    await runCommand(mainCommand, { rawArgs: argv });
  } catch (error) {
    failure.failed = true;
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
    reportFailure(error);
  } finally {
    failure.settled = true;
  }
  // The command went through, but a library left a failure unhandled on the way: that is the command's failure.
  if (!failure.failed && failure.strays[0] !== undefined) {
    failure.failed = true;
    reportFailure(failure.strays[0]);
  }
}

/**
 * A rejection left unhandled by a library is kept, not a crash with a stack:
 * while the command runs, its own error (which says where) comes first; a
 * stray is reported only when the command gave none.
 */
function watchStrayRejections(): { strays: unknown[]; failed: boolean; settled: boolean } {
  const state = { strays: [] as unknown[], failed: false, settled: false };
  process.on('unhandledRejection', (reason) => {
    if (reason && typeof reason === 'object' && CAUGHT_STRAYS.has(reason)) return;
    if (!state.settled) state.strays.push(reason);
    else if (!state.failed) {
      state.failed = true;
      reportFailure(reason);
    }
  });
  return state;
}

/** An error that is not the content's, in one line with its code; the stack only with DEBUG. */
function reportFailure(error: unknown): void {
  const known = error instanceof PapersError ? error : describeSystemError(error);
  if (known) {
    process.stderr.write(`papers: ${known.code}  ${known.message}\n`);
    process.exitCode = known.exitCode;
    if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`papers: E_INTERNAL  ${message}\n`);
  if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('Run again with DEBUG=1 for details.\n');
  process.exitCode = 2;
}
