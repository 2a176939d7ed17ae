// generated from protocol/kafka/*.json — do not edit (npm run generate)
// The API table: every API key with both a request and a response spec, and every codec.

import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { readAlterConfigsRequest, writeAlterConfigsRequest } from './alter-configs-request.js';
import { readAlterConfigsResponse, writeAlterConfigsResponse } from './alter-configs-response.js';
import { readApiVersionsRequest, writeApiVersionsRequest } from './api-versions-request.js';
import { readApiVersionsResponse, writeApiVersionsResponse } from './api-versions-response.js';
import { readConsumerProtocolAssignment, writeConsumerProtocolAssignment } from './consumer-protocol-assignment.js';
import { readConsumerProtocolSubscription, writeConsumerProtocolSubscription } from './consumer-protocol-subscription.js';
import { readCreatePartitionsRequest, writeCreatePartitionsRequest } from './create-partitions-request.js';
import { readCreatePartitionsResponse, writeCreatePartitionsResponse } from './create-partitions-response.js';
import { readCreateTopicsRequest, writeCreateTopicsRequest } from './create-topics-request.js';
import { readCreateTopicsResponse, writeCreateTopicsResponse } from './create-topics-response.js';
import { readDeleteGroupsRequest, writeDeleteGroupsRequest } from './delete-groups-request.js';
import { readDeleteGroupsResponse, writeDeleteGroupsResponse } from './delete-groups-response.js';
import { readDeleteRecordsRequest, writeDeleteRecordsRequest } from './delete-records-request.js';
import { readDeleteRecordsResponse, writeDeleteRecordsResponse } from './delete-records-response.js';
import { readDeleteTopicsRequest, writeDeleteTopicsRequest } from './delete-topics-request.js';
import { readDeleteTopicsResponse, writeDeleteTopicsResponse } from './delete-topics-response.js';
import { readDescribeClusterRequest, writeDescribeClusterRequest } from './describe-cluster-request.js';
import { readDescribeClusterResponse, writeDescribeClusterResponse } from './describe-cluster-response.js';
import { readDescribeConfigsRequest, writeDescribeConfigsRequest } from './describe-configs-request.js';
import { readDescribeConfigsResponse, writeDescribeConfigsResponse } from './describe-configs-response.js';
import { readDescribeGroupsRequest, writeDescribeGroupsRequest } from './describe-groups-request.js';
import { readDescribeGroupsResponse, writeDescribeGroupsResponse } from './describe-groups-response.js';
import { readFetchRequest, writeFetchRequest } from './fetch-request.js';
import { readFetchResponse, writeFetchResponse } from './fetch-response.js';
import { readFindCoordinatorRequest, writeFindCoordinatorRequest } from './find-coordinator-request.js';
import { readFindCoordinatorResponse, writeFindCoordinatorResponse } from './find-coordinator-response.js';
import { readGroupMetadataKey, writeGroupMetadataKey } from './group-metadata-key.js';
import { readGroupMetadataValue, writeGroupMetadataValue } from './group-metadata-value.js';
import { readHeartbeatRequest, writeHeartbeatRequest } from './heartbeat-request.js';
import { readHeartbeatResponse, writeHeartbeatResponse } from './heartbeat-response.js';
import { readIncrementalAlterConfigsRequest, writeIncrementalAlterConfigsRequest } from './incremental-alter-configs-request.js';
import { readIncrementalAlterConfigsResponse, writeIncrementalAlterConfigsResponse } from './incremental-alter-configs-response.js';
import { readInitProducerIdRequest, writeInitProducerIdRequest } from './init-producer-id-request.js';
import { readInitProducerIdResponse, writeInitProducerIdResponse } from './init-producer-id-response.js';
import { readJoinGroupRequest, writeJoinGroupRequest } from './join-group-request.js';
import { readJoinGroupResponse, writeJoinGroupResponse } from './join-group-response.js';
import { readLeaveGroupRequest, writeLeaveGroupRequest } from './leave-group-request.js';
import { readLeaveGroupResponse, writeLeaveGroupResponse } from './leave-group-response.js';
import { readListGroupsRequest, writeListGroupsRequest } from './list-groups-request.js';
import { readListGroupsResponse, writeListGroupsResponse } from './list-groups-response.js';
import { readListOffsetsRequest, writeListOffsetsRequest } from './list-offsets-request.js';
import { readListOffsetsResponse, writeListOffsetsResponse } from './list-offsets-response.js';
import { readMetadataRequest, writeMetadataRequest } from './metadata-request.js';
import { readMetadataResponse, writeMetadataResponse } from './metadata-response.js';
import { readOffsetCommitKey, writeOffsetCommitKey } from './offset-commit-key.js';
import { readOffsetCommitRequest, writeOffsetCommitRequest } from './offset-commit-request.js';
import { readOffsetCommitResponse, writeOffsetCommitResponse } from './offset-commit-response.js';
import { readOffsetCommitValue, writeOffsetCommitValue } from './offset-commit-value.js';
import { readOffsetDeleteRequest, writeOffsetDeleteRequest } from './offset-delete-request.js';
import { readOffsetDeleteResponse, writeOffsetDeleteResponse } from './offset-delete-response.js';
import { readOffsetFetchRequest, writeOffsetFetchRequest } from './offset-fetch-request.js';
import { readOffsetFetchResponse, writeOffsetFetchResponse } from './offset-fetch-response.js';
import { readOffsetForLeaderEpochRequest, writeOffsetForLeaderEpochRequest } from './offset-for-leader-epoch-request.js';
import { readOffsetForLeaderEpochResponse, writeOffsetForLeaderEpochResponse } from './offset-for-leader-epoch-response.js';
import { readProduceRequest, writeProduceRequest } from './produce-request.js';
import { readProduceResponse, writeProduceResponse } from './produce-response.js';
import { readRequestHeader, writeRequestHeader } from './request-header.js';
import { readResponseHeader, writeResponseHeader } from './response-header.js';
import { readSaslAuthenticateRequest, writeSaslAuthenticateRequest } from './sasl-authenticate-request.js';
import { readSaslAuthenticateResponse, writeSaslAuthenticateResponse } from './sasl-authenticate-response.js';
import { readSaslHandshakeRequest, writeSaslHandshakeRequest } from './sasl-handshake-request.js';
import { readSaslHandshakeResponse, writeSaslHandshakeResponse } from './sasl-handshake-response.js';
import { readSyncGroupRequest, writeSyncGroupRequest } from './sync-group-request.js';
import { readSyncGroupResponse, writeSyncGroupResponse } from './sync-group-response.js';

