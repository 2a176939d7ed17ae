import { ErrorCode } from '../../protocol/generated/error-codes.js';
import type { FetchResponsePartitionsInput } from '../../protocol/generated/fetch-response.js';
import type { Partition } from '../../replication/partition.js';
import { kafkaErrorOf } from '../errors.js';

/** One requested partition, resolved: either a Partition to read or a fixed error. */
export interface FetchTarget {
  partitionIndex: number;
  fetchOffset: number;
  partitionMaxBytes: number;
  partition: Partition | null;
  /** Set when the partition cannot be read (unknown topic/partition). */
  errorCode: number;
  /** The high watermark at the last read: the long-poll waits for data beyond it. */
  seenHighWatermark: number;
}

export interface ReadPass {
  answers: FetchResponsePartitionsInput[];
  bytes: number;
  /** True when some partition answers with an error: Kafka answers at once then. */
  anyError: boolean;
}

export function partitionAnswer(partitionIndex: number, errorCode: number, partition: Partition | null, records: readonly Buffer[]): FetchResponsePartitionsInput {
  const highWatermark = partition ? partition.highWatermark : -1;
  return {
    partitionIndex,
    errorCode,
    highWatermark,
    // No transactions: the last stable offset is the high watermark (PROTOCOL.md §5.8).
    lastStableOffset: highWatermark,
    logStartOffset: partition ? partition.logStartOffset : -1,
    divergingEpoch: { epoch: -1, endOffset: -1 },
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
    snapshotId: { endOffset: -1, epoch: -1 },
    // Empty, not null: librdkafka and kafkajs expect an array (PROTOCOL.md §5.8).
    abortedTransactions: [],
    preferredReadReplica: -1,
    records,
  };
}

/**
 * Reads every target once, in request order, within the response budget `maxBytes` and each
 * partition's `partitionMaxBytes`. The first partition with data returns at least one whole batch
 * even past both limits (KIP-74), so a consumer always makes progress; once the budget is spent
 * the remaining partitions answer with no records.
 */
export async function readPartitions(targets: readonly FetchTarget[], maxBytes: number): Promise<ReadPass> {
  const answers: FetchResponsePartitionsInput[] = [];
  let bytes = 0;
  let anyError = false;
  for (const t of targets) {
    if (t.partition === null) {
      answers.push(partitionAnswer(t.partitionIndex, t.errorCode, null, []));
      anyError = true;
      continue;
    }
    const remaining = maxBytes - bytes;
    t.seenHighWatermark = t.partition.highWatermark;
    if (bytes > 0 && remaining <= 0) {
      answers.push(partitionAnswer(t.partitionIndex, ErrorCode.NONE, t.partition, []));
      continue;
    }
    try {
      const read = await t.partition.read(t.fetchOffset, Math.max(1, Math.min(t.partitionMaxBytes, remaining)));
      // The journal returns one whole batch even past the limit; only the response's first data
      // may do that (KIP-74), so a later partition whose first batch does not fit sends none.
      if (bytes > 0 && read.bytes > remaining) {
        answers.push(partitionAnswer(t.partitionIndex, ErrorCode.NONE, t.partition, []));
        continue;
      }
      bytes += read.bytes;
      answers.push(partitionAnswer(t.partitionIndex, ErrorCode.NONE, t.partition, read.chunks));
    } catch (err) {
      const e = kafkaErrorOf(err);
      if (!e.expected) throw err;
      anyError = true;
      answers.push(partitionAnswer(t.partitionIndex, e.code, t.partition, []));
    }
  }
  return { answers, bytes, anyError };
}
