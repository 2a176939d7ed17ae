/**
 * The upgrade of a single-node data dir ("existing single-node data dirs upgrade in place"): what
 * today's TopicStore holds (topics.json) becomes the first records of a fresh metadata log, as if
 * the node had always been a one-node cluster: the cluster record, the node's registration
 * (unfenced), then per topic (by name) its TopicRecord, one PartitionRecord per partition with the
 * node as the only replica, and one TopicConfigRecord per config set on it. Topic ids and the
 * internal flag are kept, so clients that cached topic ids see no change. Not carried: a topic's
 * `createdMs` (nothing in Kafka's protocol reports it).
 *
 * The records are checked by applying them to the empty image: a topic the state machine would
 * refuse fails the upgrade with its name, rather than being dropped.
 */
import { MetadataRecordType, type MetadataRecord } from '../protocol/generated/metadata-records.js';
import { applyRecords } from './metadata-apply.js';
import { EMPTY_METADATA_IMAGE, type MetadataImage, type NodeEndpoint } from './metadata-image.js';
import { refuse, type MetadataResult } from './metadata-error.js';
import type { TopicInfo } from './topic-store.js';

/** The metadata version a fresh log starts at. */
export const METADATA_VERSION_INITIAL = 1;

export interface UpgradingNode {
  /** From the data dir's node file (today's cluster id is kept). */
  readonly clusterId: string;
  /** Kafka node id. */
  readonly nodeId: number;
  readonly incarnationId: Buffer;
  readonly rack: string | null;
  readonly endpoints: readonly NodeEndpoint[];
}

export function topicStoreToRecords(topics: readonly TopicInfo[], node: UpgradingNode): MetadataResult<{ records: MetadataRecord[]; image: MetadataImage }> {
  const records: MetadataRecord[] = [
    { type: MetadataRecordType.Cluster, version: 0, data: { clusterId: node.clusterId, metadataVersion: METADATA_VERSION_INITIAL } },
    { type: MetadataRecordType.RegisterNode, version: 0, data: {
      nodeId: node.nodeId, nodeEpoch: 1, incarnationId: node.incarnationId, rack: node.rack, fenced: false,
      endpoints: node.endpoints.map((e) => ({ name: e.name, host: e.host, port: e.port })),
    } },
  ];
  const owner: string[] = ['(cluster)', '(node)'];
  for (const t of [...topics].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    records.push({ type: MetadataRecordType.Topic, version: 0, data: { name: t.name, topicId: t.id, internal: t.internal } });
    for (let p = 0; p < t.partitionCount; p++) {
      records.push({ type: MetadataRecordType.Partition, version: 0, data: { topicId: t.id, partitionIndex: p, replicas: [node.nodeId], addingReplicas: [], removingReplicas: [] } });
    }
    for (const key of Object.keys(t.configs).sort()) {
      records.push({ type: MetadataRecordType.TopicConfig, version: 0, data: { topicId: t.id, key, value: t.configs[key]! } });
    }
    while (owner.length < records.length) owner.push(t.name);
  }
  const applied = applyRecords(EMPTY_METADATA_IMAGE, records);
  const first = applied.refused[0];
  if (first) return refuse(first.error.code, `cannot upgrade ${owner[first.index]}: ${first.error.message}`);
  return { ok: true, value: { records, image: applied.image } };
}
