import { ApiKey } from '../protocol/generated/index.js';
import { readJoinGroupRequest, type JoinGroupRequest } from '../protocol/generated/join-group-request.js';
import { writeJoinGroupResponse, type JoinGroupResponse } from '../protocol/generated/join-group-response.js';
import type { JoinResult } from '../groups/group.js';
import type { ApiHandler } from './handler.js';
import { groupErrorCode, groupsOf, unlessAborted } from './group-errors.js';

/** v4+: a member joining without an id first gets MEMBER_ID_REQUIRED (KIP-394). */
const MEMBER_ID_REQUIRED_MIN_VERSION = 4;
/** v7+ carry protocol_type and a nullable protocol_name. */
const NULLABLE_PROTOCOL_MIN_VERSION = 7;

function response(r: JoinResult, version: number): JoinGroupResponse {
  const nullable = version >= NULLABLE_PROTOCOL_MIN_VERSION;
  return {
    throttleTimeMs: 0,
    errorCode: groupErrorCode(r.error),
    generationId: r.generationId,
    protocolType: r.protocolType,
    protocolName: nullable ? r.protocolName : (r.protocolName ?? ''),
    leader: r.leaderId,
    skipAssignment: r.skipAssignment,
    memberId: r.memberId,
    members: r.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
  };
}

/**
 * JoinGroup (key 11), v0–9. Advertised from v0 because librdkafka 2.0.2 disables its balanced
 * consumer unless JoinGroup 0 is in range. The answer waits for the rebalance to complete (up to
 * the group's rebalance timeout), or until shutdown/disconnect (then COORDINATOR_NOT_AVAILABLE).
 */
export const joinGroupHandler: ApiHandler<JoinGroupRequest, JoinGroupResponse> = {
  apiKey: ApiKey.JoinGroup,
  minVersion: 0,
  maxVersion: 9,
  readRequest: readJoinGroupRequest,
  writeResponse: writeJoinGroupResponse,

  async handle(request, ctx) {
    const version = ctx.header.apiVersion;
    const groups = groupsOf(ctx);
    const fail: JoinResult = { error: 'COORDINATOR_NOT_AVAILABLE', generationId: -1, protocolType: null, protocolName: null, leaderId: '', memberId: request.memberId, members: [], skipAssignment: false };
    if (groups === null) return response(fail, version);
    const joining = groups.join(request.groupId, {
      memberId: request.memberId,
      groupInstanceId: version >= 5 ? request.groupInstanceId : null,
      protocolType: request.protocolType,
      protocols: request.protocols.map((p) => ({ name: p.name, metadata: p.metadata })),
      sessionTimeoutMs: request.sessionTimeoutMs,
      // v0 has no rebalance timeout: Kafka uses the session timeout.
      rebalanceTimeoutMs: version >= 1 ? request.rebalanceTimeoutMs : request.sessionTimeoutMs,
      clientId: ctx.header.clientId ?? '',
      clientHost: `/${ctx.clientHost.replace(/:\d+$/, '')}`,
      requireKnownMemberId: version >= MEMBER_ID_REQUIRED_MIN_VERSION,
    });
    const result = await unlessAborted(joining, ctx.signal, () => fail);
    return response(result, version);
  },
};
