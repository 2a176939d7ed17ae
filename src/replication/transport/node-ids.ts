/**
 * The one place where Kafka node ids meet Raft ids. Kafka node ids start at 0 (kafkajs' test
 * layout uses 0, 1, 2) while the Raft core keeps 0 for "no node" (`NONE`), so a node's Raft id is
 * its Kafka node id + 1. The transport addresses peers by Kafka node id (configuration, handshake,
 * metric labels) and Raft messages by Raft id (their `from` and `to`, on the wire too).
 */
import type { NodeId } from '../../raft/messages.js';

export function raftIdOf(kafkaNodeId: number): NodeId {
  return kafkaNodeId + 1;
}

export function kafkaNodeIdOf(raftId: NodeId): number {
  return raftId - 1;
}
