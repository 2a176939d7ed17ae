import type { KafkaRecord } from '../../../protocol/records/record.js';
import { CliError, EXIT_USAGE } from './io.js';

/** A consumed record with where it came from, as `topics consume` prints it. */
export interface ConsumedRecord extends KafkaRecord { topic: string; partition: number }

/** kcat's default when no -f is given: the value, one per line. */
export const DEFAULT_FORMAT = '%s\\n';

const text = (b: Buffer | null) => (b === null ? '' : b.toString('utf8'));

/** The kcat `-f` tokens Canopy understands, each from a record to text. */
const TOKENS: Readonly<Record<string, (r: ConsumedRecord) => string>> = {
  t: (r) => r.topic,
  p: (r) => String(r.partition),
  o: (r) => String(r.offset),
  k: (r) => text(r.key),
  s: (r) => text(r.value),
  K: (r) => String(r.key === null ? -1 : r.key.length),
  S: (r) => String(r.value === null ? -1 : r.value.length),
  T: (r) => String(r.timestamp),
  h: (r) => r.headers.map((h) => `${h.key}=${text(h.value)}`).join(','),
  '%': () => '%',
};
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\' };

/**
 * Compiles a kcat-style format (`%t %p %o %k %s %h %T %K %S %%`, escapes `\n \t \r \\`) once, so a
 * typo is a usage error before anything is read rather than garbage in the output.
 */
export function compileFormat(format: string): (record: ConsumedRecord) => string {
  const parts: (string | ((r: ConsumedRecord) => string))[] = [];
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    const next = format[i + 1];
    if (c === '%' || c === '\\') {
      const table: Readonly<Record<string, unknown>> = c === '%' ? TOKENS : ESCAPES;
      if (next === undefined || !Object.hasOwn(table, next)) {
        throw new CliError(`--format: unknown token "${c}${next ?? ''}" (known: %t %p %o %k %s %h %T %K %S %%, \\n \\t)`, EXIT_USAGE);
      }
      parts.push(c === '%' ? TOKENS[next]! : ESCAPES[next]!);
      i += 1;
    } else {
      parts.push(c);
    }
  }
  return (record) => parts.map((p) => (typeof p === 'string' ? p : p(record))).join('');
}

/** One JSON line per record (`--json`): keys, values and header values as UTF-8 text. */
export function recordJson(r: ConsumedRecord): string {
  return `${JSON.stringify({
    topic: r.topic, partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: r.key === null ? null : text(r.key),
    value: r.value === null ? null : text(r.value), headers: Object.fromEntries(r.headers.map((h) => [h.key, text(h.value)])),
  })}\n`;
}
