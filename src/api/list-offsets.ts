import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readListOffsetsRequest, type ListOffsetsRequest } from '../protocol/generated/list-offsets-request.js';
import { writeListOffsetsResponse, type ListOffsetsResponse, type ListOffsetsResponsePartitions } from '../protocol/generated/list-offsets-response.js';
import type { Partition } from '../replication/partition.js';
import type { ApiHandler } from './handler.js';
import { kafkaErrorOf, missingPartitionError } from './errors.js';

/**
 * ListOffsets (key 2), v0–8. Special timestamps: -2 earliest (log start offset), -1 latest (the
 * high watermark; also for read_committed, since the last stable offset equals it), -3 (v7+) the
 * first record with the largest timestamp, -4 (v8+) earliest local = log start (no tiered
 * storage). A timestamp ≥ 0 finds the first committed record at or after it, exactly (the batch
 * is walked in place, a bounded amount per event-loop turn), or answers offset -1 / timestamp -1 when there is none. v9 (-5, tiered storage)
 * is not advertised.
 */
export const LATEST_TIMESTAMP = -1;
export const EARLIEST_TIMESTAMP = -2;
/** v7+ (KIP-734): the record with the largest timestamp. */
export const MAX_TIMESTAMP = -3;
/** v8+ (KIP-405): the earliest offset in local storage; without tiered storage, the log start. */
export const EARLIEST_LOCAL_TIMESTAMP = -4;
const MAX_TIMESTAMP_MIN_VERSION = 7;
const EARLIEST_LOCAL_MIN_VERSION = 8;

function answer(partitionIndex: number, errorCode: number, offset: number, timestamp: number): ListOffsetsResponsePartitions {
  return { partitionIndex, errorCode, oldStyleOffsets: offset >= 0 ? [offset] : [], timestamp, offset, leaderEpoch: -1 };
}

async function lookup(partition: Partition, timestamp: number): Promise<{ offset: number; timestamp: number }> {
  if (timestamp === LATEST_TIMESTAMP) return { offset: partition.highWatermark, timestamp: -1 };
  if (timestamp === EARLIEST_TIMESTAMP || timestamp === EARLIEST_LOCAL_TIMESTAMP) return { offset: partition.logStartOffset, timestamp: -1 };
  if (timestamp === MAX_TIMESTAMP) return (await partition.maxTimestampRecord()) ?? { offset: -1, timestamp: -1 };
  return (await partition.offsetForTimestamp(timestamp)) ?? { offset: -1, timestamp: -1 };
}

/** Special timestamps each version may send; anything else below 0 is refused. */
function specialAllowed(timestamp: number, version: number): boolean {
  if (timestamp >= 0 || timestamp === LATEST_TIMESTAMP || timestamp === EARLIEST_TIMESTAMP) return true;
  if (timestamp === MAX_TIMESTAMP) return version >= MAX_TIMESTAMP_MIN_VERSION;
  if (timestamp === EARLIEST_LOCAL_TIMESTAMP) return version >= EARLIEST_LOCAL_MIN_VERSION;
  return false;
}

export const listOffsetsHandler: ApiHandler<ListOffsetsRequest, ListOffsetsResponse> = {
  apiKey: ApiKey.ListOffsets,
  minVersion: 0,
  maxVersion: 8,
  readRequest: readListOffsetsRequest,
  writeResponse: writeListOffsetsResponse,

  async handle(request, ctx) {
    const { broker } = ctx;
    const topics = await Promise.all(request.topics.map(async (t) => ({
      name: t.name,
      partitions: await Promise.all(t.partitions.map(async (p) => {
        const partition = broker.partitions.get(t.name, p.partitionIndex);
        if (!partition) return answer(p.partitionIndex, missingPartitionError(broker, t.name, p.partitionIndex).code, -1, -1);
        if (!specialAllowed(p.timestamp, ctx.header.apiVersion)) return answer(p.partitionIndex, ErrorCode.UNSUPPORTED_VERSION, -1, -1);
        try {
          const found = await lookup(partition, p.timestamp);
          return answer(p.partitionIndex, ErrorCode.NONE, found.offset, found.timestamp);
        } catch (err) {
          const e = kafkaErrorOf(err);
          if (!e.expected) throw err;
          return answer(p.partitionIndex, e.code, -1, -1);
        }
      })),
    })));
    return { throttleTimeMs: 0, topics };
  },

  errorResponse(request, errorCode) {
    return { throttleTimeMs: 0, topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => answer(p.partitionIndex, errorCode, -1, -1)) })) };
  },
};
