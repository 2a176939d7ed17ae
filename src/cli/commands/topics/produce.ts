import { createInterface } from 'node:readline';
import { Kafka, logLevel, Partitioners, type Message } from 'kafkajs';
import { integerOption, keyValuePairs } from '../support/args.js';
import type { Subcommand } from '../support/dispatch.js';
import { CliError, EXIT_USAGE } from '../support/io.js';
import { bootstrapAddress } from '../support/kafka-connection.js';

/** Records sent per Produce call: bounds memory however long stdin is. */
const recordsPerSendMax = 1000;
/** kafkajs retries a refused send this many times before the command fails. */
const sendRetriesMax = 3;

/** One stdin line → a record: `KEY<sep>VALUE` with --key-separator (no separator: no key), else all value. */
function lineToMessage(line: string, separator: string | undefined, headers: Record<string, string>, partition: number | undefined): Message {
  const at = separator === undefined ? -1 : line.indexOf(separator);
  return {
    key: at < 0 ? null : line.slice(0, at), value: at < 0 ? line : line.slice(at + separator!.length), headers,
    ...(partition === undefined ? {} : { partition }),
  };
}

export const produce: Subcommand = {
  summary: 'Write records to a topic from stdin, one per line (kcat -P): keys, headers, a partition',
  usage: 'TOPIC [-b HOST:PORT] [-K SEP] [-H key=value ...] [-p N] < lines',
  help: [
    ['-K, --key-separator SEP', 'split each line at the first SEP into key and value (lines without SEP get no key)'],
    ['-H, --header key=value', 'header on every record; repeatable'],
    ['-p, --partition N', 'write to partition N (default: by key hash as Kafka clients do; round-robin without a key)'],
    ['--json', 'print the result as JSON'],
  ],
  options: {
    'key-separator': { type: 'string', short: 'K' }, header: { type: 'string', short: 'H', multiple: true },
    partition: { type: 'string', short: 'p' },
  },
  positionals: ['TOPIC'],
  transport: 'kafka',
  async run({ io, json, positionals, values }) {
    const topic = positionals[0]!;
    const separator = values['key-separator'] as string | undefined;
    if (separator === '') throw new CliError('--key-separator must not be empty', EXIT_USAGE);
    const headers = keyValuePairs(values['header'] as string[] | undefined, '--header');
    const partition = integerOption(values['partition'] as string | undefined, '--partition');
    const address = bootstrapAddress(values['bootstrap'] as string | undefined, io.env);
    if (io.stdin === undefined) throw new CliError('no standard input to read records from', EXIT_USAGE);
    const kafka = new Kafka({
      clientId: 'canopy-cli', brokers: [`${address.host}:${address.port}`], logLevel: logLevel.NOTHING,
      retry: { retries: sendRetriesMax },
    });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    const firstOffsets = new Map<number, string>();
    let sent = 0;
    try {
      await producer.connect();
      let pending: Message[] = [];
      const interactive = (io.stdin as { isTTY?: boolean }).isTTY === true;
      const flush = async () => {
        const results = await producer.send({ topic, acks: -1, messages: pending });
        for (const r of results) if (!firstOffsets.has(r.partition)) firstOffsets.set(r.partition, r.baseOffset ?? '0');
        sent += pending.length;
        pending = [];
      };
      for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
        pending.push(lineToMessage(line, separator, headers, partition));
        // Typed at a terminal, each line goes out as it is entered (kcat -P does the same).
        if (pending.length >= recordsPerSendMax || interactive) await flush();
      }
      if (pending.length > 0) await flush();
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`producing to ${topic} via ${address.host}:${address.port} failed after ${sent} record(s): ${(err as Error).message}`);
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
    const partitions = [...firstOffsets].sort(([a], [b]) => a - b).map(([p, offset]) => ({ partition: p, firstOffset: Number(offset) }));
    io.out(json ? JSON.stringify({ topic, records: sent, partitions }) : `Produced ${sent} record(s) to ${topic}.`);
  },
};
