import { ApiKey } from '../protocol/generated/index.js';
import { clusterBrokers } from './cluster-brokers.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readDescribeClusterRequest, type DescribeClusterRequest } from '../protocol/generated/describe-cluster-request.js';
import { writeDescribeClusterResponse, type DescribeClusterResponse } from '../protocol/generated/describe-cluster-response.js';
import type { ApiHandler } from './handler.js';

/**
 * DescribeCluster (key 60), v0–1: this node is the only broker and the controller. Authorized
 * operations are reported as Kafka's "not provided" value (INT32_MIN): there are no ACLs yet.
 * v1 endpoint_type 1 (brokers) is served; 2 (controllers) gets UNSUPPORTED_ENDPOINT_TYPE, as a
 * Kafka broker answers it.
 */
export const AUTHORIZED_OPERATIONS_NOT_PROVIDED = -2147483648;
const ENDPOINT_TYPE_BROKERS = 1;

export const describeClusterHandler: ApiHandler<DescribeClusterRequest, DescribeClusterResponse> = {
  apiKey: ApiKey.DescribeCluster,
  minVersion: 0,
  maxVersion: 1,
  readRequest: readDescribeClusterRequest,
  writeResponse: writeDescribeClusterResponse,

  async handle(request, ctx) {
    const { broker } = ctx;
    const base = { throttleTimeMs: 0, endpointType: request.endpointType, clusterId: broker.clusterId, controllerId: broker.nodeId, clusterAuthorizedOperations: AUTHORIZED_OPERATIONS_NOT_PROVIDED };
    if (ctx.header.apiVersion >= 1 && request.endpointType !== ENDPOINT_TYPE_BROKERS) {
      return { ...base, errorCode: ErrorCode.UNSUPPORTED_ENDPOINT_TYPE, errorMessage: `endpoint type ${request.endpointType} is not served; ask for brokers (1)`, brokers: [] };
    }
    return {
      ...base,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      brokers: clusterBrokers(broker).map(({ nodeId, ...b }) => ({ brokerId: nodeId, ...b })),
    };
  },

  errorResponse(request, errorCode) {
    return { throttleTimeMs: 0, errorCode, errorMessage: null, endpointType: request.endpointType, clusterId: '', controllerId: -1, brokers: [], clusterAuthorizedOperations: AUTHORIZED_OPERATIONS_NOT_PROVIDED };
  },
};
