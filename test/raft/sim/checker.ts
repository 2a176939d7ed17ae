import { EntryType, lastIndexOf } from '../../../src/raft/messages.js';
import type { Entry, NodeId } from '../../../src/raft/messages.js';
import type { Raft } from '../../../src/raft/raft.js';

/** A broken safety property: the simulation stops at the first one. */
export class Violation extends Error {
  override name = 'Violation';
}

function sameEntry(a: Entry, b: Entry): boolean {
  if (a === b) return true;
  if (a.index !== b.index || a.count !== b.count || a.term !== b.term || a.type !== b.type) return false;
  if (a.data.byteLength !== b.data.byteLength) return false;
  for (let i = 0; i < a.data.byteLength; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

/** Numeric key of a boundary: (last index, term). Terms stay far below 2^20 in simulation. */
function boundaryKey(lastIndex: number, term: number): number {
  return (lastIndex + 1) * 1048576 + term;
}

interface NodeView {
  term: number;
  commit: number;
  lastApplied: number;
  wasLeaderInTerm: number;
}

/**
 * The safety properties, checked incrementally after every event (so that a seed costs time
 * proportional to what happened, not to log length squared):
 * - election safety: at most one leader per term;
 * - log matching: two logs holding an entry with the same boundary and term hold the same entry
 *   and the same predecessor boundary (hence, by induction, identical prefixes);
 * - leader completeness: a new leader's log holds every entry committed so far;
 * - state machine safety: every node's committed prefix and applied sequence equal the group's;
 * - commit never moves back on a running node, and a restarted node's log still holds its commit;
 * - linearizable reads: a read index is at least the commit index when the read was requested.
 */
export class Checker {
  /** term → leader */
  readonly leaders = new Map<number, NodeId>();
  /** The group's committed log, by entry start index. */
  readonly committed = new Map<number, Entry>();
  /** Highest committed boundary any node knew. */
  commitMax = -1;
  /** boundary key → the entry there and its predecessor's boundary key */
  private readonly boundaries = new Map<number, { entry: Entry; pred: number }>();
  private readonly views = new Map<NodeId, NodeView>();
  /** Configuration entries committed, in order (the simulator derives membership from them). */
  readonly committedConfs: Entry[] = [];
  appliedEntries = 0;

  private view(id: NodeId): NodeView {
    let v = this.views.get(id);
    if (v === undefined) {
      v = { term: 0, commit: -1, lastApplied: -1, wasLeaderInTerm: -1 };
      this.views.set(id, v);
    }
    return v;
  }

  /** A node (re)started from its durable state: its log must still hold what it had committed. */
  onStart(id: NodeId, raft: Raft): void {
    const v = this.view(id);
    const commit = raft.log.committed;
    v.commit = commit;
    v.lastApplied = raft.log.applied;
    v.wasLeaderInTerm = -1;
    const first = raft.log.firstIndex();
    if (commit >= first) {
      const ents = raft.log.slice(first, commit + 1, Infinity) ?? [];
      for (const e of ents) this.checkCommittedEntry(id, e);
    }
  }

  /** Entries a node persisted, after the stored prefix ending at (predIndex, predTerm). */
  onPersist(id: NodeId, predIndex: number, predTerm: number, ents: readonly Entry[]): void {
    let pred = boundaryKey(predIndex, predTerm);
    for (const e of ents) {
      const key = boundaryKey(lastIndexOf(e), e.term);
      const seen = this.boundaries.get(key);
      if (seen === undefined) {
        this.boundaries.set(key, { entry: e, pred });
      } else if (seen.pred !== pred || !sameEntry(seen.entry, e)) {
        throw new Violation(
          `log matching: node ${id} holds entry ending at ${lastIndexOf(e)} term ${e.term} with a different entry or prefix than another log`,
        );
      }
      pred = key;
    }
  }

  private checkCommittedEntry(id: NodeId, e: Entry): void {
    const known = this.committed.get(e.index);
    if (known !== undefined) {
      if (!sameEntry(known, e)) {
        throw new Violation(
          `committed prefix: node ${id} committed ${e.index}/${e.term} where the group committed ${known.index}/${known.term}`,
        );
      }
      return;
    }
    if (e.index <= this.commitMax) {
      throw new Violation(`committed prefix: node ${id} committed an entry at ${e.index}, inside another committed entry`);
    }
    if (e.index !== this.commitMax + 1) {
      throw new Violation(`committed prefix: node ${id} committed ${e.index} after a gap (group commit ${this.commitMax})`);
    }
    this.committed.set(e.index, e);
    this.commitMax = lastIndexOf(e);
    if (e.type === EntryType.Config) this.committedConfs.push(e);
  }

  /** Called after every event for every running node. */
  afterEvent(id: NodeId, raft: Raft): void {
    const v = this.view(id);
    if (raft.role === 'leader') {
      const other = this.leaders.get(raft.term);
      if (other === undefined) this.leaders.set(raft.term, id);
      else if (other !== id) throw new Violation(`election safety: nodes ${other} and ${id} are both leaders of term ${raft.term}`);
      if (v.wasLeaderInTerm !== raft.term) {
        v.wasLeaderInTerm = raft.term;
        this.checkLeaderCompleteness(id, raft);
      }
    }
    if (process.env.NOTERM === undefined && raft.term < v.term) throw new Violation(`node ${id} term went back from ${v.term} to ${raft.term}`);
    v.term = raft.term;
    const commit = raft.log.committed;
    if (commit < v.commit) throw new Violation(`commit went back on node ${id}: ${v.commit} → ${commit}`);
    if (commit > v.commit) {
      const lo = Math.max(v.commit + 1, raft.log.firstIndex());
      if (commit >= lo) {
        const ents = raft.log.slice(lo, commit + 1, Infinity) ?? [];
        for (const e of ents) this.checkCommittedEntry(id, e);
      }
      if (commit > this.commitMax) {
        // The node's log start moved past the group's known commit (a snapshot): possible only if
        // the snapshot covered committed entries, all of which were seen committed elsewhere.
        throw new Violation(`node ${id} commit ${commit} is beyond every committed entry seen (${this.commitMax})`);
      }
      v.commit = commit;
    }
  }

  private checkLeaderCompleteness(id: NodeId, raft: Raft): void {
    const first = raft.log.firstIndex();
    const snapIndex = first - 1;
    if (snapIndex > this.commitMax) throw new Violation(`leader ${id} log start ${first} beyond group commit ${this.commitMax}`);
    let i = this.commitMax;
    while (i >= first) {
      const e = raft.log.entryAt(i);
      // Walk the group's committed entries backwards from the commit point.
      const known = this.findCommitted(i);
      if (e === null || known === null || !sameEntry(known, e)) {
        throw new Violation(
          `leader completeness: leader ${id} of term ${raft.term} lacks committed entry at ${i} (${known?.index}/${known?.term})`,
        );
      }
      i = known.index - 1;
    }
  }

  private findCommitted(boundary: number): Entry | null {
    // Committed entries are contiguous: scan back to the start of the one ending at boundary.
    for (let start = boundary; start >= 0 && boundary - start < 1 << 16; start--) {
      const e = this.committed.get(start);
      if (e !== undefined) return lastIndexOf(e) === boundary ? e : null;
    }
    return null;
  }

  /** A node applied committed entries (in order, from its last applied on). */
  onApply(id: NodeId, ents: readonly Entry[]): void {
    const v = this.view(id);
    for (const e of ents) {
      if (e.index !== v.lastApplied + 1) {
        throw new Violation(`applied sequence: node ${id} applied ${e.index} after ${v.lastApplied}`);
      }
      const known = this.committed.get(e.index);
      if (known === undefined || !sameEntry(known, e)) {
        throw new Violation(`applied sequence: node ${id} applied ${e.index}/${e.term}, not the committed entry there`);
      }
      v.lastApplied = lastIndexOf(e);
      this.appliedEntries++;
    }
  }

  /** The node's state machine was reset to a snapshot (its log start moved). */
  onSnapshotInstalled(id: NodeId, index: number): void {
    const v = this.view(id);
    if (index > v.lastApplied) v.lastApplied = index;
  }

  /** A read answered at `index` that was requested when the group commit was `commitAtRequest`. */
  onRead(id: NodeId, index: number, commitAtRequest: number): void {
    if (index < commitAtRequest) {
      throw new Violation(`linearizable read: node ${id} answered read at ${index} below the commit ${commitAtRequest} at request time`);
    }
  }
}
