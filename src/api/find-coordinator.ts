import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readFindCoordinatorRequest, type FindCoordinatorRequest } from '../protocol/generated/find-coordinator-request.js';
import { writeFindCoordinatorResponse, type FindCoordinatorResponse, type FindCoordinatorResponseCoordinator } from '../protocol/generated/find-coordinator-response.js';
import type { ApiHandler, RequestContext } from './handler.js';
import { groupErrorCode, groupsOf } from './group-errors.js';

/** key_type values (v1+). */
const KEY_TYPE_GROUP = 0;
const KEY_TYPE_TRANSACTION = 1;
/** v4+ batch keys in coordinator_keys and answers in coordinators. */
const BATCHED_KEYS_MIN_VERSION = 4;

function coordinatorFor(ctx: RequestContext, key: string, keyType: number): FindCoordinatorResponseCoordinator {
  const { host, port } = ctx.broker.advertised;
  const none = { key, nodeId: -1, host: '', port: -1 };
  if (keyType === KEY_TYPE_TRANSACTION) {
    return { ...none, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, errorMessage: 'transactions are not supported by this broker yet' };
  }
  if (keyType !== KEY_TYPE_GROUP) return { ...none, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `unknown key type ${keyType}` };
  const groups = groupsOf(ctx);
  if (groups === null) return { ...none, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, errorMessage: 'the group coordinator is starting' };
  const error = groups.coordinatorError(key);
  if (error !== 'NONE') return { ...none, errorCode: groupErrorCode(error), errorMessage: error };
  return { key, nodeId: ctx.broker.nodeId, host, port, errorCode: ErrorCode.NONE, errorMessage: null };
}

/**
 * FindCoordinator (key 10), v0–6: every group is coordinated by this node (the leader of the
 * group's __consumer_offsets partition, which on a single node is always here). Advertised from
 * v0: librdkafka 2.0.2 disables its group consumer otherwise (PROTOCOL.md §0.3); kafka-python
 * sends v0. Transaction keys get COORDINATOR_NOT_AVAILABLE with a message until transactions exist.
 */
export const findCoordinatorHandler: ApiHandler<FindCoordinatorRequest, FindCoordinatorResponse> = {
  apiKey: ApiKey.FindCoordinator,
  minVersion: 0,
  maxVersion: 6,
  readRequest: readFindCoordinatorRequest,
  writeResponse: writeFindCoordinatorResponse,

  async handle(request, ctx) {
    const version = ctx.header.apiVersion;
    if (version >= BATCHED_KEYS_MIN_VERSION) {
      return {
        throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, nodeId: -1, host: '', port: -1,
        coordinators: request.coordinatorKeys.map((key) => coordinatorFor(ctx, key, request.keyType)),
      };
    }
    const c = coordinatorFor(ctx, request.key, version >= 1 ? request.keyType : KEY_TYPE_GROUP);
    return { throttleTimeMs: 0, errorCode: c.errorCode, errorMessage: c.errorMessage, nodeId: c.nodeId, host: c.host, port: c.port, coordinators: [] };
  },
};
