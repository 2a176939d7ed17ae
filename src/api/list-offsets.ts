import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readListOffsetsRequest, type ListOffsetsRequest } from '../protocol/generated/list-offsets-request.js';
import { writeListOffsetsResponse, type ListOffsetsResponse, type ListOffsetsResponsePartitions } from '../protocol/generated/list-offsets-response.js';
import type { Partition } from '../replication/partition.js';
import type { ApiHandler } from './handler.js';
import { kafkaErrorOf } from './errors.js';

/**
 * ListOffsets (key 2), v0–6. Special timestamps: -2 earliest (log start offset), -1 latest (the
 * high watermark; also for read_committed, since the last stable offset equals it). A timestamp
 * ≥ 0 finds the first committed record at or after it, exactly (the batch is decoded), or answers
 * offset -1 / timestamp -1 when there is none. v7+ (max timestamp -3) is not advertised yet.
 */
export const LATEST_TIMESTAMP = -1;
export const EARLIEST_TIMESTAMP = -2;

function answer(partitionIndex: number, errorCode: number, offset: number, timestamp: number): ListOffsetsResponsePartitions {
  return { partitionIndex, errorCode, oldStyleOffsets: offset >= 0 ? [offset] : [], timestamp, offset, leaderEpoch: -1 };
}

async function lookup(partition: Partition, timestamp: number): Promise<{ offset: number; timestamp: number }> {
  if (timestamp === LATEST_TIMESTAMP) return { offset: partition.highWatermark, timestamp: -1 };
  if (timestamp === EARLIEST_TIMESTAMP) return { offset: partition.logStartOffset, timestamp: -1 };
  return (await partition.offsetForTimestamp(timestamp)) ?? { offset: -1, timestamp: -1 };
}

export const listOffsetsHandler: ApiHandler<ListOffsetsRequest, ListOffsetsResponse> = {
  apiKey: ApiKey.ListOffsets,
  minVersion: 0,
  maxVersion: 6,
  readRequest: readListOffsetsRequest,
  writeResponse: writeListOffsetsResponse,

  async handle(request, ctx) {
    const { broker } = ctx;
    const topics = await Promise.all(request.topics.map(async (t) => ({
      name: t.name,
      partitions: await Promise.all(t.partitions.map(async (p) => {
        const partition = broker.partitions.get(t.name, p.partitionIndex);
        if (!partition) return answer(p.partitionIndex, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1, -1);
        if (p.timestamp < EARLIEST_TIMESTAMP) return answer(p.partitionIndex, ErrorCode.UNSUPPORTED_VERSION, -1, -1);
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
