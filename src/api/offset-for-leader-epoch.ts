import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readOffsetForLeaderEpochRequest, type OffsetForLeaderEpochRequest } from '../protocol/generated/offset-for-leader-epoch-request.js';
import { writeOffsetForLeaderEpochResponse, type OffsetForLeaderEpochResponse, type OffsetForLeaderEpochResponseEpochEndOffset } from '../protocol/generated/offset-for-leader-epoch-response.js';
import { missingPartitionError } from './errors.js';
import type { ApiHandler } from './handler.js';

/**
 * OffsetForLeaderEpoch (key 23), v0–4: for each partition, the largest leader epoch <= the
 * requested one that the log holds and the offset where it ends (the next epoch's start, or the
 * log end offset for the current epoch), from the journal's epoch map. A current_leader_epoch
 * other than this node's (when not -1) is fenced or unknown, as Kafka answers.
 *
 * Note: @platformatic/kafka 1.35 misreads v4 responses (it reads Partition before ErrorCode);
 * it does not send this API in its normal consumer path, so v4 stays advertised for Java and
 * librdkafka (test/protocol/vectors/client-responses.test.ts).
 */
type PartitionResult = OffsetForLeaderEpochResponseEpochEndOffset;

function answer(partition: number, errorCode: number, leaderEpoch: number, endOffset: number): PartitionResult {
  return { errorCode, partition, leaderEpoch, endOffset };
}

export const offsetForLeaderEpochHandler: ApiHandler<OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse> = {
  apiKey: ApiKey.OffsetForLeaderEpoch,
  minVersion: 0,
  maxVersion: 4,
  readRequest: readOffsetForLeaderEpochRequest,
  writeResponse: writeOffsetForLeaderEpochResponse,

  async handle(request, ctx) {
    const { broker } = ctx;
    const topics = request.topics.map((t) => ({
      topic: t.topic,
      partitions: t.partitions.map((p) => {
        const partition = broker.partitions.get(t.topic, p.partition);
        if (!partition) return answer(p.partition, missingPartitionError(broker, t.topic, p.partition).code, -1, -1);
        const current = partition.leaderEpoch;
        if (p.currentLeaderEpoch >= 0 && p.currentLeaderEpoch < current) return answer(p.partition, ErrorCode.FENCED_LEADER_EPOCH, -1, -1);
        if (p.currentLeaderEpoch > current) return answer(p.partition, ErrorCode.UNKNOWN_LEADER_EPOCH, -1, -1);
        const found = partition.endOffsetForEpoch(p.leaderEpoch);
        // The current epoch ends at the log end even when no batch carries it yet (empty log).
        if (found.epoch === -1 && p.leaderEpoch >= current) return answer(p.partition, ErrorCode.NONE, current, partition.logEndOffset);
        return answer(p.partition, ErrorCode.NONE, found.epoch, found.endOffset);
      }),
    }));
    return { throttleTimeMs: 0, topics };
  },

  errorResponse(request, errorCode) {
    return { throttleTimeMs: 0, topics: request.topics.map((t) => ({ topic: t.topic, partitions: t.partitions.map((p) => answer(p.partition, errorCode, -1, -1)) })) };
  },
};
