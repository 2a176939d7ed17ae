import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, EXIT_USAGE } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
export const commonOptions = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** Where a command finds the broker: the admin API, or the Kafka listener for topics produce/consume. */
export const adminOption = { admin: { type: 'string' } } as const satisfies Options;
export const bootstrapOption = { bootstrap: { type: 'string', short: 'b' } } as const satisfies Options;

/**
 * node:util parseArgs in strict mode, with its TypeError turned into a usage error that points at
 * --help (strict mode names the unknown option or the missing value).
 */
export function parse<O extends Options>(args: string[], options: O, usageHint: string) {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${usageHint}`, EXIT_USAGE);
  }
}

/**
 * `-o -2` → `--offset=-2`: parseArgs takes a value starting with '-' for an option, so a negative
 * number (kcat's "2 before the end") after an option that expects a value is joined to it.
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : Object.keys(options).find((k) => arg === `-${options[k]!.short}`);
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`--${name}=${next}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** "k=v" pairs (repeatable --config/--set) → object; a pair without '=' is a usage error. */
export function keyValuePairs(pairs: readonly string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`${flag} expects key=value, got "${pair}"`, EXIT_USAGE);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

/** A non-negative integer option value, or a usage error naming the flag. */
export function integerOption(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`${flag} expects an integer >= ${min}, got "${value}"`, EXIT_USAGE);
  }
  return Number(value);
}
