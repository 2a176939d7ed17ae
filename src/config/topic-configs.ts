/**
 * Per-topic configs: the Kafka names a topic accepts, each with its type, default and validation.
 * DescribeConfigs lists these; CreateTopics/AlterConfigs/IncrementalAlterConfigs validate against
 * them; the partition layer turns them into journal settings. Values are kept as Kafka strings.
 */
export type TopicConfigType = 'long' | 'int' | 'string' | 'list' | 'boolean';

export interface TopicConfigDef {
  name: string;
  type: TopicConfigType;
  /** Kafka's default, used when neither the topic nor the broker's topicDefaults set it. */
  defaultValue: string;
  /** Returns an error sentence for a bad value, or null. */
  validate(value: string): string | null;
  doc: string;
}

const LONG_RE = /^-?\d+$/;

function longAtLeast(min: number) {
  return (v: string): string | null => {
    if (!LONG_RE.test(v) || !Number.isSafeInteger(Number(v))) return `must be an integer`;
    if (Number(v) < min) return `must be >= ${min}`;
    return null;
  };
}

/** Kafka's Long.MAX_VALUE default, meaning "no bound". */
export const LONG_MAX = '9223372036854775807';

/** A non-negative Kafka long; values past 2^53 (Long.MAX included) mean "no bound" here. */
function nonNegativeLong(v: string): string | null {
  return /^\d{1,19}$/.test(v) && BigInt(v) <= BigInt(LONG_MAX) ? null : 'must be an integer from 0 to 9223372036854775807';
}

/** A duration config as a number of ms, Infinity when it is beyond any real timestamp. */
export function boundMs(value: string): number {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : Number.POSITIVE_INFINITY;
}

/**
 * KIP-937: the before/after bounds on CreateTime timestamps. The deprecated
 * message.timestamp.difference.max.ms (default Long.MAX) still bounds both sides when set; the
 * tighter bound wins.
 */
export function timestampBoundsMs(value: (name: string) => string): { beforeMaxMs: number; afterMaxMs: number } {
  const difference = boundMs(value('message.timestamp.difference.max.ms'));
  return {
    beforeMaxMs: Math.min(boundMs(value('message.timestamp.before.max.ms')), difference),
    afterMaxMs: Math.min(boundMs(value('message.timestamp.after.max.ms')), difference),
  };
}

function oneOf(values: string[]) {
  return (v: string): string | null => (values.includes(v) ? null : `must be one of ${values.join(', ')}`);
}

function cleanupPolicy(v: string): string | null {
  const parts = v.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.some((p) => p !== 'delete' && p !== 'compact')) return 'must be delete, compact or compact,delete';
  return null;
}

export const TOPIC_CONFIG_DEFS: readonly TopicConfigDef[] = [
  { name: 'retention.ms', type: 'long', defaultValue: '604800000', validate: longAtLeast(-1), doc: 'Delete segments older than this; -1 keeps forever.' },
  { name: 'retention.bytes', type: 'long', defaultValue: '-1', validate: longAtLeast(-1), doc: 'Delete oldest segments past this partition size; -1 is unlimited.' },
  { name: 'segment.bytes', type: 'int', defaultValue: '1073741824', validate: longAtLeast(14), doc: 'Roll a new segment file at this size.' },
  { name: 'segment.ms', type: 'long', defaultValue: '604800000', validate: longAtLeast(1), doc: 'Roll a new segment after this age.' },
  { name: 'cleanup.policy', type: 'list', defaultValue: 'delete', validate: cleanupPolicy, doc: 'delete (retention). compact is refused for new values: compaction is not implemented.' },
  { name: 'message.timestamp.type', type: 'string', defaultValue: 'CreateTime', validate: oneOf(['CreateTime', 'LogAppendTime']), doc: 'LogAppendTime makes the broker stamp batches on append.' },
  { name: 'max.message.bytes', type: 'int', defaultValue: '1048588', validate: longAtLeast(0), doc: 'Largest RecordBatch accepted for this topic.' },
  { name: 'min.insync.replicas', type: 'int', defaultValue: '1', validate: longAtLeast(1), doc: 'Replicas that must have a batch for acks=all (single node: always met).' },
  { name: 'compression.type', type: 'string', defaultValue: 'producer', validate: oneOf(['producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd']), doc: 'Stored and reported; batches are kept as the producer compressed them.' },
  { name: 'message.timestamp.before.max.ms', type: 'long', defaultValue: LONG_MAX, validate: nonNegativeLong, doc: 'Largest age (ms before now) a CreateTime record timestamp may have; older records get INVALID_TIMESTAMP.' },
  { name: 'message.timestamp.after.max.ms', type: 'long', defaultValue: '3600000', validate: nonNegativeLong, doc: 'Largest distance (ms after now) a CreateTime record timestamp may have; later records get INVALID_TIMESTAMP (Kafka 4 default: 1 hour).' },
  { name: 'message.timestamp.difference.max.ms', type: 'long', defaultValue: LONG_MAX, validate: nonNegativeLong, doc: 'Deprecated (Kafka 3.6): when set, also bounds both sides; the tighter of it and before/after.max.ms applies.' },
  { name: 'delete.retention.ms', type: 'long', defaultValue: '86400000', validate: longAtLeast(0), doc: 'Stored and reported (compaction).' },
  { name: 'file.delete.delay.ms', type: 'long', defaultValue: '60000', validate: longAtLeast(0), doc: 'Stored and reported.' },
  { name: 'flush.messages', type: 'long', defaultValue: '9223372036854775807', validate: (v) => (/^\d+$/.test(v) ? null : 'must be a non-negative integer'), doc: 'Stored and reported; the broker-wide fsync policy applies.' },
  { name: 'flush.ms', type: 'long', defaultValue: '9223372036854775807', validate: (v) => (/^\d+$/.test(v) ? null : 'must be a non-negative integer'), doc: 'Stored and reported; the broker-wide fsync policy applies.' },
  { name: 'unclean.leader.election.enable', type: 'boolean', defaultValue: 'false', validate: oneOf(['true', 'false']), doc: 'Stored and reported; Raft never elects an unclean leader.' },
];

export const TOPIC_CONFIG_BY_NAME: ReadonlyMap<string, TopicConfigDef> = new Map(TOPIC_CONFIG_DEFS.map((d) => [d.name, d]));

/** Validates a set of topic configs; returns [name, sentence] pairs for every bad entry. */
export function validateTopicConfigs(configs: Record<string, string>): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(configs)) {
    const def = TOPIC_CONFIG_BY_NAME.get(name);
    if (!def) {
      problems.push([name, 'unknown topic config']);
      continue;
    }
    const problem = def.validate(value);
    if (problem) problems.push([name, problem]);
  }
  return problems;
}

/**
 * The effective value of one config for a topic: the topic's own value, else the broker's
 * topicDefaults, else Kafka's default. `source` tells DescribeConfigs which one applied.
 */
export function effectiveTopicConfig(
  name: string,
  topicConfigs: Record<string, string>,
  brokerDefaults: Record<string, string>,
): { value: string; source: 'topic' | 'broker' | 'default' } | undefined {
  const def = TOPIC_CONFIG_BY_NAME.get(name);
  if (!def) return undefined;
  if (Object.hasOwn(topicConfigs, name)) return { value: topicConfigs[name]!, source: 'topic' };
  if (Object.hasOwn(brokerDefaults, name)) return { value: brokerDefaults[name]!, source: 'broker' };
  return { value: def.defaultValue, source: 'default' };
}
