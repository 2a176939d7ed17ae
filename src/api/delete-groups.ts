import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readDeleteGroupsRequest, type DeleteGroupsRequest } from '../protocol/generated/delete-groups-request.js';
import { writeDeleteGroupsResponse, type DeleteGroupsResponse } from '../protocol/generated/delete-groups-response.js';
import type { ApiHandler } from './handler.js';
import { groupErrorCode, groupsOf } from './group-errors.js';

/**
 * DeleteGroups (key 42), v0–2: deletes groups without members (NON_EMPTY_GROUP otherwise,
 * GROUP_ID_NOT_FOUND for unknown ones), with their committed offsets.
 */
export const deleteGroupsHandler: ApiHandler<DeleteGroupsRequest, DeleteGroupsResponse> = {
  apiKey: ApiKey.DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  readRequest: readDeleteGroupsRequest,
  writeResponse: writeDeleteGroupsResponse,

  async handle(request, ctx) {
    const groups = groupsOf(ctx);
    const results = [];
    for (const groupId of request.groupsNames) {
      const errorCode = groups === null ? ErrorCode.COORDINATOR_NOT_AVAILABLE : groupErrorCode(await groups.deleteGroup(groupId));
      results.push({ groupId, errorCode });
    }
    return { throttleTimeMs: 0, results };
  },
};