export { ZERO_UUID } from '../primitives/uuid.js';

/** One Kafka API: its versions and the codecs of its request and response bodies. */
export interface ApiSpec {
  name: string;
  apiKey: number;
  minVersion: number;
  maxVersion: number;
  /** First flexible version; Infinity when the API has none. */
  flexibleMinVersion: number;
  readRequest(r: Reader, v: number): unknown;
  writeRequest(w: Writer, v: number, m: any): void;
  readResponse(r: Reader, v: number): unknown;
  writeResponse(w: Writer, v: number, m: any): void;
}

/** Any generated codec (requests, responses, headers, data), for tests and tools. */
export interface MessageCodec {
  name: string;
  kind: 'request' | 'response' | 'header' | 'data';
  apiKey: number | undefined;
  minVersion: number;
  maxVersion: number;
  flexibleMinVersion: number;
  read(r: Reader, v: number): unknown;
  write(w: Writer, v: number, m: any): void;
}

export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  OffsetForLeaderEpoch: 23,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  DeleteGroups: 42,
  IncrementalAlterConfigs: 44,
  OffsetDelete: 47,
  DescribeCluster: 60,
} as const;

export type ApiKeyValue = (typeof ApiKey)[keyof typeof ApiKey];

export const apiSpecs: ReadonlyMap<number, ApiSpec> = new Map<number, ApiSpec>([
  [0, {
    name: 'Produce', apiKey: 0, minVersion: 0, maxVersion: 11, flexibleMinVersion: 9,
    readRequest: readProduceRequest, writeRequest: writeProduceRequest,
    readResponse: readProduceResponse, writeResponse: writeProduceResponse,
  }],
  [1, {
    name: 'Fetch', apiKey: 1, minVersion: 0, maxVersion: 17, flexibleMinVersion: 12,
    readRequest: readFetchRequest, writeRequest: writeFetchRequest,
    readResponse: readFetchResponse, writeResponse: writeFetchResponse,
  }],
  [2, {
    name: 'ListOffsets', apiKey: 2, minVersion: 0, maxVersion: 9, flexibleMinVersion: 6,
    readRequest: readListOffsetsRequest, writeRequest: writeListOffsetsRequest,
    readResponse: readListOffsetsResponse, writeResponse: writeListOffsetsResponse,
  }],
  [3, {
    name: 'Metadata', apiKey: 3, minVersion: 0, maxVersion: 12, flexibleMinVersion: 9,
    readRequest: readMetadataRequest, writeRequest: writeMetadataRequest,
    readResponse: readMetadataResponse, writeResponse: writeMetadataResponse,
  }],
  [8, {
    name: 'OffsetCommit', apiKey: 8, minVersion: 0, maxVersion: 9, flexibleMinVersion: 8,
    readRequest: readOffsetCommitRequest, writeRequest: writeOffsetCommitRequest,
    readResponse: readOffsetCommitResponse, writeResponse: writeOffsetCommitResponse,
  }],
  [9, {
    name: 'OffsetFetch', apiKey: 9, minVersion: 0, maxVersion: 9, flexibleMinVersion: 6,
    readRequest: readOffsetFetchRequest, writeRequest: writeOffsetFetchRequest,
    readResponse: readOffsetFetchResponse, writeResponse: writeOffsetFetchResponse,
  }],
  [10, {
    name: 'FindCoordinator', apiKey: 10, minVersion: 0, maxVersion: 6, flexibleMinVersion: 3,
    readRequest: readFindCoordinatorRequest, writeRequest: writeFindCoordinatorRequest,
    readResponse: readFindCoordinatorResponse, writeResponse: writeFindCoordinatorResponse,
  }],
  [11, {
    name: 'JoinGroup', apiKey: 11, minVersion: 0, maxVersion: 9, flexibleMinVersion: 6,
    readRequest: readJoinGroupRequest, writeRequest: writeJoinGroupRequest,
    readResponse: readJoinGroupResponse, writeResponse: writeJoinGroupResponse,
  }],
  [12, {
    name: 'Heartbeat', apiKey: 12, minVersion: 0, maxVersion: 4, flexibleMinVersion: 4,
    readRequest: readHeartbeatRequest, writeRequest: writeHeartbeatRequest,
    readResponse: readHeartbeatResponse, writeResponse: writeHeartbeatResponse,
  }],
  [13, {
    name: 'LeaveGroup', apiKey: 13, minVersion: 0, maxVersion: 5, flexibleMinVersion: 4,
    readRequest: readLeaveGroupRequest, writeRequest: writeLeaveGroupRequest,
    readResponse: readLeaveGroupResponse, writeResponse: writeLeaveGroupResponse,
  }],
  [14, {
    name: 'SyncGroup', apiKey: 14, minVersion: 0, maxVersion: 5, flexibleMinVersion: 4,
    readRequest: readSyncGroupRequest, writeRequest: writeSyncGroupRequest,
    readResponse: readSyncGroupResponse, writeResponse: writeSyncGroupResponse,
  }],
  [15, {
    name: 'DescribeGroups', apiKey: 15, minVersion: 0, maxVersion: 5, flexibleMinVersion: 5,
    readRequest: readDescribeGroupsRequest, writeRequest: writeDescribeGroupsRequest,
    readResponse: readDescribeGroupsResponse, writeResponse: writeDescribeGroupsResponse,
  }],
  [16, {
    name: 'ListGroups', apiKey: 16, minVersion: 0, maxVersion: 5, flexibleMinVersion: 3,
    readRequest: readListGroupsRequest, writeRequest: writeListGroupsRequest,
    readResponse: readListGroupsResponse, writeResponse: writeListGroupsResponse,
  }],
  [17, {
    name: 'SaslHandshake', apiKey: 17, minVersion: 0, maxVersion: 1, flexibleMinVersion: Infinity,
    readRequest: readSaslHandshakeRequest, writeRequest: writeSaslHandshakeRequest,
    readResponse: readSaslHandshakeResponse, writeResponse: writeSaslHandshakeResponse,
  }],
  [18, {
    name: 'ApiVersions', apiKey: 18, minVersion: 0, maxVersion: 4, flexibleMinVersion: 3,
    readRequest: readApiVersionsRequest, writeRequest: writeApiVersionsRequest,
    readResponse: readApiVersionsResponse, writeResponse: writeApiVersionsResponse,
  }],
  [19, {
    name: 'CreateTopics', apiKey: 19, minVersion: 0, maxVersion: 7, flexibleMinVersion: 5,
    readRequest: readCreateTopicsRequest, writeRequest: writeCreateTopicsRequest,
    readResponse: readCreateTopicsResponse, writeResponse: writeCreateTopicsResponse,
  }],
  [20, {
    name: 'DeleteTopics', apiKey: 20, minVersion: 0, maxVersion: 6, flexibleMinVersion: 4,
    readRequest: readDeleteTopicsRequest, writeRequest: writeDeleteTopicsRequest,
    readResponse: readDeleteTopicsResponse, writeResponse: writeDeleteTopicsResponse,
  }],
  [21, {
    name: 'DeleteRecords', apiKey: 21, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2,
    readRequest: readDeleteRecordsRequest, writeRequest: writeDeleteRecordsRequest,
    readResponse: readDeleteRecordsResponse, writeResponse: writeDeleteRecordsResponse,
  }],
  [22, {
    name: 'InitProducerId', apiKey: 22, minVersion: 0, maxVersion: 5, flexibleMinVersion: 2,
    readRequest: readInitProducerIdRequest, writeRequest: writeInitProducerIdRequest,
    readResponse: readInitProducerIdResponse, writeResponse: writeInitProducerIdResponse,
  }],
  [23, {
    name: 'OffsetForLeaderEpoch', apiKey: 23, minVersion: 0, maxVersion: 4, flexibleMinVersion: 4,
    readRequest: readOffsetForLeaderEpochRequest, writeRequest: writeOffsetForLeaderEpochRequest,
    readResponse: readOffsetForLeaderEpochResponse, writeResponse: writeOffsetForLeaderEpochResponse,
  }],
  [32, {
    name: 'DescribeConfigs', apiKey: 32, minVersion: 0, maxVersion: 4, flexibleMinVersion: 4,
    readRequest: readDescribeConfigsRequest, writeRequest: writeDescribeConfigsRequest,
    readResponse: readDescribeConfigsResponse, writeResponse: writeDescribeConfigsResponse,
  }],
  [33, {
    name: 'AlterConfigs', apiKey: 33, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2,
    readRequest: readAlterConfigsRequest, writeRequest: writeAlterConfigsRequest,
    readResponse: readAlterConfigsResponse, writeResponse: writeAlterConfigsResponse,
  }],
  [36, {
    name: 'SaslAuthenticate', apiKey: 36, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2,
    readRequest: readSaslAuthenticateRequest, writeRequest: writeSaslAuthenticateRequest,
    readResponse: readSaslAuthenticateResponse, writeResponse: writeSaslAuthenticateResponse,
  }],
  [37, {
    name: 'CreatePartitions', apiKey: 37, minVersion: 0, maxVersion: 3, flexibleMinVersion: 2,
    readRequest: readCreatePartitionsRequest, writeRequest: writeCreatePartitionsRequest,
    readResponse: readCreatePartitionsResponse, writeResponse: writeCreatePartitionsResponse,
  }],
  [42, {
    name: 'DeleteGroups', apiKey: 42, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2,
    readRequest: readDeleteGroupsRequest, writeRequest: writeDeleteGroupsRequest,
    readResponse: readDeleteGroupsResponse, writeResponse: writeDeleteGroupsResponse,
  }],
  [44, {
    name: 'IncrementalAlterConfigs', apiKey: 44, minVersion: 0, maxVersion: 1, flexibleMinVersion: 1,
    readRequest: readIncrementalAlterConfigsRequest, writeRequest: writeIncrementalAlterConfigsRequest,
    readResponse: readIncrementalAlterConfigsResponse, writeResponse: writeIncrementalAlterConfigsResponse,
  }],
  [47, {
    name: 'OffsetDelete', apiKey: 47, minVersion: 0, maxVersion: 0, flexibleMinVersion: Infinity,
    readRequest: readOffsetDeleteRequest, writeRequest: writeOffsetDeleteRequest,
    readResponse: readOffsetDeleteResponse, writeResponse: writeOffsetDeleteResponse,
  }],
  [60, {
    name: 'DescribeCluster', apiKey: 60, minVersion: 0, maxVersion: 1, flexibleMinVersion: 0,
    readRequest: readDescribeClusterRequest, writeRequest: writeDescribeClusterRequest,
    readResponse: readDescribeClusterResponse, writeResponse: writeDescribeClusterResponse,
  }],
]);

