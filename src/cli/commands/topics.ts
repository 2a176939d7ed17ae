import { integerOption, keyValuePairs } from './support/args.js';
import { runGroup, type Subcommand } from './support/dispatch.js';
import { CliError, EXIT_USAGE, stdio, type CliIo } from './support/io.js';
import { humanBytes, keyValues, table } from './support/table.js';
import { consume } from './topics/consume.js';
import { produce } from './topics/produce.js';

interface TopicSummary { name: string; partitions: number; internal: boolean; sizeBytes: number; messages: number }
interface PartitionInfo {
  partition: number; leader: number; replicas: number[]; isr: number[];
  logStartOffset: number; logEndOffset: number; highWatermark: number; sizeBytes: number;
}
interface TopicDescription {
  name: string; internal: boolean; partitions: PartitionInfo[]; configs: Record<string, string>;
  configSources?: Record<string, 'topic' | 'broker' | 'default'>;
}

/** The SOURCE column: as Kafka's DYNAMIC_TOPIC_CONFIG / STATIC_BROKER_CONFIG / DEFAULT_CONFIG, in words. */
const SOURCE_NAMES: Readonly<Record<string, string>> = { topic: 'topic override', broker: 'broker', default: 'default' };

const topicPath = (name: string) => `/v1/topics/${encodeURIComponent(name)}`;

function describeText(d: TopicDescription): string {
  const size = d.partitions.reduce((s, p) => s + p.sizeBytes, 0);
  return [
    keyValues([['Topic', d.name], ['Internal', String(d.internal)], ['Partitions', d.partitions.length], ['Size', humanBytes(size)]]),
    '',
    table(['partition', 'leader', 'replicas', 'isr', 'log start', 'high watermark', 'log end', 'size bytes'],
      d.partitions.map((p) => [p.partition, p.leader, p.replicas.join(','), p.isr.join(','), p.logStartOffset, p.highWatermark, p.logEndOffset, p.sizeBytes])),
    '',
    table(['config', 'value', 'source'], Object.entries(d.configs).sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => [name, value, SOURCE_NAMES[d.configSources?.[name] ?? ''] ?? null])),
  ].join('\n');
}

