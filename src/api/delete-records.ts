import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readDeleteRecordsRequest, type DeleteRecordsRequest } from '../protocol/generated/delete-records-request.js';
import { writeDeleteRecordsResponse, type DeleteRecordsResponse, type DeleteRecordsResponseDeleteRecordsPartitionResult } from '../protocol/generated/delete-records-response.js';
import type { ApiHandler } from './handler.js';
import { kafkaErrorOf, missingPartitionError } from './errors.js';

/**
 * DeleteRecords (key 21), v0–2: makes each given offset the partition's log start offset (the
 * journal deletes segments wholly below it; consumers then start there). -1 means the high
 * watermark; an offset beyond it gets OFFSET_OUT_OF_RANGE. Answers the new low watermark.
 * Internal topics are refused with INVALID_TOPIC_EXCEPTION, as Kafka's ReplicaManager does
 * ("Cannot delete records of internal topic"): trimming __consumer_offsets loses committed offsets.
 */
type PartitionResult = DeleteRecordsResponseDeleteRecordsPartitionResult;

function answer(partitionIndex: number, errorCode: number, lowWatermark: number): PartitionResult {
  return { partitionIndex, errorCode, lowWatermark };
}

export const deleteRecordsHandler: ApiHandler<DeleteRecordsRequest, DeleteRecordsResponse> = {
  apiKey: ApiKey.DeleteRecords,
  minVersion: 0,
  maxVersion: 2,
  readRequest: readDeleteRecordsRequest,
  writeResponse: writeDeleteRecordsResponse,

  async handle(request, ctx) {
    const { broker } = ctx;
    const topics = await Promise.all(request.topics.map(async (t) => ({
      name: t.name,
      partitions: await Promise.all(t.partitions.map(async (p) => {
        const partition = broker.partitions.get(t.name, p.partitionIndex);
        if (!partition) return answer(p.partitionIndex, missingPartitionError(broker, t.name, p.partitionIndex).code, -1);
        if (broker.topics.get(t.name)?.internal) return answer(p.partitionIndex, ErrorCode.INVALID_TOPIC_EXCEPTION, -1);
        try {
          return answer(p.partitionIndex, ErrorCode.NONE, await partition.deleteBefore(p.offset));
        } catch (err) {
          const e = kafkaErrorOf(err);
          if (!e.expected) throw err;
          return answer(p.partitionIndex, e.code, -1);
        }
      })),
    })));
    return { throttleTimeMs: 0, topics };
  },

  errorResponse(request, errorCode) {
    return { throttleTimeMs: 0, topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => answer(p.partitionIndex, errorCode, -1)) })) };
  },
};
