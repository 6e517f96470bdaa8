import { defineCommand, runMain } from 'citty';
import { buildCommand } from './build-command.ts';
import { checkCommand } from './check-command.ts';
import { schemasCommand } from './schemas-command.ts';

export const mainCommand = defineCommand({
  meta: {
    name: 'papers',
    description: 'Publish committee papers from YAML and Markdown: an archive website and print-ready PDFs.',
  },
  subCommands: {
    build: buildCommand,
    check: checkCommand,
    schemas: schemasCommand,
  },
});

export async function runCli(argv: string[]): Promise<void> {
  await runMain(mainCommand, { rawArgs: argv });
}
