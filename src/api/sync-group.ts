import { ApiKey } from '../protocol/generated/index.js';
import { readSyncGroupRequest, type SyncGroupRequest } from '../protocol/generated/sync-group-request.js';
import { writeSyncGroupResponse, type SyncGroupResponse } from '../protocol/generated/sync-group-response.js';
import type { ApiHandler } from './handler.js';
import { groupErrorCode, groupsOf, unlessAborted } from './group-errors.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';

/** v5+ carry protocol_type/protocol_name, checked against the group's. */
const PROTOCOL_FIELDS_MIN_VERSION = 5;

/**
 * SyncGroup (key 14), v0–5. The leader's request carries every member's assignment; each member's
 * answer waits until the leader's assignment is persisted in __consumer_offsets.
 */
export const syncGroupHandler: ApiHandler<SyncGroupRequest, SyncGroupResponse> = {
  apiKey: ApiKey.SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  readRequest: readSyncGroupRequest,
  writeResponse: writeSyncGroupResponse,

  async handle(request, ctx) {
    const version = ctx.header.apiVersion;
    const groups = groupsOf(ctx);
    if (groups === null) return { throttleTimeMs: 0, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) };
    const withProtocol = version >= PROTOCOL_FIELDS_MIN_VERSION;
    const syncing = groups.sync(request.groupId, {
      memberId: request.memberId,
      generationId: request.generationId,
      groupInstanceId: version >= 3 ? request.groupInstanceId : null,
      protocolType: withProtocol ? request.protocolType : null,
      protocolName: withProtocol ? request.protocolName : null,
      assignments: request.assignments.map((a) => ({ memberId: a.memberId, assignment: a.assignment })),
    });
    const r = await unlessAborted(syncing, ctx.signal, () => ({ error: 'COORDINATOR_NOT_AVAILABLE' as const, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) }));
    return { throttleTimeMs: 0, errorCode: groupErrorCode(r.error), protocolType: r.protocolType, protocolName: r.protocolName, assignment: r.assignment };
  },
};
