import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readListGroupsRequest, type ListGroupsRequest } from '../protocol/generated/list-groups-request.js';
import { writeListGroupsResponse, type ListGroupsResponse } from '../protocol/generated/list-groups-response.js';
import type { ApiHandler } from './handler.js';
import { groupsOf } from './group-errors.js';

/** v4+ filter by state, v5+ by type (every group here is "classic"). */
const STATES_FILTER_MIN_VERSION = 4;
const TYPES_FILTER_MIN_VERSION = 5;
const GROUP_TYPE_CLASSIC = 'classic';

/** ListGroups (key 16), v0–5: the groups this node coordinates. */
export const listGroupsHandler: ApiHandler<ListGroupsRequest, ListGroupsResponse> = {
  apiKey: ApiKey.ListGroups,
  minVersion: 0,
  maxVersion: 5,
  readRequest: readListGroupsRequest,
  writeResponse: writeListGroupsResponse,

  async handle(request, ctx) {
    const version = ctx.header.apiVersion;
    const groups = groupsOf(ctx);
    if (groups === null) return { throttleTimeMs: 0, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, groups: [] };
    if (!groups.loaded) return { throttleTimeMs: 0, errorCode: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, groups: [] };
    const states = version >= STATES_FILTER_MIN_VERSION ? request.statesFilter : null;
    const types = version >= TYPES_FILTER_MIN_VERSION ? request.typesFilter.map((t) => t.toLowerCase()) : [];
    if (types.length > 0 && !types.includes(GROUP_TYPE_CLASSIC)) return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups: [] };
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      groups: groups.list(states).map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, groupState: g.state, groupType: GROUP_TYPE_CLASSIC })),
    };
  },
};
