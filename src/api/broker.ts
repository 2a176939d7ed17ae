import type { Logger } from 'pino';
import type { MetadataImage } from '../cluster/metadata-image.js';
import type { BrokerConfig } from '../config/defaults.js';
import type { TopicStore } from '../cluster/topic-store.js';
import type { PartitionDirectory } from '../replication/partition.js';
import type { GroupsService } from '../groups/service.js';

/** Hands out producer ids (InitProducerId); replication/producer-ids.ts's allocator is one. */
export interface ProducerIdSource {
  allocate(): Promise<number>;
}

/**
 * What every API handler may use of the node (through RequestContext). api/ declares it, as the
 * consumer of an interface does (STYLE.md habit 5); broker/open-broker.ts's NodeBroker provides it
 * and owns the lifecycle: topic store, then partitions, then the listener; closed in reverse.
 */
export interface Broker {
  readonly nodeId: number;
  readonly clusterId: string;
  readonly config: BrokerConfig;
  /** Address written into Metadata: the configured advertised listener, else the bound one. */
  readonly advertised: { host: string; port: number };
  readonly topics: TopicStore;
  readonly partitions: PartitionDirectory;
  readonly producerIds: ProducerIdSource;
  /** The group coordinator (a GroupCoordinator plus admin operations); set by openGroups at start. */
  groups?: GroupsService;
  /** The cluster metadata (cluster mode, once its group runs): Metadata's brokers are its registered nodes. */
  readonly metadata?: { readonly image: MetadataImage } | undefined;
  readonly logger: Logger;
}
