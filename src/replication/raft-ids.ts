/**
 * Where Kafka node ids and Raft ids meet. Kafka node ids start at 0 (kafkajs' test layout uses
 * 0, 1, 2); Raft ids are positive (0 is NONE in src/raft). Raft id = Kafka node id + 1, everywhere.
 */
import { NONE } from '../raft/messages.js';

export function raftIdOf(kafkaNodeId: number): number {
  return kafkaNodeId + 1;
}

/** The Kafka node id of a Raft id, or -1 (Kafka's "no leader") for NONE. */
export function kafkaNodeIdOf(raftId: number): number {
  return raftId === NONE ? -1 : raftId - 1;
}
