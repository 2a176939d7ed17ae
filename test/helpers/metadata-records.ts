/** Builders of cluster metadata records for tests (version 0, readable call sites). */
import { MetadataRecordType as T, type MetadataRecord } from '../../src/protocol/generated/metadata-records.js';

export function topicIdOf(n: number): Buffer {
  const id = Buffer.alloc(16);
  id.writeUInt32BE(n, 12);
  id[0] = 0xab;
  return id;
}

export const rec = {
  cluster: (clusterId: string, metadataVersion = 1): MetadataRecord => ({ type: T.Cluster, version: 0, data: { clusterId, metadataVersion } }),
  register: (nodeId: number, options: { epoch?: number; rack?: string | null; fenced?: boolean; port?: number } = {}): MetadataRecord => ({
    type: T.RegisterNode, version: 0, data: {
      nodeId, nodeEpoch: options.epoch ?? 1, incarnationId: Buffer.alloc(16, nodeId + 1), rack: options.rack ?? null, fenced: options.fenced ?? false,
      endpoints: [{ name: 'kafka', host: '127.0.0.1', port: options.port ?? 9092 + nodeId }, { name: 'internal', host: '127.0.0.1', port: 9192 + nodeId }],
    },
  }),
  unregister: (nodeId: number, epoch = 1): MetadataRecord => ({ type: T.UnregisterNode, version: 0, data: { nodeId, nodeEpoch: epoch } }),
  fence: (nodeId: number, fenced: boolean, epoch = 1): MetadataRecord => ({ type: T.FenceNode, version: 0, data: { nodeId, nodeEpoch: epoch, fenced } }),
  topic: (name: string, id: Buffer, internal = false): MetadataRecord => ({ type: T.Topic, version: 0, data: { name, topicId: id, internal } }),
  partition: (id: Buffer, partitionIndex: number, replicas: number[], adding: number[] = [], removing: number[] = []): MetadataRecord => ({
    type: T.Partition, version: 0, data: { topicId: id, partitionIndex, replicas, addingReplicas: adding, removingReplicas: removing },
  }),
  change: (id: Buffer, partitionIndex: number, change: { replicas?: number[]; adding?: number[]; removing?: number[] }): MetadataRecord => ({
    type: T.PartitionChange, version: 0, data: {
      topicId: id, partitionIndex, replicas: change.replicas ?? null, addingReplicas: change.adding ?? null, removingReplicas: change.removing ?? null,
    },
  }),
  config: (id: Buffer, key: string, value: string | null): MetadataRecord => ({ type: T.TopicConfig, version: 0, data: { topicId: id, key, value } }),
  removeTopic: (id: Buffer): MetadataRecord => ({ type: T.RemoveTopic, version: 0, data: { topicId: id } }),
};
