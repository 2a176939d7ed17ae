/**
 * A Raft group on the wire: one topic partition. The cluster metadata group is
 * `__cluster_metadata` partition 0 (as in KRaft).
 */
export interface RaftGroup {
  readonly topic: string;
  readonly partition: number;
}

export const METADATA_GROUP: RaftGroup = { topic: '__cluster_metadata', partition: 0 };

export function describeGroup(group: RaftGroup): string {
  return `${group.topic}-${group.partition}`;
}
