import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readLeaveGroupRequest, type LeaveGroupRequest } from '../protocol/generated/leave-group-request.js';
import { writeLeaveGroupResponse, type LeaveGroupResponse } from '../protocol/generated/leave-group-response.js';
import type { ApiHandler } from './handler.js';
import { groupErrorCode, groupsOf } from './group-errors.js';

/** v3+ leave several members at once (static members by group_instance_id, KIP-345). */
const BATCH_LEAVE_MIN_VERSION = 3;

/**
 * LeaveGroup (key 13), v0–5. v0–2: one member, its error at the top level. v3+: one error per
 * member, the top-level error only for coordinator problems.
 */
export const leaveGroupHandler: ApiHandler<LeaveGroupRequest, LeaveGroupResponse> = {
  apiKey: ApiKey.LeaveGroup,
  minVersion: 0,
  maxVersion: 5,
  readRequest: readLeaveGroupRequest,
  writeResponse: writeLeaveGroupResponse,

  async handle(request, ctx) {
    const batch = ctx.header.apiVersion >= BATCH_LEAVE_MIN_VERSION;
    const groups = groupsOf(ctx);
    if (groups === null) return { throttleTimeMs: 0, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] };
    const leaving = batch ? request.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId })) : [{ memberId: request.memberId, groupInstanceId: null }];
    const r = groups.leave(request.groupId, leaving);
    if (!batch) {
      const error = r.error !== 'NONE' ? r.error : (r.members[0]?.error ?? 'NONE');
      return { throttleTimeMs: 0, errorCode: groupErrorCode(error), members: [] };
    }
    return {
      throttleTimeMs: 0,
      errorCode: groupErrorCode(r.error),
      members: r.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode: groupErrorCode(m.error) })),
    };
  },
};
