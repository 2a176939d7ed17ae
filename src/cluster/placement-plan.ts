/**
 * A reassignment plan when the cluster's nodes change (a node added or removed) or to even out
 * load: which partitions move where, as data, and the PartitionChange records that carry a move
 * out (start: replicas = target + removing, with adding/removing set; complete: replicas = target).
 * Pure and deterministic (ties go to the lowest node id, partitions in the order given).
 *
 * Steps, each bounded by the number of replicas:
 *   1. evict: a replica on a node that is not a target node is replaced in its slot by the best
 *      target node (placement.ts: unused rack, fewest replicas);
 *   2. even out replicas: while the most loaded node holds 2+ more than the least loaded, move one
 *      replica between them (a follower slot first) where that does not lose a rack;
 *   3. even out leaders: while some partition's leader leads 2+ more than one of its other replicas,
 *      make that replica the preferred leader (a reorder, no data moves), largest gap first.
 */
import { MetadataRecordType, type MetadataRecord } from '../protocol/generated/metadata-records.js';
import { refuse, type MetadataResult } from './metadata-error.js';
import { NodeLoad, type PlacementNode } from './placement.js';

export interface PartitionReplicas {
  readonly topicId: Buffer;
  readonly partition: number;
  /** Current replicas, preferred leader first. */
  readonly replicas: readonly number[];
}

export interface PartitionMove {
  readonly topicId: Buffer;
  readonly partition: number;
  readonly from: readonly number[];
  readonly to: readonly number[];
}

export interface ReassignmentInput {
  /** The nodes that should hold every replica afterwards (live nodes, the removed one left out). */
  readonly nodes: readonly PlacementNode[];
  readonly partitions: readonly PartitionReplicas[];
}

export function planReassignment(input: ReassignmentInput): MetadataResult<PartitionMove[]> {
  const nodes = [...input.nodes].sort((a, b) => a.id - b.id);
  const load = NodeLoad.of(nodes, []);
  // Working copy as node indexes; -1 marks a replica on a node that is not a target.
  const slots = input.partitions.map((p) => p.replicas.map((id) => load.indexOf(id)));
  for (const s of slots) {
    if (s[0]! >= 0) load.leaders[s[0]!]!++;
    for (const i of s) if (i >= 0) load.replicas[i]!++;
  }
  const byIndex = (i: number): number => i;
  for (let k = 0; k < slots.length; k++) {
    const s = slots[k]!;
    for (let slot = 0; slot < s.length; slot++) {
      if (s[slot]! >= 0) continue;
      const joiner = load.bestFollower(s.filter((i) => i >= 0), byIndex);
      if (joiner < 0) {
        const p = input.partitions[k]!;
        return refuse('INVALID_REPLICATION_FACTOR', `partition ${p.partition} of topic ${p.topicId.toString('hex')} has ${s.length} replicas but only ${nodes.length} target nodes`);
      }
      s[slot] = joiner;
      load.replicas[joiner]!++;
      if (slot === 0) load.leaders[joiner]!++;
    }
  }
  evenReplicas(slots, load, nodes.length);
  evenLeaders(slots, load, nodes.length);
  const moves: PartitionMove[] = [];
  input.partitions.forEach((p, k) => {
    const to = slots[k]!.map((i) => nodes[i]!.id);
    if (to.some((id, j) => id !== p.replicas[j])) moves.push({ topicId: p.topicId, partition: p.partition, from: [...p.replicas], to });
  });
  return { ok: true, value: moves };
}

function extremes(counts: readonly number[]): { most: number; least: number } {
  let most = 0;
  let least = 0;
  counts.forEach((c, i) => {
    if (c > counts[most]!) most = i;
    if (c < counts[least]!) least = i;
  });
  return { most, least };
}

function rackCount(load: NodeLoad, members: readonly number[]): number {
  return new Set(members.map((i) => load.rackOf(i))).size;
}

function evenReplicas(slots: number[][], load: NodeLoad, nodeCount: number): void {
  const stepsMax = slots.reduce((sum, s) => sum + s.length, 0);
  for (let step = 0; step < stepsMax && nodeCount > 1; step++) {
    const { most, least } = extremes(load.replicas);
    if (load.replicas[most]! - load.replicas[least]! <= 1) return;
    let best: { k: number; slot: number } | null = null;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k]!;
      const slot = s.indexOf(most);
      if (slot < 0 || s.includes(least)) continue;
      const after = s.map((i) => (i === most ? least : i));
      if (rackCount(load, after) < rackCount(load, s)) continue;
      if (slot > 0) {
        best = { k, slot };
        break;
      }
      best ??= { k, slot };
    }
    if (!best) return;
    slots[best.k]![best.slot] = least;
    load.replicas[most]!--;
    load.replicas[least]!++;
    if (best.slot === 0) {
      load.leaders[most]!--;
      load.leaders[least]!++;
    }
  }
}

function evenLeaders(slots: number[][], load: NodeLoad, nodeCount: number): void {
  // Each swap lowers the sum of squared leader counts, so this ends; the bound is a backstop.
  const stepsMax = slots.length * nodeCount;
  for (let step = 0; step < stepsMax; step++) {
    let swap: { s: number[]; to: number } | null = null;
    for (const s of slots) {
      const leader = s[0]!;
      let to = -1;
      for (const i of s) if (load.leaders[leader]! - load.leaders[i]! >= 2 && (to < 0 || load.leaders[i]! < load.leaders[to]!)) to = i;
      if (to >= 0 && (!swap || load.leaders[leader]! - load.leaders[to]! > load.leaders[swap.s[0]!]! - load.leaders[swap.to]!)) swap = { s, to };
    }
    if (!swap) return;
    load.leaders[swap.s[0]!]!--;
    load.leaders[swap.to]!++;
    swap.s.splice(swap.s.indexOf(swap.to), 1);
    swap.s.unshift(swap.to);
  }
}

/**
 * The records that carry out one move. `start` begins the reassignment (the new replicas catch
 * up while the old ones still serve); `complete` ends it once the adding replicas are in sync.
 * A pure reorder (same nodes, new preferred leader) is one record and nothing to complete.
 */
export function reassignmentRecords(move: PartitionMove): { start: MetadataRecord[]; complete: MetadataRecord[] } {
  const adding = move.to.filter((id) => !move.from.includes(id));
  const removing = move.from.filter((id) => !move.to.includes(id));
  const change = (replicas: number[], addingReplicas: number[], removingReplicas: number[]): MetadataRecord => ({
    type: MetadataRecordType.PartitionChange, version: 0,
    data: { topicId: move.topicId, partitionIndex: move.partition, replicas, addingReplicas, removingReplicas },
  });
  if (adding.length === 0 && removing.length === 0) return { start: [change([...move.to], [], [])], complete: [] };
  return { start: [change([...move.to, ...removing], adding, removing)], complete: [change([...move.to], [], [])] };
}
