import type { AdminBroker } from './admin-broker.js';
import { TopicError, type TopicErrorCode, type TopicInfo } from '../cluster/topic-store.js';
import { effectiveTopicConfig, TOPIC_CONFIG_DEFS } from '../cluster/topic-config.js';
import type { AdminErrorCode } from './errors.js';
import type { AdminMetadataSource } from './admin-broker.js';
import type {
  MetadataView, RegisteredNodeView,
  AdminResult, AdminViews, GroupsView, NodeView, ReadinessReport, TopicDescriptionView, TopicsView,
} from './views.js';

const topicErrorCodes: Record<TopicErrorCode, AdminErrorCode> = {
  TOPIC_EXISTS: 'CANOPY_ERR_TOPIC_EXISTS',
  UNKNOWN_TOPIC: 'CANOPY_ERR_TOPIC_NOT_FOUND',
  INVALID_TOPIC: 'CANOPY_ERR_TOPIC_INVALID',
  INVALID_PARTITIONS: 'CANOPY_ERR_TOPIC_INVALID',
  INVALID_CONFIG: 'CANOPY_ERR_TOPIC_INVALID',
  INVALID_REPLICATION_FACTOR: 'CANOPY_ERR_TOPIC_INVALID',
};

/** Runs a topic-store mutation and turns its TopicError into an AdminResult (other errors propagate). */
async function topicResult<T>(fn: () => Promise<T>): Promise<AdminResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof TopicError) return { ok: false, code: topicErrorCodes[err.code], message: err.message };
    throw err;
  }
}

export interface BrokerViewOptions {
  readonly version: string;
  readonly startedAtMs: number;
  readonly readiness: () => ReadinessReport;
  /** The group coordinator's admin view, once groups run on this node. */
  readonly groups?: () => GroupsView | undefined;
}

/**
 * Builds the admin views over a running Broker: its topic store, partition manager and (when
 * present) group coordinator. Reads are live (no caching): every request sees the current offsets.
 */
export function createBrokerViews(broker: AdminBroker, options: BrokerViewOptions): AdminViews {
  const node: NodeView = {
    nodeId: broker.nodeId,
    clusterId: broker.clusterId,
    version: options.version,
    get advertised() { return broker.advertised; },
    dataDir: broker.config.dataDir,
    startedAtMs: options.startedAtMs,
    readiness: options.readiness,
  };

  const effectiveConfigs = (topic: TopicInfo): Record<string, string> => {
    const configs: Record<string, string> = {};
    for (const def of TOPIC_CONFIG_DEFS) {
      configs[def.name] = effectiveTopicConfig(def.name, topic.configs, broker.config.topicDefaults)!.value;
    }
    return configs;
  };

  const describe = (name: string): TopicDescriptionView | undefined => {
    const topic = broker.topics.get(name);
    if (topic === undefined) return undefined;
    return {
      name: topic.name,
      internal: topic.internal,
      partitions: [
        ...broker.partitions.forTopic(name).map((p) => ({
          partition: p.index,
          leader: broker.nodeId,
          replicas: [broker.nodeId],
          isr: [broker.nodeId],
          logStartOffset: p.logStartOffset,
          logEndOffset: p.logEndOffset,
          highWatermark: p.highWatermark,
          sizeBytes: p.sizeBytes,
          offline: null,
        })),
        ...broker.partitions.allOffline().filter((o) => o.topic === name).map((o) => ({
          partition: o.index, leader: -1, replicas: [broker.nodeId], isr: [], logStartOffset: -1, logEndOffset: -1, highWatermark: -1, sizeBytes: 0, offline: o.message,
        })),
      ].sort((a, b) => a.partition - b.partition),
      configs: effectiveConfigs(topic),
      configSources: Object.fromEntries(TOPIC_CONFIG_DEFS.map((def) => [def.name, effectiveTopicConfig(def.name, topic.configs, broker.config.topicDefaults)!.source])),
    };
  };

  const topics: TopicsView = {
    list: () => broker.topics.list().map((t) => ({ name: t.name, partitions: t.partitionCount, internal: t.internal })),
    describe,
    async create(request) {
      const result = await topicResult(() => broker.topics.create(request.name, {
        partitions: request.partitions ?? broker.config.defaultPartitions, configs: { ...request.configs },
      }));
      return result.ok ? { ok: true, value: describe(request.name)! } : result;
    },
    async delete(name) {
      if (broker.topics.get(name)?.internal === true) {
        return { ok: false, code: 'CANOPY_ERR_TOPIC_INVALID', message: `topic ${name} is internal and cannot be deleted` };
      }
      const result = await topicResult(() => broker.topics.delete(name));
      return result.ok ? { ok: true, value: null } : result;
    },
    async addPartitions(name, count) {
      const result = await topicResult(() => broker.topics.addPartitions(name, count));
      return result.ok ? { ok: true, value: describe(name)! } : result;
    },
    async alterConfigs(name, set, remove) {
      const result = await topicResult(() => broker.topics.alterConfigs(name, { set: { ...set }, remove: [...remove] }));
      return result.ok ? { ok: true, value: effectiveConfigs(result.value) } : result;
    },
  };

  return {
    node,
    topics,
    get groups() { return options.groups?.(); },
    get metadata() { return broker.metadata === undefined ? undefined : metadataView(broker.metadata); },
  };
}

/** The registered nodes, by id, with their Kafka and internal endpoints. */
function metadataView(source: AdminMetadataSource): MetadataView {
  const endpoint = (node: { endpoints: readonly { name: string; host: string; port: number }[] }, name: string) => {
    const e = node.endpoints.find((x) => x.name === name);
    return e === undefined ? null : { host: e.host, port: e.port };
  };
  return {
    nodes: () => [...source.image.nodes.values()].sort((a, b) => a.id - b.id).map((n): RegisteredNodeView => ({
      nodeId: n.id, kafka: endpoint(n, 'kafka'), internal: endpoint(n, 'internal'), rack: n.rack, fenced: n.fenced,
    })),
    leader: () => ({ nodeId: source.leader.nodeId, term: source.leader.term }),
  };
}