export const messageCodecs: readonly MessageCodec[] = [
  { name: 'AlterConfigsRequest', kind: 'request', apiKey: 33, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2, read: readAlterConfigsRequest, write: writeAlterConfigsRequest },
  { name: 'AlterConfigsResponse', kind: 'response', apiKey: 33, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2, read: readAlterConfigsResponse, write: writeAlterConfigsResponse },
  { name: 'ApiVersionsRequest', kind: 'request', apiKey: 18, minVersion: 0, maxVersion: 4, flexibleMinVersion: 3, read: readApiVersionsRequest, write: writeApiVersionsRequest },
  { name: 'ApiVersionsResponse', kind: 'response', apiKey: 18, minVersion: 0, maxVersion: 4, flexibleMinVersion: 3, read: readApiVersionsResponse, write: writeApiVersionsResponse },
  { name: 'ConsumerProtocolAssignment', kind: 'data', apiKey: undefined, minVersion: 0, maxVersion: 3, flexibleMinVersion: Infinity, read: readConsumerProtocolAssignment, write: writeConsumerProtocolAssignment },
  { name: 'ConsumerProtocolSubscription', kind: 'data', apiKey: undefined, minVersion: 0, maxVersion: 3, flexibleMinVersion: Infinity, read: readConsumerProtocolSubscription, write: writeConsumerProtocolSubscription },
  { name: 'CreatePartitionsRequest', kind: 'request', apiKey: 37, minVersion: 0, maxVersion: 3, flexibleMinVersion: 2, read: readCreatePartitionsRequest, write: writeCreatePartitionsRequest },
  { name: 'CreatePartitionsResponse', kind: 'response', apiKey: 37, minVersion: 0, maxVersion: 3, flexibleMinVersion: 2, read: readCreatePartitionsResponse, write: writeCreatePartitionsResponse },
  { name: 'CreateTopicsRequest', kind: 'request', apiKey: 19, minVersion: 0, maxVersion: 7, flexibleMinVersion: 5, read: readCreateTopicsRequest, write: writeCreateTopicsRequest },
  { name: 'CreateTopicsResponse', kind: 'response', apiKey: 19, minVersion: 0, maxVersion: 7, flexibleMinVersion: 5, read: readCreateTopicsResponse, write: writeCreateTopicsResponse },
  { name: 'DeleteGroupsRequest', kind: 'request', apiKey: 42, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2, read: readDeleteGroupsRequest, write: writeDeleteGroupsRequest },
  { name: 'DeleteGroupsResponse', kind: 'response', apiKey: 42, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2, read: readDeleteGroupsResponse, write: writeDeleteGroupsResponse },
  { name: 'DeleteRecordsRequest', kind: 'request', apiKey: 21, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2, read: readDeleteRecordsRequest, write: writeDeleteRecordsRequest },
  { name: 'DeleteRecordsResponse', kind: 'response', apiKey: 21, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2, read: readDeleteRecordsResponse, write: writeDeleteRecordsResponse },
  { name: 'DeleteTopicsRequest', kind: 'request', apiKey: 20, minVersion: 0, maxVersion: 6, flexibleMinVersion: 4, read: readDeleteTopicsRequest, write: writeDeleteTopicsRequest },
  { name: 'DeleteTopicsResponse', kind: 'response', apiKey: 20, minVersion: 0, maxVersion: 6, flexibleMinVersion: 4, read: readDeleteTopicsResponse, write: writeDeleteTopicsResponse },
  { name: 'DescribeClusterRequest', kind: 'request', apiKey: 60, minVersion: 0, maxVersion: 1, flexibleMinVersion: 0, read: readDescribeClusterRequest, write: writeDescribeClusterRequest },
  { name: 'DescribeClusterResponse', kind: 'response', apiKey: 60, minVersion: 0, maxVersion: 1, flexibleMinVersion: 0, read: readDescribeClusterResponse, write: writeDescribeClusterResponse },
  { name: 'DescribeConfigsRequest', kind: 'request', apiKey: 32, minVersion: 0, maxVersion: 4, flexibleMinVersion: 4, read: readDescribeConfigsRequest, write: writeDescribeConfigsRequest },
  { name: 'DescribeConfigsResponse', kind: 'response', apiKey: 32, minVersion: 0, maxVersion: 4, flexibleMinVersion: 4, read: readDescribeConfigsResponse, write: writeDescribeConfigsResponse },
  { name: 'DescribeGroupsRequest', kind: 'request', apiKey: 15, minVersion: 0, maxVersion: 5, flexibleMinVersion: 5, read: readDescribeGroupsRequest, write: writeDescribeGroupsRequest },
  { name: 'DescribeGroupsResponse', kind: 'response', apiKey: 15, minVersion: 0, maxVersion: 5, flexibleMinVersion: 5, read: readDescribeGroupsResponse, write: writeDescribeGroupsResponse },
  { name: 'FetchRequest', kind: 'request', apiKey: 1, minVersion: 0, maxVersion: 17, flexibleMinVersion: 12, read: readFetchRequest, write: writeFetchRequest },
  { name: 'FetchResponse', kind: 'response', apiKey: 1, minVersion: 0, maxVersion: 17, flexibleMinVersion: 12, read: readFetchResponse, write: writeFetchResponse },
  { name: 'FindCoordinatorRequest', kind: 'request', apiKey: 10, minVersion: 0, maxVersion: 6, flexibleMinVersion: 3, read: readFindCoordinatorRequest, write: writeFindCoordinatorRequest },
  { name: 'FindCoordinatorResponse', kind: 'response', apiKey: 10, minVersion: 0, maxVersion: 6, flexibleMinVersion: 3, read: readFindCoordinatorResponse, write: writeFindCoordinatorResponse },
  { name: 'GroupMetadataKey', kind: 'data', apiKey: undefined, minVersion: 2, maxVersion: 2, flexibleMinVersion: Infinity, read: readGroupMetadataKey, write: writeGroupMetadataKey },
  { name: 'GroupMetadataValue', kind: 'data', apiKey: undefined, minVersion: 0, maxVersion: 3, flexibleMinVersion: Infinity, read: readGroupMetadataValue, write: writeGroupMetadataValue },
  { name: 'HeartbeatRequest', kind: 'request', apiKey: 12, minVersion: 0, maxVersion: 4, flexibleMinVersion: 4, read: readHeartbeatRequest, write: writeHeartbeatRequest },
  { name: 'HeartbeatResponse', kind: 'response', apiKey: 12, minVersion: 0, maxVersion: 4, flexibleMinVersion: 4, read: readHeartbeatResponse, write: writeHeartbeatResponse },
  { name: 'IncrementalAlterConfigsRequest', kind: 'request', apiKey: 44, minVersion: 0, maxVersion: 1, flexibleMinVersion: 1, read: readIncrementalAlterConfigsRequest, write: writeIncrementalAlterConfigsRequest },
  { name: 'IncrementalAlterConfigsResponse', kind: 'response', apiKey: 44, minVersion: 0, maxVersion: 1, flexibleMinVersion: 1, read: readIncrementalAlterConfigsResponse, write: writeIncrementalAlterConfigsResponse },
  { name: 'InitProducerIdRequest', kind: 'request', apiKey: 22, minVersion: 0, maxVersion: 5, flexibleMinVersion: 2, read: readInitProducerIdRequest, write: writeInitProducerIdRequest },
  { name: 'InitProducerIdResponse', kind: 'response', apiKey: 22, minVersion: 0, maxVersion: 5, flexibleMinVersion: 2, read: readInitProducerIdResponse, write: writeInitProducerIdResponse },
  { name: 'JoinGroupRequest', kind: 'request', apiKey: 11, minVersion: 0, maxVersion: 9, flexibleMinVersion: 6, read: readJoinGroupRequest, write: writeJoinGroupRequest },
  { name: 'JoinGroupResponse', kind: 'response', apiKey: 11, minVersion: 0, maxVersion: 9, flexibleMinVersion: 6, read: readJoinGroupResponse, write: writeJoinGroupResponse },
  { name: 'LeaveGroupRequest', kind: 'request', apiKey: 13, minVersion: 0, maxVersion: 5, flexibleMinVersion: 4, read: readLeaveGroupRequest, write: writeLeaveGroupRequest },
  { name: 'LeaveGroupResponse', kind: 'response', apiKey: 13, minVersion: 0, maxVersion: 5, flexibleMinVersion: 4, read: readLeaveGroupResponse, write: writeLeaveGroupResponse },
  { name: 'ListGroupsRequest', kind: 'request', apiKey: 16, minVersion: 0, maxVersion: 5, flexibleMinVersion: 3, read: readListGroupsRequest, write: writeListGroupsRequest },
  { name: 'ListGroupsResponse', kind: 'response', apiKey: 16, minVersion: 0, maxVersion: 5, flexibleMinVersion: 3, read: readListGroupsResponse, write: writeListGroupsResponse },
  { name: 'ListOffsetsRequest', kind: 'request', apiKey: 2, minVersion: 0, maxVersion: 9, flexibleMinVersion: 6, read: readListOffsetsRequest, write: writeListOffsetsRequest },
  { name: 'ListOffsetsResponse', kind: 'response', apiKey: 2, minVersion: 0, maxVersion: 9, flexibleMinVersion: 6, read: readListOffsetsResponse, write: writeListOffsetsResponse },
  { name: 'MetadataRequest', kind: 'request', apiKey: 3, minVersion: 0, maxVersion: 12, flexibleMinVersion: 9, read: readMetadataRequest, write: writeMetadataRequest },
  { name: 'MetadataResponse', kind: 'response', apiKey: 3, minVersion: 0, maxVersion: 12, flexibleMinVersion: 9, read: readMetadataResponse, write: writeMetadataResponse },
  { name: 'OffsetCommitKey', kind: 'data', apiKey: undefined, minVersion: 0, maxVersion: 1, flexibleMinVersion: Infinity, read: readOffsetCommitKey, write: writeOffsetCommitKey },
  { name: 'OffsetCommitRequest', kind: 'request', apiKey: 8, minVersion: 0, maxVersion: 9, flexibleMinVersion: 8, read: readOffsetCommitRequest, write: writeOffsetCommitRequest },
  { name: 'OffsetCommitResponse', kind: 'response', apiKey: 8, minVersion: 0, maxVersion: 9, flexibleMinVersion: 8, read: readOffsetCommitResponse, write: writeOffsetCommitResponse },
  { name: 'OffsetCommitValue', kind: 'data', apiKey: undefined, minVersion: 0, maxVersion: 3, flexibleMinVersion: Infinity, read: readOffsetCommitValue, write: writeOffsetCommitValue },
  { name: 'OffsetDeleteRequest', kind: 'request', apiKey: 47, minVersion: 0, maxVersion: 0, flexibleMinVersion: Infinity, read: readOffsetDeleteRequest, write: writeOffsetDeleteRequest },
  { name: 'OffsetDeleteResponse', kind: 'response', apiKey: 47, minVersion: 0, maxVersion: 0, flexibleMinVersion: Infinity, read: readOffsetDeleteResponse, write: writeOffsetDeleteResponse },
  { name: 'OffsetFetchRequest', kind: 'request', apiKey: 9, minVersion: 0, maxVersion: 9, flexibleMinVersion: 6, read: readOffsetFetchRequest, write: writeOffsetFetchRequest },
  { name: 'OffsetFetchResponse', kind: 'response', apiKey: 9, minVersion: 0, maxVersion: 9, flexibleMinVersion: 6, read: readOffsetFetchResponse, write: writeOffsetFetchResponse },
  { name: 'OffsetForLeaderEpochRequest', kind: 'request', apiKey: 23, minVersion: 0, maxVersion: 4, flexibleMinVersion: 4, read: readOffsetForLeaderEpochRequest, write: writeOffsetForLeaderEpochRequest },
  { name: 'OffsetForLeaderEpochResponse', kind: 'response', apiKey: 23, minVersion: 0, maxVersion: 4, flexibleMinVersion: 4, read: readOffsetForLeaderEpochResponse, write: writeOffsetForLeaderEpochResponse },
  { name: 'ProduceRequest', kind: 'request', apiKey: 0, minVersion: 0, maxVersion: 11, flexibleMinVersion: 9, read: readProduceRequest, write: writeProduceRequest },
  { name: 'ProduceResponse', kind: 'response', apiKey: 0, minVersion: 0, maxVersion: 11, flexibleMinVersion: 9, read: readProduceResponse, write: writeProduceResponse },
  { name: 'RequestHeader', kind: 'header', apiKey: undefined, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2, read: readRequestHeader, write: writeRequestHeader },
  { name: 'ResponseHeader', kind: 'header', apiKey: undefined, minVersion: 0, maxVersion: 1, flexibleMinVersion: 1, read: readResponseHeader, write: writeResponseHeader },
  { name: 'SaslAuthenticateRequest', kind: 'request', apiKey: 36, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2, read: readSaslAuthenticateRequest, write: writeSaslAuthenticateRequest },
  { name: 'SaslAuthenticateResponse', kind: 'response', apiKey: 36, minVersion: 0, maxVersion: 2, flexibleMinVersion: 2, read: readSaslAuthenticateResponse, write: writeSaslAuthenticateResponse },
  { name: 'SaslHandshakeRequest', kind: 'request', apiKey: 17, minVersion: 0, maxVersion: 1, flexibleMinVersion: Infinity, read: readSaslHandshakeRequest, write: writeSaslHandshakeRequest },
  { name: 'SaslHandshakeResponse', kind: 'response', apiKey: 17, minVersion: 0, maxVersion: 1, flexibleMinVersion: Infinity, read: readSaslHandshakeResponse, write: writeSaslHandshakeResponse },
  { name: 'SyncGroupRequest', kind: 'request', apiKey: 14, minVersion: 0, maxVersion: 5, flexibleMinVersion: 4, read: readSyncGroupRequest, write: writeSyncGroupRequest },
  { name: 'SyncGroupResponse', kind: 'response', apiKey: 14, minVersion: 0, maxVersion: 5, flexibleMinVersion: 4, read: readSyncGroupResponse, write: writeSyncGroupResponse },
];
