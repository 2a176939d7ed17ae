import type { AdminBroker } from './admin-broker.js';
import { GroupsService } from '../groups/service.js';
import type { Metrics } from '../metrics/registry.js';

/**
 * Attaches a running broker's pull sources to its metrics: per-partition offsets and sizes, the
 * page-cache hit ratio (of the one cache every partition of the node shares) and consumer-group lag.
 * Everything is read at scrape time, so the hot paths carry no metric work.
 */
export function observeBroker(metrics: Metrics, broker: AdminBroker, version: string): void {
  metrics.node.identify({ nodeId: broker.nodeId, clusterId: broker.clusterId, version });
  metrics.partitions.observe(() => broker.partitions.all().map((p) => ({
    topic: p.topic, partition: p.index, logStartOffset: p.logStartOffset, logEndOffset: p.logEndOffset,
    highWatermark: p.highWatermark, sizeBytes: p.sizeBytes,
  })));
  metrics.journal.observeCache(() => {
    const { hits, misses } = broker.partitions.cacheStats();
    return hits + misses === 0 ? 0 : hits / (hits + misses);
  });
  metrics.groups.observe(async () => {
    const service = broker.groups;
    if (!(service instanceof GroupsService)) return [];
    return Promise.all(service.list(null).map(async (g) => ({
      group: g.groupId,
      members: service.describe(g.groupId).group.members.length,
      partitions: (await service.lagWithSeconds(g.groupId)).flatMap((row) => (row.lag === null ? [] : [{ topic: row.topic, partition: row.partition, lag: row.lag, lagSeconds: row.lagSeconds }])),
    })));
  });
}
