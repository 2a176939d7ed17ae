import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readHeartbeatRequest, type HeartbeatRequest } from '../protocol/generated/heartbeat-request.js';
import { writeHeartbeatResponse, type HeartbeatResponse } from '../protocol/generated/heartbeat-response.js';
import type { ApiHandler } from './handler.js';
import { groupErrorCode, groupsOf } from './group-errors.js';

/**
 * Heartbeat (key 12), v0–4. REBALANCE_IN_PROGRESS tells a member to rejoin; ILLEGAL_GENERATION,
 * UNKNOWN_MEMBER_ID and FENCED_INSTANCE_ID are what clients key their recovery on (PROTOCOL.md §5.5).
 */
export const heartbeatHandler: ApiHandler<HeartbeatRequest, HeartbeatResponse> = {
  apiKey: ApiKey.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  readRequest: readHeartbeatRequest,
  writeResponse: writeHeartbeatResponse,

  async handle(request, ctx) {
    const groups = groupsOf(ctx);
    if (groups === null) return { throttleTimeMs: 0, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE };
    const instanceId = ctx.header.apiVersion >= 3 ? request.groupInstanceId : null;
    return { throttleTimeMs: 0, errorCode: groupErrorCode(groups.heartbeat(request.groupId, request.memberId, instanceId, request.generationId)) };
  },
};
