/**
 * The handshake that opens every internal connection (PeerHello, API key 30000). Both checks are
 * pure: the listener answers with `checkHello`'s verdict, the connecting side applies
 * `checkHelloResponse` to the answer. Either side logs the refusal; the connection is then closed.
 */
import { ErrorCode, errorName } from '../../protocol/generated/error-codes.js';
import type { PeerHelloRequest } from '../../protocol/generated/peer-hello-request.js';
import type { PeerHelloResponse } from '../../protocol/generated/peer-hello-response.js';

/** Version of the internal protocol as a whole (the set of Canopy APIs and what they mean). */
export const INTERNAL_PROTOCOL_VERSION = 0;

export interface LocalIdentity {
  readonly clusterId: string;
  readonly nodeId: number;
  /** Kafka node ids this node accepts connections from and sends to. */
  readonly peerNodeIds: ReadonlySet<number>;
}

export interface HelloVerdict {
  readonly errorCode: number;
  readonly errorMessage: string | null;
}

const ACCEPTED: HelloVerdict = { errorCode: ErrorCode.NONE, errorMessage: null };

/** What the listener answers to a hello. */
export function checkHello(self: LocalIdentity, hello: PeerHelloRequest): HelloVerdict {
  if (hello.protocolVersion !== INTERNAL_PROTOCOL_VERSION) {
    return { errorCode: ErrorCode.UNSUPPORTED_VERSION, errorMessage: `internal protocol version ${hello.protocolVersion} is not ${INTERNAL_PROTOCOL_VERSION}` };
  }
  if (hello.clusterId !== self.clusterId) {
    return { errorCode: ErrorCode.INCONSISTENT_CLUSTER_ID, errorMessage: `cluster id ${JSON.stringify(hello.clusterId)} is not this node's ${JSON.stringify(self.clusterId)}` };
  }
  if (hello.receiverNodeId !== self.nodeId) {
    return { errorCode: ErrorCode.INVALID_VOTER_KEY, errorMessage: `this is node ${self.nodeId}, not node ${hello.receiverNodeId}` };
  }
  if (!self.peerNodeIds.has(hello.senderNodeId)) {
    return { errorCode: ErrorCode.VOTER_NOT_FOUND, errorMessage: `node ${hello.senderNodeId} is not a peer of node ${self.nodeId}` };
  }
  return ACCEPTED;
}

export function helloRequest(self: LocalIdentity, receiverNodeId: number): PeerHelloRequest {
  return { clusterId: self.clusterId, senderNodeId: self.nodeId, receiverNodeId, protocolVersion: INTERNAL_PROTOCOL_VERSION };
}

export function helloResponse(self: LocalIdentity, verdict: HelloVerdict): PeerHelloResponse {
  return { ...verdict, clusterId: self.clusterId, nodeId: self.nodeId, protocolVersion: INTERNAL_PROTOCOL_VERSION };
}

/** Why the connecting side must not use this connection, or null when the peer accepted it and is who we expect. */
export function checkHelloResponse(self: LocalIdentity, expectedNodeId: number, response: PeerHelloResponse): string | null {
  if (response.errorCode !== ErrorCode.NONE) {
    return `refused with ${errorName(response.errorCode)}: ${response.errorMessage ?? 'no message'}`;
  }
  if (response.clusterId !== self.clusterId) return `answered for cluster ${JSON.stringify(response.clusterId)}, not ${JSON.stringify(self.clusterId)}`;
  if (response.nodeId !== expectedNodeId) return `answered as node ${response.nodeId}, not node ${expectedNodeId}`;
  return null;
}
