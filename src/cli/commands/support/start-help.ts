import { CONFIG_FIELDS } from '../../../config/load.js';
import { helpColumns } from './dispatch.js';

/** What each config type looks like on the command line, for the --help column. */
const VALUE_NAMES: Readonly<Record<string, string>> = {
  'hostport': 'HOST:PORT', 'hostport-or-null': 'HOST:PORT', 'int': 'N', 'limit': 'N', 'bool': 'true|false',
  'fsync': 'POLICY', 'log-level': 'LEVEL', 'string-list': 'A,B,...', 'string': 'VALUE', 'string-or-null': 'VALUE',
};

/** `canopy start --help`: every flag with its environment variable, from the config reference. */
export function startHelp(summary: string): string {
  const rows: (readonly [string, string])[] = [
    ['--config FILE', 'YAML or JSON config file (env CANOPY_CONFIG); file-only keys are in README'],
    ...CONFIG_FIELDS.filter((f) => f.flag !== '').map((f): [string, string] => [`${f.flag} ${VALUE_NAMES[f.type] ?? 'VALUE'}`, `${f.doc} (env ${f.env})`]),
    ['-h, --help', 'this help'],
  ];
  return [
    `canopy start — ${summary}`, '', 'Usage: canopy start [options]', '',
    'Precedence: flags, then CANOPY_* variables, then the config file, then defaults.', '', 'Options:',
    ...helpColumns(rows),
  ].join('\n') + '\n';
}
