import type { Logger } from 'pino';
import type { BrokerConfig } from '../config/defaults.js';
import type { TopicStore } from '../cluster/topic-store.js';
import type { PartitionManager } from '../replication/partition-manager.js';
import type { ProducerIdAllocator } from '../replication/producer-ids.js';
import type { GroupsService } from '../groups/service.js';

/**
 * The object every API handler receives (through RequestContext). One per node; built by
 * `startBroker` (broker/start-broker.ts), which owns the lifecycle: topic store, then partitions,
 * then the listener; closed in the reverse order.
 */
export interface Broker {
  readonly nodeId: number;
  readonly clusterId: string;
  readonly config: BrokerConfig;
  /** Address written into Metadata: the configured advertised listener, else the bound one. */
  readonly advertised: { host: string; port: number };
  readonly topics: TopicStore;
  readonly partitions: PartitionManager;
  readonly producerIds: ProducerIdAllocator;
  /** The group coordinator (a GroupCoordinator plus admin operations); set by openGroups at start. */
  groups?: GroupsService;
  readonly logger: Logger;
}
