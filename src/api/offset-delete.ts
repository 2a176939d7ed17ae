import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readOffsetDeleteRequest, type OffsetDeleteRequest } from '../protocol/generated/offset-delete-request.js';
import { writeOffsetDeleteResponse, type OffsetDeleteResponse } from '../protocol/generated/offset-delete-response.js';
import type { ApiHandler } from './handler.js';
import { groupErrorCode, groupsOf } from './group-errors.js';

/**
 * OffsetDelete (key 47), v0: deletes committed offsets of partitions whose topic no current member
 * subscribes to (GROUP_SUBSCRIBED_TO_TOPIC for the others).
 */
export const offsetDeleteHandler: ApiHandler<OffsetDeleteRequest, OffsetDeleteResponse> = {
  apiKey: ApiKey.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  readRequest: readOffsetDeleteRequest,
  writeResponse: writeOffsetDeleteResponse,

  async handle(request, ctx) {
    const groups = groupsOf(ctx);
    if (groups === null) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, throttleTimeMs: 0, topics: [] };
    const wanted = request.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex })));
    const r = await groups.deleteOffsets(request.groupId, wanted);
    if (r.error !== 'NONE') return { errorCode: groupErrorCode(r.error), throttleTimeMs: 0, topics: [] };
    const code = new Map(r.partitions.map((p) => [`${p.topic}\u0000${p.partition}`, groupErrorCode(p.error)]));
    return {
      errorCode: ErrorCode.NONE,
      throttleTimeMs: 0,
      topics: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: code.get(`${t.name}\u0000${p.partitionIndex}`) ?? ErrorCode.NONE })),
      })),
    };
  },
};
