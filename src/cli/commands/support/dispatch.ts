import type { ParseArgsConfig } from 'node:util';
import { AdminClient, adminUrl, DEFAULT_ADMIN_URL } from './admin-client.js';
import { adminOption, bootstrapOption, commonOptions, parse } from './args.js';
import { DEFAULT_BOOTSTRAP } from './kafka-connection.js';
import { CliError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  readonly positionals: readonly string[];
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly json: boolean;
  readonly client: AdminClient;
  readonly io: CliIo;
}

/** One leaf command such as `topics create`: its help text, its options, and what it does. */
export interface Subcommand {
  readonly summary: string;
  /** Usage line after `canopy <group> <name>`, e.g. `NAME [--partitions N]`. */
  readonly usage: string;
  /** Options printed by --help: [flag with its value, what it does]. */
  readonly help: readonly (readonly [string, string])[];
  readonly options: Options;
  /** Positionals required (a missing one is a usage error naming it). */
  readonly positionals: readonly string[];
  /** Positionals that may follow the required ones (the command checks what it needs). */
  readonly optionalPositionals?: readonly string[];
  /** 'kafka' when the command speaks Kafka to --bootstrap instead of calling the admin API. */
  readonly transport?: 'kafka';
  run(context: CommandContext): Promise<void>;
}

const adminHelp = ['--admin URL', `admin API of the broker, a URL or HOST:PORT (env CANOPY_ADMIN_URL, default ${DEFAULT_ADMIN_URL})`] as const;
const bootstrapHelp = ['-b, --bootstrap HOST:PORT', `Kafka listener of the broker (env CANOPY_BOOTSTRAP, default ${DEFAULT_BOOTSTRAP})`] as const;
const commonHelp: readonly (readonly [string, string])[] = [
  ['--json', 'machine-readable JSON instead of tables'],
  ['-h, --help', 'this help'],
];

/** Every option a subcommand accepts: its own, the common ones, and --admin or --bootstrap. */
export function optionsOf(sub: Subcommand): Options {
  return { ...commonOptions, ...(sub.transport === 'kafka' ? bootstrapOption : adminOption), ...sub.options };
}

/** Help rows as aligned `  name  text` lines. */
export function helpColumns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`);
}

function groupHelp(group: string, summary: string, subcommands: Readonly<Record<string, Subcommand>>): string {
  return [
    `canopy ${group} — ${summary}`, '', `Usage: canopy ${group} <command> [options]`, '', 'Commands:',
    ...helpColumns(Object.entries(subcommands).map(([name, s]) => [name, s.summary])),
    '', `Run "canopy ${group} <command> --help" for a command's options.`,
  ].join('\n');
}

function leafHelp(group: string, name: string, sub: Subcommand): string {
  return [
    `canopy ${group} ${name} — ${sub.summary}`, '', `Usage: canopy ${group} ${name} ${sub.usage}`.trimEnd(), '',
    'Options:', ...helpColumns([...sub.help, sub.transport === 'kafka' ? bootstrapHelp : adminHelp, ...commonHelp]),
  ].join('\n');
}

/**
 * Runs `canopy <group> <subcommand> ...`: help at every level, strict option parsing, one clear
 * error line on failure. Returns the exit code (io.ts).
 */
export async function runGroup(
  group: string, summary: string, subcommands: Readonly<Record<string, Subcommand>>, args: string[], io: CliIo,
): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(groupHelp(group, summary, subcommands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const sub = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (sub === undefined) {
    io.err(`canopy ${group}: unknown command "${name}"\n\n${groupHelp(group, summary, subcommands)}`);
    return EXIT_USAGE;
  }
  const hint = `Run "canopy ${group} ${name} --help" for usage.`;
  try {
    const { values, positionals } = parse(rest, optionsOf(sub), hint);
    if (values['help'] === true) {
      io.out(leafHelp(group, name, sub));
      return EXIT_OK;
    }
    if (positionals.length < sub.positionals.length) {
      throw new CliError(`missing ${sub.positionals.slice(positionals.length).join(' ')}\n${hint}`, EXIT_USAGE);
    }
    const positionalsMax = sub.positionals.length + (sub.optionalPositionals?.length ?? 0);
    if (positionals.length > positionalsMax) {
      throw new CliError(`unexpected argument "${positionals[positionalsMax]}"\n${hint}`, EXIT_USAGE);
    }
    const client = new AdminClient(adminUrl(values['admin'] as string | undefined, io.env));
    await sub.run({ positionals, values, json: values['json'] === true, client, io });
    return EXIT_OK;
  } catch (err) {
    const failure = err instanceof CliError ? err : undefined;
    // Under --json a script reads the error too: one JSON object on stderr, same exit code.
    if (rest.includes('--json')) {
      const message = failure?.message.split('\n')[0]!.replace(` (${failure.code})`, '') ?? `unexpected failure: ${String(err)}`;
      io.err(JSON.stringify({ error: { code: failure?.errorCode ?? 'CANOPY_ERR_CLI_INTERNAL', message, exitCode: failure?.exitCode ?? EXIT_FAILED } }));
    } else if (failure !== undefined) {
      io.err(`canopy ${group} ${name}: ${failure.message}`);
    } else {
      io.err(`canopy ${group} ${name}: unexpected failure: ${(err as Error).stack ?? String(err)}`);
    }
    return failure?.exitCode ?? EXIT_FAILED;
  }
}
