/**
 * The one place where Kafka node ids and Raft ids meet. Kafka node ids start at 0 (kafkajs' test
 * layout uses 0, 1, 2); Raft ids are positive (0 is NONE in src/raft). Raft id = Kafka node id + 1,
 * everywhere: configuration, metadata, the transport's peer addressing and metric labels use Kafka
 * ids; Raft messages (their `from` and `to`, on the wire too) use Raft ids.
 */
import { NONE, type NodeId } from '../raft/messages.js';

export function raftIdOf(kafkaNodeId: number): NodeId {
  if (!Number.isInteger(kafkaNodeId) || kafkaNodeId < 0) throw new RangeError(`Kafka node id ${kafkaNodeId} must be an integer >= 0`);
  return kafkaNodeId + 1;
}

/** The Kafka node id of a Raft id, or -1 (Kafka's "no leader") for NONE. */
export function kafkaNodeIdOf(raftId: NodeId): number {
  if (!Number.isInteger(raftId) || raftId < 0) throw new RangeError(`Raft id ${raftId} must be an integer >= 0`);
  return raftId === NONE ? -1 : raftId - 1;
}
