/**
 * A snapshot of the metadata image as records: applying them, in order, to the empty image
 * rebuilds an equal image. The metadata group's log will be compacted to such a snapshot; the
 * same records seed a fresh log (topic-store-upgrade.ts).
 *
 * Order: cluster, nodes (ascending ids), then per topic (by name): topic, partitions, configs.
 * Nodes come before partitions because a partition may name only registered nodes.
 */
import { MetadataRecordType, type MetadataRecord } from '../protocol/generated/metadata-records.js';
import type { MetadataImage } from './metadata-image.js';

/** Version every record of a snapshot is written in (the only one so far). */
const SNAPSHOT_RECORD_VERSION = 0;

export function imageToRecords(image: MetadataImage): MetadataRecord[] {
  const v = SNAPSHOT_RECORD_VERSION;
  const out: MetadataRecord[] = [];
  if (image.clusterId !== null) {
    out.push({ type: MetadataRecordType.Cluster, version: v, data: { clusterId: image.clusterId, metadataVersion: image.metadataVersion } });
  }
  for (const n of [...image.nodes.values()].sort((a, b) => a.id - b.id)) {
    out.push({ type: MetadataRecordType.RegisterNode, version: v, data: {
      nodeId: n.id, nodeEpoch: n.epoch, incarnationId: n.incarnationId, rack: n.rack, fenced: n.fenced,
      endpoints: n.endpoints.map((e) => ({ name: e.name, host: e.host, port: e.port })),
    } });
  }
  const topics = [...image.topics.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const t of topics) {
    out.push({ type: MetadataRecordType.Topic, version: v, data: { name: t.name, topicId: t.id, internal: t.internal } });
    for (const p of t.partitions) {
      out.push({ type: MetadataRecordType.Partition, version: v, data: {
        topicId: t.id, partitionIndex: p.partition, replicas: [...p.replicas], addingReplicas: [...p.addingReplicas], removingReplicas: [...p.removingReplicas],
      } });
    }
    for (const [key, value] of [...t.configs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out.push({ type: MetadataRecordType.TopicConfig, version: v, data: { topicId: t.id, key, value } });
    }
  }
  return out;
}
