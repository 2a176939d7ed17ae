/**
 * Builds `Broker.groups` at start-up: makes sure the internal `__consumer_offsets` topic exists,
 * implements GroupLog over its partitions (one RecordBatch per append, through the Partition door,
 * acks=all), implements PartitionOffsetsSource over the data partitions (lag, offset resets), then
 * starts the coordinator, which replays the partitions.
 *
 * The topic keeps its records forever (retention.ms=-1): the latest record per key is the state,
 * so deleting old segments would forget commits. It is marked cleanup.policy=compact for when
 * compaction exists. An existing topic keeps its partition count even if the configured count
 * changed, because the group → partition mapping depends on it.
 */
import type { TopicStore } from '../cluster/topic-store.js';
import type { Partition, PartitionDirectory } from '../replication/partition.js';
import { PartitionError } from '../replication/partition.js';
import { buildBatchUncompressed, decodeBatchRecords } from '../protocol/records/batch.js';
import { ATTR_CONTROL } from '../protocol/records/batch-header.js';
import type { CoordinatorConfig, CoordinatorLogger } from './coordinator.js';
import type { GroupError } from './errors.js';
import type { GroupLog, GroupLogPartition, LogRecord } from './group-log.js';
import type { PartitionOffsetsSource } from './lag.js';
import { GroupsService } from './service.js';
import { realTimers } from './timers.js';

export const OFFSETS_TOPIC = '__consumer_offsets';
/** How long one coordinator write may take before the request gets REQUEST_TIMED_OUT. */
const APPEND_TIMEOUT_MS = 30_000;
/** Segment size of the offsets partitions: compaction frees whole segments below the log start. */
const OFFSETS_SEGMENT_BYTES = 16 * 1024 * 1024;

function appendErrorOf(err: unknown): GroupError {
  if (err instanceof PartitionError) {
    if (err.code === 'TIMEOUT') return 'REQUEST_TIMED_OUT';
    // A closing partition or a disk error: the client retries, possibly elsewhere.
    return 'COORDINATOR_NOT_AVAILABLE';
  }
  throw err;
}

export function partitionGroupLog(partition: Partition): GroupLogPartition {
  return {
    async append(records: LogRecord[]): Promise<GroupError> {
      const batch = buildBatchUncompressed(records.map((r) => ({ key: r.key, value: r.value, timestamp: r.timestampMs })));
      try {
        await partition.append(batch, { acks: -1, timeoutMs: APPEND_TIMEOUT_MS });
        return 'NONE';
      } catch (err) {
        return appendErrorOf(err);
      }
    },
    async replay(onRecord) {
      for await (const { header, bytes } of partition.committedBatches(partition.logStartOffset)) {
        if ((header.attributes & ATTR_CONTROL) !== 0) continue;
        for (const r of await decodeBatchRecords(bytes)) {
          if (r.key !== null) onRecord({ key: r.key, value: r.value, timestampMs: r.timestamp });
        }
      }
    },
    isLeader: () => true,
    logStartOffset: () => partition.logStartOffset,
    logEndOffset: () => partition.highWatermark,
    async deleteBefore(offset) {
      try {
        await partition.deleteBefore(offset);
        return 'NONE';
      } catch (err) {
        return appendErrorOf(err);
      }
    },
  };
}

export function partitionOffsetsSource(partitions: PartitionDirectory, topics: TopicStore): PartitionOffsetsSource {
  return {
    highWatermark: (topic, index) => partitions.get(topic, index)?.highWatermark ?? null,
    logStartOffset: (topic, index) => partitions.get(topic, index)?.logStartOffset ?? null,
    async offsetForTimestamp(topic, index, timestampMs) {
      const p = partitions.get(topic, index);
      if (p === undefined) return null;
      // The record-level answer ListOffsets gives, committed data only.
      const found = await p.offsetForTimestamp(timestampMs);
      return found === null ? p.highWatermark : found.offset;
    },
    async recordTimestampFrom(topic, index, offset) {
      return (await partitions.get(topic, index)?.recordTimestampFrom(offset)) ?? null;
    },
    partitionIds(topic) {
      const info = topics.get(topic);
      return info === undefined ? null : Array.from({ length: info.partitionCount }, (_, i) => i);
    },
  };
}

export async function openGroups(opts: {
  topics: TopicStore;
  partitions: PartitionDirectory;
  config: CoordinatorConfig;
  logger: CoordinatorLogger;
}): Promise<GroupsService> {
  const { topics, partitions } = opts;
  let info = topics.get(OFFSETS_TOPIC);
  if (info === undefined) {
    info = await topics.create(OFFSETS_TOPIC, {
      partitions: opts.config.offsetsPartitionCount,
      internal: true,
      // Small segments so compaction (coordinator.ts) frees disk soon after it moves the log start.
      configs: { 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'compact', 'segment.bytes': String(OFFSETS_SEGMENT_BYTES) },
    });
  }
  const partitionCount = info.partitionCount;
  const log: GroupLog = {
    partitionCount,
    partition(index) {
      const p = partitions.get(OFFSETS_TOPIC, index);
      if (p === undefined) throw new Error(`${OFFSETS_TOPIC}-${index} is not open`);
      return partitionGroupLog(p);
    },
  };
  const service = new GroupsService({
    log,
    timers: realTimers(),
    config: { ...opts.config, offsetsPartitionCount: partitionCount },
    logger: opts.logger,
    source: partitionOffsetsSource(partitions, topics),
  });
  await service.start();
  topics.addListener({
    topicCreated: async () => undefined,
    partitionsAdded: async () => undefined,
    configsChanged: async () => undefined,
    topicDeleted: async (topic) => {
      if (topic.name === OFFSETS_TOPIC) {
        opts.logger.warn({ topic: topic.name }, 'the offsets topic was deleted: committed offsets are gone until restart');
        return;
      }
      const removed = await service.forgetTopic(topic.name);
      if (removed > 0) opts.logger.info({ topic: topic.name, removed }, 'deleted committed offsets of a deleted topic');
    },
  });
  return service;
}
