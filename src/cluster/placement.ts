/**
 * Where a new topic's (or CreatePartitions') replicas go. Pure and deterministic: the same nodes,
 * existing placements and start index give the same answer on every node.
 *
 * Rules for each new partition p (rotation order starts at node (startIndex + p) of the nodes by id):
 *   leader (first replica = preferred leader): the node leading fewest partitions, then holding
 *     fewest replicas, then the first in rotation order;
 *   each follower: a node not yet in the partition, on a rack the partition does not use yet when
 *     one is left, then holding fewest replicas, then leading MOST partitions (so the nodes that
 *     lead little stay light and can lead the next partitions), then rotation order.
 * Without racks this keeps leader and replica counts within one of even (property-tested); with
 * racks, rack diversity comes first and replica counts can end up two apart (6 of 3,000 random
 * clusters with equal-size racks).
 * Counts include the existing placements, so leaders and replicas stay spread over the cluster
 * as a whole, not only within one topic. The rotation start is
 * Kafka's idea: a random start index (seedable here) so that topics do not all begin on node 0.
 * A node without a rack counts as a rack of its own.
 */
import { refuse, type MetadataResult } from './metadata-error.js';

export interface PlacementNode {
  /** Kafka node id. */
  readonly id: number;
  readonly rack: string | null;
}

export interface PlacementRequest {
  /** The live (registered, unfenced) nodes. */
  readonly nodes: readonly PlacementNode[];
  /** Replicas of the partitions that exist already, to count each node's load. */
  readonly existing: ReadonlyArray<readonly number[]>;
  readonly partitionCount: number;
  /** Default min(3, nodes). */
  readonly replicationFactor?: number | undefined;
  /** Where the rotation starts (Kafka picks it at random); any integer, taken modulo the nodes. */
  readonly startIndex: number;
}

export interface Placement {
  readonly replicationFactor: number;
  /** One replica list per new partition, preferred leader first. */
  readonly assignments: ReadonlyArray<readonly number[]>;
}

export const REPLICATION_FACTOR_DEFAULT_MAX = 3;

export function defaultReplicationFactor(liveNodeCount: number): number {
  return Math.min(REPLICATION_FACTOR_DEFAULT_MAX, liveNodeCount);
}

export function placePartitions(req: PlacementRequest): MetadataResult<Placement> {
  const nodes = [...req.nodes].sort((a, b) => a.id - b.id);
  const n = nodes.length;
  const rf = req.replicationFactor ?? defaultReplicationFactor(n);
  if (!Number.isInteger(req.partitionCount) || req.partitionCount < 1) return refuse('INVALID_PARTITIONS', `partition count ${req.partitionCount} must be at least 1`);
  if (n === 0) return refuse('INVALID_REPLICATION_FACTOR', 'no live node to place replicas on');
  if (!Number.isInteger(rf) || rf < 1) return refuse('INVALID_REPLICATION_FACTOR', `replication factor ${rf} must be at least 1`);
  if (rf > n) return refuse('INVALID_REPLICATION_FACTOR', `replication factor ${rf} is larger than the ${n} live node${n === 1 ? '' : 's'} [${nodes.map((x) => x.id).join(',')}]`);
  const load = NodeLoad.of(nodes, req.existing);
  const start = ((req.startIndex % n) + n) % n;
  const assignments: number[][] = [];
  for (let p = 0; p < req.partitionCount; p++) {
    const rotation = (i: number): number => (((i - start - p) % n) + n) % n;
    let leader = 0;
    for (let i = 1; i < n; i++) {
      if (compare(load.leaders[i]! - load.leaders[leader]!, load.replicas[i]! - load.replicas[leader]!, rotation(i) - rotation(leader)) < 0) leader = i;
    }
    const chosen = [leader];
    while (chosen.length < rf) chosen.push(load.bestFollower(chosen, rotation));
    load.add(chosen);
    assignments.push(chosen.map((i) => nodes[i]!.id));
  }
  return { ok: true, value: { replicationFactor: rf, assignments } };
}

/** Lexicographic comparison of differences: the first non-zero one decides. */
function compare(...diffs: number[]): number {
  for (const d of diffs) if (d !== 0) return d;
  return 0;
}

/** Per-node leader and replica counts over a sorted node list (indexes into it). */
export class NodeLoad {
  readonly leaders: number[];
  readonly replicas: number[];
  readonly #nodes: readonly PlacementNode[];
  readonly #indexOf: Map<number, number>;

  private constructor(nodes: readonly PlacementNode[]) {
    this.#nodes = nodes;
    this.leaders = nodes.map(() => 0);
    this.replicas = nodes.map(() => 0);
    this.#indexOf = new Map(nodes.map((x, i) => [x.id, i]));
  }

  /** Loads of `nodes` (sorted by id) from existing replica lists; ids of other nodes are ignored. */
  static of(nodes: readonly PlacementNode[], existing: ReadonlyArray<readonly number[]>): NodeLoad {
    const load = new NodeLoad(nodes);
    for (const replicas of existing) load.add(replicas.map((id) => load.indexOf(id)).filter((i) => i >= 0));
    return load;
  }

  indexOf(id: number): number {
    return this.#indexOf.get(id) ?? -1;
  }

  /** Counts one partition whose replicas are these indexes, leader first. */
  add(indexes: readonly number[]): void {
    if (indexes.length > 0 && indexes[0] !== undefined) this.leaders[indexes[0]]!++;
    for (const i of indexes) this.replicas[i]!++;
  }

  rackOf(i: number): string {
    // A node without a rack is a rack of its own.
    return this.#nodes[i]!.rack ?? `\u0000node-${this.#nodes[i]!.id}`;
  }

  /**
   * The best node index to join a partition that has `members` (indexes): not a member, on a rack
   * the partition does not use when one is left, fewest replicas, fewest leaders, then lowest
   * `rank`. -1 if every node is a member.
   */
  bestFollower(members: readonly number[], rank: (i: number) => number): number {
    const used = new Set(members.map((i) => this.rackOf(i)));
    let best = -1;
    for (let i = 0; i < this.#nodes.length; i++) {
      if (members.includes(i)) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const newRack = Number(used.has(this.rackOf(i))) - Number(used.has(this.rackOf(best)));
      if (compare(newRack, this.replicas[i]! - this.replicas[best]!, this.leaders[best]! - this.leaders[i]!, rank(i) - rank(best)) < 0) best = i;
    }
    return best;
  }
}
