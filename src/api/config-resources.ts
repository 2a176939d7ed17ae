import type { Broker } from './broker.js';
import type { TopicInfo } from '../cluster/topic-store.js';
import { TOPIC_CONFIG_DEFS, TOPIC_CONFIG_BY_NAME, effectiveTopicConfig, validateTopicConfigs, type TopicConfigType } from '../cluster/topic-config.js';

/**
 * What the config APIs (CreateTopics v5+, DescribeConfigs, AlterConfigs, IncrementalAlterConfigs)
 * share: resource types, config sources and types as Kafka numbers them, the client-side
 * validation of topic configs, and the described entries of a topic or of this broker.
 */

/** Kafka's ConfigResource.Type. */
export const ResourceType = { TOPIC: 2, BROKER: 4 } as const;

/** Kafka's DescribeConfigsResponse.ConfigSource. */
export const ConfigSource = {
  UNKNOWN: 0,
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const;

/** Kafka's ConfigDef.Type as DescribeConfigs v3+ reports it. */
export const ConfigType = { UNKNOWN: 0, BOOLEAN: 1, STRING: 2, INT: 3, SHORT: 4, LONG: 5, DOUBLE: 6, LIST: 7, CLASS: 8, PASSWORD: 9 } as const;

const CONFIG_TYPE_OF: Readonly<Record<TopicConfigType, number>> = {
  long: ConfigType.LONG,
  int: ConfigType.INT,
  string: ConfigType.STRING,
  list: ConfigType.LIST,
  boolean: ConfigType.BOOLEAN,
};

/**
 * The broker-level names of the topic configs (Kafka's synonyms): a broker's topicDefaults entry
 * is reported under this name in the broker resource and in a topic config's synonyms.
 */
export const BROKER_NAME_OF_TOPIC_CONFIG: ReadonlyMap<string, string> = new Map([
  ['retention.ms', 'log.retention.ms'],
  ['retention.bytes', 'log.retention.bytes'],
  ['segment.bytes', 'log.segment.bytes'],
  ['segment.ms', 'log.roll.ms'],
  ['cleanup.policy', 'log.cleanup.policy'],
  ['message.timestamp.type', 'log.message.timestamp.type'],
  ['max.message.bytes', 'message.max.bytes'],
  ['min.insync.replicas', 'min.insync.replicas'],
  ['compression.type', 'compression.type'],
  ['message.timestamp.difference.max.ms', 'log.message.timestamp.difference.max.ms'],
  ['message.timestamp.before.max.ms', 'log.message.timestamp.before.max.ms'],
  ['message.timestamp.after.max.ms', 'log.message.timestamp.after.max.ms'],
  ['delete.retention.ms', 'log.cleaner.delete.retention.ms'],
  ['file.delete.delay.ms', 'log.segment.delete.delay.ms'],
  ['flush.messages', 'log.flush.interval.messages'],
  ['flush.ms', 'log.flush.interval.ms'],
  ['unclean.leader.election.enable', 'unclean.leader.election.enable'],
]);

/**
 * Checks topic configs that a client sends (CreateTopics, AlterConfigs): every key must be a
 * known topic config with a valid value, and cleanup.policy may not newly ask for compaction,
 * which Canopy does not implement (an internal topic created compacted keeps its value).
 * Returns one sentence naming every bad key, or null.
 */
export function clientTopicConfigProblem(configs: Record<string, string>, current: Readonly<Record<string, string>> = {}): string | null {
  const problems = validateTopicConfigs(configs).map(([name, problem]) => `${name}: ${problem}`);
  const policy = configs['cleanup.policy'];
  if (policy !== undefined && policy !== current['cleanup.policy'] && policy.split(',').some((p) => p.trim() === 'compact')) {
    problems.push(`cleanup.policy: "compact" is not supported (log compaction is not implemented); use "delete"`);
  }
  return problems.length > 0 ? problems.join('; ') : null;
}

export interface DescribedConfig {
  name: string;
  value: string | null;
  readOnly: boolean;
  isDefault: boolean;
  configSource: number;
  isSensitive: boolean;
  synonyms: Array<{ name: string; value: string | null; source: number }>;
  configType: number;
  documentation: string | null;
}

/** Every supported topic config of `topic` with its effective value and where it comes from. */
export function describeTopicConfigs(broker: Broker, topic: Pick<TopicInfo, 'configs'>, options: { synonyms: boolean; documentation: boolean }): DescribedConfig[] {
  const brokerDefaults = broker.config.topicDefaults;
  return TOPIC_CONFIG_DEFS.map((def) => {
    const effective = effectiveTopicConfig(def.name, topic.configs, brokerDefaults)!;
    const configSource = effective.source === 'topic' ? ConfigSource.DYNAMIC_TOPIC_CONFIG : effective.source === 'broker' ? ConfigSource.STATIC_BROKER_CONFIG : ConfigSource.DEFAULT_CONFIG;
    const synonyms: DescribedConfig['synonyms'] = [];
    if (options.synonyms) {
      if (Object.hasOwn(topic.configs, def.name)) synonyms.push({ name: def.name, value: topic.configs[def.name]!, source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
      const brokerName = BROKER_NAME_OF_TOPIC_CONFIG.get(def.name) ?? def.name;
      if (Object.hasOwn(brokerDefaults, def.name)) synonyms.push({ name: brokerName, value: brokerDefaults[def.name]!, source: ConfigSource.STATIC_BROKER_CONFIG });
      synonyms.push({ name: brokerName, value: def.defaultValue, source: ConfigSource.DEFAULT_CONFIG });
    }
    return {
      name: def.name,
      value: effective.value,
      readOnly: false,
      isDefault: effective.source === 'default',
      configSource,
      isSensitive: false,
      synonyms,
      configType: CONFIG_TYPE_OF[def.type],
      documentation: options.documentation ? def.doc : null,
    };
  });
}

/**
 * This broker's effective settings under Kafka's broker config names. All are read-only: Canopy
 * takes them from its config file, environment and flags at start (no dynamic broker configs).
 */
export function describeBrokerConfigs(broker: Broker, options: { documentation: boolean }): DescribedConfig[] {
  const c = broker.config;
  const staticEntry = (name: string, value: string, configType: number, doc: string): DescribedConfig => ({
    name, value, readOnly: true, isDefault: false, configSource: ConfigSource.STATIC_BROKER_CONFIG, isSensitive: false,
    synonyms: [], configType, documentation: options.documentation ? doc : null,
  });
  const listen = `PLAINTEXT://${c.listen.host}:${c.listen.port}`;
  const entries: DescribedConfig[] = [
    staticEntry('broker.id', String(broker.nodeId), ConfigType.INT, 'This node\'s id (--node-id).'),
    staticEntry('node.id', String(broker.nodeId), ConfigType.INT, 'This node\'s id (--node-id).'),
    staticEntry('listeners', listen, ConfigType.LIST, 'The Kafka listener (--listen).'),
    staticEntry('advertised.listeners', `PLAINTEXT://${broker.advertised.host}:${broker.advertised.port}`, ConfigType.LIST, 'The address clients are told to use (--advertised-listener).'),
    staticEntry('log.dirs', c.dataDir, ConfigType.STRING, 'The data directory (--data-dir).'),
    staticEntry('auto.create.topics.enable', String(c.autoCreateTopics), ConfigType.BOOLEAN, 'Create unknown topics on Metadata/Produce (--auto-create-topics).'),
    staticEntry('num.partitions', String(c.defaultPartitions), ConfigType.INT, 'Partitions of auto-created topics and of CreateTopics with -1 (--default-partitions).'),
    staticEntry('default.replication.factor', '1', ConfigType.SHORT, 'A single node holds one replica of every partition.'),
    staticEntry('offsets.topic.num.partitions', String(c.offsetsTopicPartitions), ConfigType.INT, 'Partitions of __consumer_offsets (--offsets-topic-partitions).'),
    staticEntry('offsets.retention.minutes', String(c.offsetsRetentionMinutes), ConfigType.INT, 'Committed offsets of an empty group expire after this (--offsets-retention-minutes).'),
    staticEntry('group.initial.rebalance.delay.ms', String(c.groupInitialRebalanceDelayMs), ConfigType.INT, 'Wait for more members before a new group\'s first rebalance (--group-initial-rebalance-delay-ms).'),
    staticEntry('log.retention.check.interval.ms', String(c.retentionCheckIntervalMs), ConfigType.LONG, 'How often retention deletes old segments (--retention-check-interval-ms).'),
    staticEntry('canopy.fsync', c.fsync, ConfigType.STRING, 'Journal fsync policy (--fsync).'),
  ];
  for (const def of TOPIC_CONFIG_DEFS) {
    const name = BROKER_NAME_OF_TOPIC_CONFIG.get(def.name) ?? def.name;
    if (entries.some((e) => e.name === name)) continue;
    const set = Object.hasOwn(c.topicDefaults, def.name);
    entries.push({
      name,
      value: set ? c.topicDefaults[def.name]! : def.defaultValue,
      readOnly: true,
      isDefault: !set,
      configSource: set ? ConfigSource.STATIC_BROKER_CONFIG : ConfigSource.DEFAULT_CONFIG,
      isSensitive: false,
      synonyms: [],
      configType: CONFIG_TYPE_OF[def.type],
      documentation: options.documentation ? `Default of the topic config ${def.name}: ${def.doc}` : null,
    });
  }
  return entries;
}

/** Whether `name` is a topic config this broker knows (for error messages of the alter APIs). */
export function isTopicConfig(name: string): boolean {
  return TOPIC_CONFIG_BY_NAME.has(name);
}

/** The type of a topic config (APPEND/SUBTRACT apply to lists only). */
export function topicConfigType(name: string): TopicConfigType | undefined {
  return TOPIC_CONFIG_BY_NAME.get(name)?.type;
}
