import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { BrokerConfig, HostPort } from '../config/defaults.js';
import { TopicStore } from '../cluster/topic-store.js';
import { PartitionManager, type PartitionManagerOptions } from '../replication/partition-manager.js';
import { partitionSettingsOf } from '../cluster/partition-settings.js';
import { ProducerIdAllocator } from '../replication/producer-ids.js';
import { loadOrCreateIdentity } from './node-identity.js';
import { lockDataDir } from './data-dir-lock.js';
import { connectionsMaxWithin, journalFilesOpenMax, readFdSoftLimit } from './fd-budget.js';
import { openGroups } from '../groups/open-groups.js';
import { DEFAULT_COORDINATOR_CONFIG } from '../groups/coordinator.js';
import type { GroupsService } from '../groups/service.js';
import type { MetadataService } from '../cluster/metadata-service.js';
import { startLearner } from './start-learner.js';

/**
 * The node's Broker: opens the data dir (cluster id, topic store, partitions, producer ids) and
 * closes them in reverse order. The listener (server/) is started by the CLI, which then calls
 * setAdvertised() with the bound address unless one was configured.
 */
export class NodeBroker {
  readonly nodeId: number;
  readonly clusterId: string;
  readonly config: BrokerConfig;
  readonly topics: TopicStore;
  readonly partitions: PartitionManager;
  readonly producerIds: ProducerIdAllocator;
  readonly logger: Logger;
  /** limits.connectionsMax lowered to what the open file limit leaves (fd-budget.ts). */
  readonly connectionsMax: number;
  groups?: GroupsService;
  /** The cluster metadata group (cluster mode: set once it started, after the Kafka listener bound). */
  metadata?: MetadataService | undefined;
  #advertised: HostPort;
  /** Hooks other layers register (groups coordinator, admin server) to run at close, last-in first-out. */
  readonly #closeHooks: Array<() => Promise<void>> = [];
  /** Releases <dataDir>/.lock (data-dir-lock.ts); set by open(). */
  #unlock: () => Promise<void> = async () => undefined;

  private constructor(fields: { config: BrokerConfig; clusterId: string; topics: TopicStore; partitions: PartitionManager; producerIds: ProducerIdAllocator; logger: Logger; connectionsMax: number }) {
    this.config = fields.config;
    this.connectionsMax = fields.connectionsMax;
    this.nodeId = fields.config.nodeId;
    this.clusterId = fields.clusterId;
    this.topics = fields.topics;
    this.partitions = fields.partitions;
    this.producerIds = fields.producerIds;
    this.logger = fields.logger;
    this.#advertised = fields.config.advertisedListener ?? { ...fields.config.listen };
  }

  get advertised(): HostPort {
    return this.#advertised;
  }

  /** Called once the listener is bound; a configured advertisedListener always wins. */
  setBoundAddress(bound: HostPort): void {
    if (this.config.advertisedListener) return;
    // A wildcard bind is not an address a client can dial; advertise loopback instead.
    const host = bound.host === '0.0.0.0' || bound.host === '::' ? '127.0.0.1' : bound.host;
    this.#advertised = { host, port: bound.port };
  }

  onClose(hook: () => Promise<void>): void {
    this.#closeHooks.push(hook);
  }

  /** `options.journalFiles`: the journal file layer to use (metrics wrap the default one). */
  static async open(configured: BrokerConfig, logger: Logger, options: Pick<PartitionManagerOptions, 'journalFiles'> = {}): Promise<NodeBroker> {
    // A learner's topics come from its upstream only: a local auto-create would make a topic the
    // root may hold with another partition count.
    const config = configured.role === 'learner' ? { ...configured, autoCreateTopics: false } : configured;
    // Checked first: a limit that cannot fit fails before anything in the data dir changes.
    const fdSoftLimit = readFdSoftLimit();
    const journalFilesOpen = journalFilesOpenMax(config.limits, fdSoftLimit);
    const dataDir = resolve(config.dataDir);
    await mkdir(dataDir, { recursive: true });
    const unlock = await lockDataDir(dataDir);
    const { clusterId } = await loadOrCreateIdentity(dataDir, config);
    const topics = await TopicStore.open({ dataDir, limits: config.limits, logger });
    logger.info({ fdSoftLimit, journalFilesOpenMax: journalFilesOpen, partitionsMax: config.limits.partitionsMax }, 'journal file handles: shared by all partitions, least recently used closed first');
    const connectionsMax = connectionsMaxWithin(config.limits, fdSoftLimit, journalFilesOpen);
    if (connectionsMax < config.limits.connectionsMax) {
      logger.warn({ fdSoftLimit, connectionsMax, configured: config.limits.connectionsMax }, `Kafka connections limited to ${connectionsMax} by the open file limit ${fdSoftLimit} (limits.connectionsMax is ${config.limits.connectionsMax}): raise ulimit -n to allow more`);
    }
    const partitions = new PartitionManager({ settingsOf: partitionSettingsOf, config: { ...config, dataDir }, logger, journalFilesOpenMax: journalFilesOpen, ...(options.journalFiles ? { journalFiles: options.journalFiles } : {}) });
    const openStartMs = Date.now();
    await partitions.openAll(topics.list());
    topics.addListener(partitions);
    partitions.startRetention();
    const producerIds = await ProducerIdAllocator.open(dataDir);
    logger.info({ clusterId, dataDir, topics: topics.list().length, partitions: partitions.all().length, partitionsOpenMs: Date.now() - openStartMs }, 'data dir opened');
    const broker = new NodeBroker({ config, clusterId, topics, partitions, producerIds, logger, connectionsMax });
    broker.#unlock = unlock;
    // Consumer groups: replays __consumer_offsets before the listener opens (src/groups/README.md).
    const groups = await openGroups({
      topics,
      partitions,
      logger,
      config: {
        ...DEFAULT_COORDINATOR_CONFIG,
        initialRebalanceDelayMs: config.groupInitialRebalanceDelayMs,
        offsetsPartitionCount: config.offsetsTopicPartitions,
        offsetsRetentionMs: config.offsetsRetentionMinutes * 60_000,
      },
    });
    broker.groups = groups;
    broker.onClose(async () => groups.stop());
    if (config.role === 'learner') broker.onClose(startLearner(config, topics, partitions, logger));
    return broker;
  }

  /** Runs close hooks, waits for topic changes, then flushes and closes every partition. */
  async close(): Promise<void> {
    for (const hook of this.#closeHooks.splice(0).reverse()) {
      await hook().catch((err: unknown) => this.logger.error({ err }, 'close hook failed'));
    }
    await this.topics.idle();
    await this.partitions.closeAll();
    await this.#unlock();
  }
}
