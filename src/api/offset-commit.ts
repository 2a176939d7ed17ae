import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readOffsetCommitRequest, type OffsetCommitRequest } from '../protocol/generated/offset-commit-request.js';
import { writeOffsetCommitResponse, type OffsetCommitResponse } from '../protocol/generated/offset-commit-response.js';
import type { OffsetCommitEntry } from '../groups/offsets.js';
import type { ApiHandler } from './handler.js';
import { groupErrorCode, groupsOf } from './group-errors.js';

/** v1 alone carries a per-partition commit timestamp; v6+ committed_leader_epoch; v7+ group_instance_id. */
const COMMIT_TIMESTAMP_VERSION = 1;
const LEADER_EPOCH_MIN_VERSION = 6;
const INSTANCE_ID_MIN_VERSION = 7;

/**
 * OffsetCommit (key 8), v0–9 as Kafka 3.x serves them (Sarama's default is v1; librdkafka 2.0.2
 * needs a range that overlaps 1–2; kafka-python sends v2). v0 has no generation or member id:
 * it is a commit from outside any group (generation -1, empty member id, as Kafka 3.x stores v0
 * in the offsets topic like v1), accepted while the group has no members. v1 may set each
 * partition's commit timestamp (-1 = now). Members commit with their generation. A partition of a
 * topic that does not exist gets UNKNOWN_TOPIC_OR_PARTITION; the others are committed together as
 * one record batch in the group's __consumer_offsets partition. retention_time_ms (v2–4) is
 * ignored, as Kafka ≥2.1 does: the broker's offsets retention applies.
 */
export const offsetCommitHandler: ApiHandler<OffsetCommitRequest, OffsetCommitResponse> = {
  apiKey: ApiKey.OffsetCommit,
  minVersion: 0,
  maxVersion: 9,
  readRequest: readOffsetCommitRequest,
  writeResponse: writeOffsetCommitResponse,

  async handle(request, ctx) {
    const version = ctx.header.apiVersion;
    const groups = groupsOf(ctx);
    const codes = request.topics.map((t) => t.partitions.map(() => ErrorCode.COORDINATOR_NOT_AVAILABLE as number));
    const entries: OffsetCommitEntry[] = [];
    const slots: Array<[number, number]> = [];
    if (groups !== null) {
      request.topics.forEach((t, ti) => {
        const info = ctx.broker.topics.get(t.name);
        t.partitions.forEach((p, pi) => {
          if (info === undefined || p.partitionIndex < 0 || p.partitionIndex >= info.partitionCount) {
            codes[ti]![pi] = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
            return;
          }
          entries.push({
            topic: t.name,
            partition: p.partitionIndex,
            offset: p.committedOffset,
            leaderEpoch: version >= LEADER_EPOCH_MIN_VERSION ? p.committedLeaderEpoch : -1,
            metadata: p.committedMetadata,
            ...(version === COMMIT_TIMESTAMP_VERSION ? { commitTimestampMs: p.commitTimestamp } : {}),
          });
          slots.push([ti, pi]);
        });
      });
      const errors = await groups.commitOffsets(
        request.groupId,
        request.memberId,
        version >= INSTANCE_ID_MIN_VERSION ? request.groupInstanceId : null,
        request.generationIdOrMemberEpoch,
        entries,
      );
      errors.forEach((e, i) => {
        const [ti, pi] = slots[i]!;
        codes[ti]![pi] = groupErrorCode(e);
      });
    }
    return {
      throttleTimeMs: 0,
      topics: request.topics.map((t, ti) => ({
        name: t.name,
        partitions: t.partitions.map((p, pi) => ({ partitionIndex: p.partitionIndex, errorCode: codes[ti]![pi]! })),
      })),
    };
  },
};
