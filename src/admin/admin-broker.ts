import type { BrokerConfig } from '../config/defaults.js';
import type { TopicStore } from '../cluster/topic-store.js';
import type { PartitionManager } from '../replication/partition-manager.js';
import type { GroupsService } from '../groups/service.js';
import type { MetadataImage } from '../cluster/metadata-image.js';

/** The cluster metadata as this node applied it, and the metadata group's leader (cluster mode). */
export interface AdminMetadataSource {
  readonly image: MetadataImage;
  readonly leader: { readonly nodeId: number; readonly term: number };
}

/**
 * What the admin server and the metrics observer use of a running node, declared here (the
 * consumer of an interface defines it) so admin/ does not import broker/. The partitions are a
 * read-only view: admin never appends or deletes records. broker/open-broker.ts's NodeBroker
 * provides it; cli/ hands it over.
 */
export interface AdminBroker {
  readonly nodeId: number;
  readonly clusterId: string;
  readonly config: BrokerConfig;
  readonly advertised: { host: string; port: number };
  readonly topics: TopicStore;
  readonly partitions: Pick<PartitionManager, 'all' | 'forTopic' | 'allOffline' | 'cacheStats'>;
  groups?: GroupsService;
  /** Set once the metadata group runs (cluster mode only). */
  metadata?: AdminMetadataSource | undefined;
}
