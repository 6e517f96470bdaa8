import { isIsoDate } from '../domain/dates.ts';
import type { ArgsDef, CommandDef } from 'citty';
import { UsageError } from '../errors/usage-error.ts';

/** A mistake in the command line: answered with the command's own usage and exit code 2. */
export class ArgumentError extends UsageError {
  override name = 'ArgumentError';
  constructor(
    message: string,
    /** The command whose usage to show. */
    readonly command: CommandDef,
    readonly parent: CommandDef | undefined,
  ) {
    super(message);
  }
}

const REAL_DATE = {
  test: (v: string) => isIsoDate(v),
  expected: 'a real date written YYYY-MM-DD',
};

/** Values some options take, checked before a command runs. */
const VALUES: Record<string, { test: (v: string) => boolean; expected: string }> = {
  concurrency: {
    test: (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 64,
    expected: 'a whole number from 1 to 64',
  },
  port: { test: (v) => /^\d+$/.test(v) && Number(v) <= 65_535, expected: 'a port number from 0 to 65535' },
  'pdf-timeout': { test: (v) => /^\d+(\.\d+)?$/.test(v) && Number(v) > 0, expected: 'a number of seconds above 0' },
  today: REAL_DATE,
  'base-url': { test: isWebAddress, expected: 'an http or https address, such as https://owner.github.io/repo/' },
  date: REAL_DATE,
  'per-type': { test: (v) => /^\d+$/.test(v) && Number(v) >= 1, expected: 'a whole number from 1' },
  pdfs: { test: (v) => /^\d+$/.test(v), expected: 'a whole number' },
};

/**
 * The command a command line names, with its parent, and a check that every
 * option it gives is one that command has, with a value where one is needed
 * and of the kind it needs. citty itself accepts anything; a typo such as
 * `--no-pfd` must not run a whole build that prints every PDF.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export async function checkArgs(main: CommandDef, rawArgs: readonly string[]): Promise<void> {
  let command = main;
  let parent: CommandDef | undefined;
  let rest = [...rawArgs];
  for (;;) {
    const subCommands = await resolve(command.subCommands);
    if (!subCommands) break;
    const name = rest[0];
    if (name === undefined || name.startsWith('-'))
      throw new ArgumentError(`choose what to do: ${Object.keys(subCommands).join(', ')}`, command, parent);
    const next = subCommands[name];
    if (!next)
      throw new ArgumentError(
        `there is no command "${name}"; the commands are: ${Object.keys(subCommands).join(', ')}`,
        command,
        parent,
      );
    parent = command;
    command = (await resolve(next)) as CommandDef;
    rest = rest.slice(1);
  }
  const args = ((await resolve(command.args)) ?? {}) as ArgsDef;
  const options = new Map(Object.entries(args).filter(([, def]) => def.type !== 'positional'));
  const positionals = Object.values(args).filter((def) => def.type === 'positional').length;
  let seenPositionals = 0;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as string;
    if (token === '--') break;
    if (!token.startsWith('-')) {
      if (++seenPositionals > positionals) throw new ArgumentError(`unexpected argument "${token}"`, command, parent);
      continue;
    }
    const [flag = '', inline] = token.replace(/^--?/, '').split(/=(.*)/s, 2);
    const negated = flag.startsWith('no-') && options.get(flag.slice(3))?.type === 'boolean';
    const name = negated ? flag.slice(3) : flag;
    const def = options.get(name);
    if (!def) throw new ArgumentError(`unknown option ${token.split('=')[0]}`, command, parent);
    if (def.type === 'boolean' || negated) continue;
    const value = inline ?? rest[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new ArgumentError(`--${name} needs a value`, command, parent);
    const rule = VALUES[name];
    if (rule && !rule.test(value))
      throw new ArgumentError(`--${name} ${value} is not ${rule.expected}`, command, parent);
  }
  for (const [name, def] of Object.entries(args)) {
    if (def.required && def.type !== 'positional' && !rest.some((t) => t === `--${name}` || t.startsWith(`--${name}=`)))
      throw new ArgumentError(`--${name} is needed`, command, parent);
  }
}

function isWebAddress(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

async function resolve<T>(value: T | (() => T | Promise<T>) | Promise<T> | undefined): Promise<T | undefined> {
  return typeof value === 'function' ? (value as () => T | Promise<T>)() : value;
}
