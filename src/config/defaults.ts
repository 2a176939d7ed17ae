import { DEFAULT_LIMITS, type Limits } from './limits.js';

export interface HostPort {
  host: string;
  port: number;
}

/** One voter of the cluster's first configuration: a Kafka node id and its internal listener. */
export interface InitialVoter {
  nodeId: number;
  host: string;
  port: number;
}

/**
 * The whole broker configuration after defaults, file, environment and flags were merged (in that
 * order; later wins). Field names are the config file's keys.
 */
export interface BrokerConfig {
  nodeId: number;
  /** Kafka listener; port 0 picks a free port (tests). */
  listen: HostPort;
  /** Address put into Metadata; null means the bound address. */
  advertisedListener: HostPort | null;
  /** Admin HTTP listener (served by admin/): health, readiness, /metrics, /v1 JSON; null disables it. */
  adminListen: HostPort | null;
  /** Host header names the admin API answers besides its listener's addresses ("name" or "name:port"). */
  adminAllowedHosts: string[];
  /** Export process and Node.js runtime metrics (CPU, memory, file descriptors, GC, heap) on /metrics. */
  processMetrics: boolean;
  dataDir: string;
  /** Internal listener (Canopy's protocol): Raft traffic in a cluster (required with initialVoters); on a single node, LearnerFetch. null = none. */
  internalListen: HostPort | null;
  /** 'learner': a read-only copy of `upstream`'s topics (src/replication/learner-replica.ts). */
  role: 'root' | 'learner';
  /** A learner's upstream internal listener, then its fallbacks, in order. */
  upstream: HostPort[];
  /** The topics a learner copies; empty = every topic the upstream holds. */
  learnerTopics: string[];
  /** A learner's name in LearnerFetch (its entry in the root's tree config); null = `learner-<nodeId>`. */
  learnerName: string | null;
  /** The root's tree config file (src/tree/tree-config.ts): each learner's edge filter. null = none: every learner gets everything. */
  treeConfig: string | null;
  /** Cluster id reported by Metadata; generated once and persisted under dataDir when null. */
  clusterId: string | null;
  /** Metadata and Produce for an unknown topic create it (Kafka's auto.create.topics.enable). */
  autoCreateTopics: boolean;
  /** Partition count for auto-created topics and CreateTopics with -1 partitions. */
  defaultPartitions: number;
  /** Journal fsync policy: "always" (default; acks after fsync), "never", or "interval:<ms>". */
  fsync: string;
  /** Defaults for per-topic configs (Kafka's names), e.g. {"retention.ms": "604800000"}. */
  topicDefaults: Record<string, string>;
  /** pino level: trace, debug, info, warn, error, fatal, silent. */
  logLevel: string;
  /** Log line format: "pretty", "json", or "auto" (pretty on a terminal, else json). */
  logFormat: 'auto' | 'pretty' | 'json';
  /** Consumer groups (src/groups): Kafka's group.initial.rebalance.delay.ms. */
  groupInitialRebalanceDelayMs: number;
  /** Partitions of __consumer_offsets when it is first created (Kafka: offsets.topic.num.partitions). */
  offsetsTopicPartitions: number;
  /** Committed offsets of an empty group are deleted after this (Kafka: offsets.retention.minutes). */
  offsetsRetentionMinutes: number;
  /** How often the broker deletes segments past each topic's retention.bytes/retention.ms; 0 disables it. */
  retentionCheckIntervalMs: number;
  /** The metadata group's voters on first start; null = a single node as before (no cluster). */
  initialVoters: InitialVoter[] | null;
  /** This node's rack (registered in the cluster metadata); null = none. */
  rack: string | null;
  limits: Limits;
}

export const DEFAULT_LISTEN: HostPort = { host: '127.0.0.1', port: 9092 };
/** The admin HTTP API's default address; the CLI's default --admin URL points here. */
export const DEFAULT_ADMIN_LISTEN: HostPort = { host: '127.0.0.1', port: 9644 };

export function defaultConfig(): BrokerConfig {
  return {
    nodeId: 0,
    listen: { ...DEFAULT_LISTEN },
    advertisedListener: null,
    adminListen: { ...DEFAULT_ADMIN_LISTEN },
    adminAllowedHosts: [],
    processMetrics: true,
    dataDir: './data',
    internalListen: null,
    role: 'root',
    upstream: [],
    learnerTopics: [],
    learnerName: null,
    treeConfig: null,
    clusterId: null,
    autoCreateTopics: true,
    defaultPartitions: 1,
    fsync: 'always',
    topicDefaults: {},
    logLevel: 'info',
    logFormat: 'auto',
    groupInitialRebalanceDelayMs: 3000,
    offsetsTopicPartitions: 8,
    offsetsRetentionMinutes: 7 * 24 * 60,
    retentionCheckIntervalMs: 300_000,
    initialVoters: null,
    rack: null,
    limits: { ...DEFAULT_LIMITS },
  };
}