export const subcommands: Record<string, Subcommand> = {
  list: {
    summary: 'List topics with partition counts, size and retained messages',
    usage: '', help: [], options: {}, positionals: [],
    async run({ client, io, json }) {
      const { topics } = await client.request<{ topics: TopicSummary[] }>('GET', '/v1/topics');
      if (json) return io.out(JSON.stringify(topics, null, 2));
      if (topics.length === 0) return io.out('No topics.');
      io.out(table(['name', 'partitions', 'messages', 'size', 'internal'],
        topics.map((t) => [t.name, t.partitions, t.messages, humanBytes(t.sizeBytes), t.internal ? 'yes' : ''])));
    },
  },
  describe: {
    summary: 'Show partitions (offsets, sizes) and effective configs of a topic',
    usage: 'TOPIC', help: [], options: {}, positionals: ['TOPIC'],
    async run({ client, io, json, positionals }) {
      const d = await client.request<TopicDescription>('GET', topicPath(positionals[0]!));
      io.out(json ? JSON.stringify(d, null, 2) : describeText(d));
    },
  },
  create: {
    summary: 'Create a topic',
    usage: 'TOPIC [--partitions N] [--config key=value ...] [--if-not-exists]',
    help: [
      ['--partitions N', 'partition count (default: the broker\'s defaultPartitions)'],
      ['--config key=value', 'topic config (Kafka names, e.g. retention.ms=86400000); repeatable'],
      ['--if-not-exists', 'succeed without changing anything when the topic already exists'],
    ],
    options: {
      partitions: { type: 'string', short: 'p' }, config: { type: 'string', short: 'c', multiple: true },
      'if-not-exists': { type: 'boolean', default: false },
    },
    positionals: ['TOPIC'],
    async run({ client, io, json, positionals, values }) {
      const partitions = integerOption(values['partitions'] as string | undefined, '--partitions', 1);
      const body = {
        name: positionals[0]!, configs: keyValuePairs(values['config'] as string[] | undefined, '--config'),
        ...(partitions === undefined ? {} : { partitions }),
      };
      try {
        const d = await client.request<TopicDescription>('POST', '/v1/topics', body);
        io.out(json ? JSON.stringify(d, null, 2) : `Created topic ${d.name} with ${d.partitions.length} partition(s).`);
      } catch (err) {
        // Only "exists" is forgiven (Kafka's --if-not-exists); the existing topic is left as it is.
        if (values['if-not-exists'] !== true || !(err instanceof CliError) || err.code !== 'CANOPY_ERR_TOPIC_EXISTS') throw err;
        const d = await client.request<TopicDescription>('GET', topicPath(body.name));
        io.out(json ? JSON.stringify(d, null, 2) : `Topic ${d.name} already exists with ${d.partitions.length} partition(s); nothing changed.`);
      }
    },
  },
  'add-partitions': {
    summary: 'Add partitions to a topic (existing records stay where they are)',
    usage: 'TOPIC --num N',
    help: [['-n, --num N', 'how many partitions to add']],
    options: { num: { type: 'string', short: 'n' } },
    positionals: ['TOPIC'],
    async run({ client, io, json, positionals, values }) {
      const add = integerOption(values['num'] as string | undefined, '--num', 1);
      if (add === undefined) throw new CliError('give --num N, the number of partitions to add', EXIT_USAGE);
      const before = await client.request<TopicDescription>('GET', topicPath(positionals[0]!));
      const d = await client.request<TopicDescription>('POST', `${topicPath(before.name)}/partitions`, { count: before.partitions.length + add });
      io.out(json ? JSON.stringify(d, null, 2) : `Topic ${d.name} now has ${d.partitions.length} partition(s) (was ${before.partitions.length}).`);
    },
  },
  delete: {
    summary: 'Delete a topic and all its data',
    usage: 'TOPIC', help: [], options: {}, positionals: ['TOPIC'],
    async run({ client, io, json, positionals }) {
      const result = await client.request<{ deleted: string }>('DELETE', topicPath(positionals[0]!));
      io.out(json ? JSON.stringify(result) : `Deleted topic ${result.deleted}.`);
    },
  },
  'alter-config': {
    summary: 'Set or remove topic configs (removed keys fall back to the default)',
    usage: 'TOPIC [--set key=value ...] [--delete key ...]',
    help: [
      ['--set key=value', 'set a config; repeatable'],
      ['--delete key', 'remove a config override; repeatable'],
    ],
    options: { set: { type: 'string', multiple: true }, delete: { type: 'string', multiple: true } },
    positionals: ['TOPIC'],
    async run({ client, io, json, positionals, values }) {
      const set = keyValuePairs(values['set'] as string[] | undefined, '--set');
      const remove = (values['delete'] as string[] | undefined) ?? [];
      if (Object.keys(set).length === 0 && remove.length === 0) throw new CliError('give at least one --set key=value or --delete key', EXIT_USAGE);
      const body = { ...(Object.keys(set).length > 0 ? { set } : {}), ...(remove.length > 0 ? { delete: remove } : {}) };
      const result = await client.request<{ name: string; configs: Record<string, string> }>('PATCH', `${topicPath(positionals[0]!)}/configs`, body);
      if (json) return io.out(JSON.stringify(result, null, 2));
      const changed = [...Object.keys(set), ...remove];
      io.out(`Updated ${result.name}: ${changed.length === 0 ? 'nothing changed' : changed.map((k) => `${k}=${result.configs[k] ?? '(default)'}`).join(', ')}`);
    },
  },
  produce,
  consume,
};

export const summary = 'create, list, describe, delete and configure topics (admin API); produce and consume records (Kafka)';

/** `canopy topics …`; `io` defaults to the process's stdout/stderr/env (tests pass their own). */
export function run(args: string[], io: CliIo = stdio()): Promise<number> {
  return runGroup('topics', 'create, list, describe, delete and configure topics; produce and consume records', subcommands, args, io);
}
