/**
 * Request bodies with every field filled (the generated writers need them all), for raw-client
 * tests. Override what a test cares about.
 */
import { ZERO_UUID } from '../../src/protocol/generated/index.js';

export function metadataRequest(topics: string[] | null, allowAutoTopicCreation = true): unknown {
  return {
    topics: topics === null ? null : topics.map((name) => ({ topicId: ZERO_UUID, name })),
    allowAutoTopicCreation,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  };
}

export function produceRequest(topic: string, partition: number, records: Buffer | null, acks = -1, timeoutMs = 30_000): unknown {
  return {
    transactionalId: null,
    acks,
    timeoutMs,
    topicData: [{ name: topic, partitionData: [{ index: partition, records }] }],
  };
}

export interface FetchPartitionSpec {
  topic: string;
  topicId?: Buffer;
  partition: number;
  offset: number;
  partitionMaxBytes?: number;
}

export function fetchRequest(parts: FetchPartitionSpec[], options: { maxWaitMs?: number; minBytes?: number; maxBytes?: number; sessionId?: number; sessionEpoch?: number } = {}): unknown {
  const byTopic = new Map<string, FetchPartitionSpec[]>();
  for (const p of parts) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
  return {
    clusterId: null,
    replicaId: -1,
    replicaState: { replicaId: -1, replicaEpoch: -1 },
    maxWaitMs: options.maxWaitMs ?? 0,
    minBytes: options.minBytes ?? 1,
    maxBytes: options.maxBytes ?? 50 * 1024 * 1024,
    isolationLevel: 0,
    sessionId: options.sessionId ?? 0,
    sessionEpoch: options.sessionEpoch ?? -1,
    topics: [...byTopic.entries()].map(([topic, ps]) => ({
      topic,
      topicId: ps[0]!.topicId ?? ZERO_UUID,
      partitions: ps.map((p) => ({
        partition: p.partition,
        currentLeaderEpoch: -1,
        fetchOffset: p.offset,
        lastFetchedEpoch: -1,
        logStartOffset: -1,
        partitionMaxBytes: p.partitionMaxBytes ?? 1024 * 1024,
        replicaDirectoryId: ZERO_UUID,
      })),
    })),
    forgottenTopicsData: [],
    rackId: '',
  };
}

export function listOffsetsRequest(topic: string, partition: number, timestamp: number): unknown {
  return {
    replicaId: -1,
    isolationLevel: 0,
    topics: [{ name: topic, partitions: [{ partitionIndex: partition, currentLeaderEpoch: -1, timestamp, maxNumOffsets: 1 }] }],
  };
}

export function apiVersionsRequest(): unknown {
  return { clientSoftwareName: 'canopy-test', clientSoftwareVersion: '0.0.0' };
}
