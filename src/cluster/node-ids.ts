/**
 * Kafka node ids start at 0 (kafkajs' test layout uses 0, 1, 2); Raft ids are positive because
 * the Raft core uses 0 for "none" (raft `NONE`). Wherever the two meet, raft id = Kafka id + 1.
 */

export function raftIdOf(nodeId: number): number {
  if (!Number.isInteger(nodeId) || nodeId < 0) throw new RangeError(`Kafka node id ${nodeId} must be an integer ≥ 0`);
  return nodeId + 1;
}

export function nodeIdOfRaftId(raftId: number): number {
  if (!Number.isInteger(raftId) || raftId < 1) throw new RangeError(`Raft id ${raftId} must be an integer ≥ 1`);
  return raftId - 1;
}
