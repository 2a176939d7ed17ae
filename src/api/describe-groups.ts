import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readDescribeGroupsRequest, type DescribeGroupsRequest } from '../protocol/generated/describe-groups-request.js';
import { writeDescribeGroupsResponse, type DescribeGroupsResponse, type DescribeGroupsResponseDescribedGroup } from '../protocol/generated/describe-groups-response.js';
import type { ApiHandler } from './handler.js';
import { AUTHORIZED_OPERATIONS_OMITTED, groupErrorCode, groupsOf } from './group-errors.js';

const EMPTY = Buffer.alloc(0);

/**
 * DescribeGroups (key 15), v0–5. As Kafka: an unknown group is reported as state "Dead" with no
 * error; member metadata (the chosen protocol's) and assignments are filled in only when the group
 * is Stable, the only state in which they are settled.
 */
export const describeGroupsHandler: ApiHandler<DescribeGroupsRequest, DescribeGroupsResponse> = {
  apiKey: ApiKey.DescribeGroups,
  minVersion: 0,
  maxVersion: 5,
  readRequest: readDescribeGroupsRequest,
  writeResponse: writeDescribeGroupsResponse,

  async handle(request, ctx) {
    const groups = groupsOf(ctx);
    return {
      throttleTimeMs: 0,
      groups: request.groups.map((groupId): DescribeGroupsResponseDescribedGroup => {
        const base = { groupId, groupState: '', protocolType: '', protocolData: '', members: [], authorizedOperations: AUTHORIZED_OPERATIONS_OMITTED };
        if (groups === null) return { ...base, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE };
        const { error, group } = groups.describe(groupId);
        if (error !== 'NONE') return { ...base, errorCode: groupErrorCode(error) };
        const stable = group.state === 'Stable';
        return {
          ...base,
          errorCode: ErrorCode.NONE,
          groupState: group.state,
          protocolType: group.protocolType,
          protocolData: group.protocolName,
          members: group.members.map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            memberMetadata: stable ? (m.protocols.find((p) => p.name === group.protocolName)?.metadata ?? EMPTY) : EMPTY,
            memberAssignment: stable ? m.assignment : EMPTY,
          })),
        };
      }),
    };
  },
};
