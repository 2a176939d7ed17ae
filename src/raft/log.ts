import { assert } from '../util/assert.js';
import { EMPTY_INDEX, entryBytes, lastIndexOf } from './messages.js';
import type { Entry, SnapshotMeta } from './messages.js';
import { TERM_COMPACTED } from './storage.js';
import type { Storage } from './storage.js';

/** Returned by RaftLog.boundaryTerm when the index is not the end of an entry the log holds. */
export const NOT_A_BOUNDARY = -1;

/**
 * The log as the core sees it: what the storage holds, overlaid by what the core appended but the
 * driver has not yet persisted (the "unstable" tail, and possibly a snapshot to install).
 *
 * Invariants: applied <= committed <= lastIndex(); committed and applied are boundaries;
 * unstable entries are contiguous and, when present, shadow any stored entries from
 * unstable[0].index on (those are a suffix the driver will truncate when it persists them).
 */
export class RaftLog {
  readonly storage: Storage;
  /** A snapshot received from the leader and not yet installed by the driver. */
  unstableSnapshot: SnapshotMeta | null = null;
  /** Entries appended and not yet persisted. */
  unstable: Entry[] = [];
  committed: number;
  applied: number;
  /** entryBytes() total of what the last slice() returned (saves a second pass when sending). */
  sliceBytes = 0;

  constructor(storage: Storage, applied: number) {
    this.storage = storage;
    const { hardState } = storage.initialState();
    const snapIndex = storage.snapshot().index;
    this.committed = Math.max(hardState.commit, snapIndex);
    assert(
      this.committed <= storage.lastIndex(),
      `commit ${this.committed} is beyond the last stored index ${storage.lastIndex()}: the log lost committed entries`,
    );
    this.applied = Math.max(applied, snapIndex);
    assert(this.applied <= this.committed, `applied ${applied} beyond commit ${this.committed}`);
  }

  snapshotMeta(): SnapshotMeta {
    return this.unstableSnapshot ?? this.storage.snapshot();
  }

  firstIndex(): number {
    return this.unstableSnapshot !== null ? this.unstableSnapshot.index + 1 : this.storage.firstIndex();
  }

  lastIndex(): number {
    const n = this.unstable.length;
    if (n > 0) return lastIndexOf(this.unstable[n - 1]!);
    if (this.unstableSnapshot !== null) return this.unstableSnapshot.index;
    return this.storage.lastIndex();
  }

  lastTerm(): number {
    return this.term(this.lastIndex());
  }

  /** Position in unstable of the entry covering index (index within the unstable range). */
  private unstablePosition(index: number): number {
    const u = this.unstable;
    // Appends land at the end, so the tail is the usual case.
    let lo = 0;
    let hi = u.length - 1;
    if (u[hi]!.index <= index) return hi;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (u[mid]!.index <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Term of the entry covering index; TERM_COMPACTED below the snapshot; asserts past the end. */
  term(index: number): number {
    assert(index <= this.lastIndex(), `term(${index}) beyond last index ${this.lastIndex()}`);
    if (this.unstable.length > 0 && index >= this.unstable[0]!.index) {
      return this.unstable[this.unstablePosition(index)]!.term;
    }
    const snap = this.unstableSnapshot;
    if (snap !== null) return index === snap.index ? snap.term : TERM_COMPACTED;
    return this.storage.term(index);
  }

  /** The entry covering index, or null at or below the snapshot index. */
  entryAt(index: number): Entry | null {
    if (index > this.lastIndex() || index < this.firstIndex()) return null;
    if (this.unstable.length > 0 && index >= this.unstable[0]!.index) {
      return this.unstable[this.unstablePosition(index)]!;
    }
    const got = this.storage.entries(index, index + 1, 0);
    return got === null || got.length === 0 ? null : got[0]!;
  }

  /**
   * The term of the entry ending exactly at index (or of the snapshot when index is its index),
   * else NOT_A_BOUNDARY: the index is inside an entry, compacted, or beyond the log.
   */
  boundaryTerm(index: number): number {
    const snap = this.snapshotMeta();
    if (index === snap.index) return snap.term;
    const e = this.entryAt(index);
    if (e === null || lastIndexOf(e) !== index) return NOT_A_BOUNDARY;
    return e.term;
  }

  matchTerm(index: number, term: number): boolean {
    return this.boundaryTerm(index) === term;
  }

  /** Raft's "at least as up-to-date" comparison of a candidate's last entry with ours (§5.4.1). */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ourTerm = this.lastTerm();
    return lastTerm > ourTerm || (lastTerm === ourTerm && lastIndex >= this.lastIndex());
  }

  /**
   * The largest boundary k <= index whose term is <= term, with its term. Used on both sides of
   * fast backtracking: the follower to hint where its log might still agree, the leader to jump to
   * the last place its own log could agree with that hint. Falls back to the snapshot.
   * (Term 0 is returned with an index below the snapshot: unknown.)
   */
  findConflictByTerm(index: number, term: number): { index: number; term: number } {
    const snap = this.snapshotMeta();
    // Below our log start we cannot tell: answer the index itself, so that a leader backs up to
    // before its log start and sends the snapshot.
    if (index < snap.index) return { index, term: 0 };
    let i = Math.min(index, this.lastIndex());
    while (i > snap.index) {
      const e = this.entryAt(i)!;
      if (lastIndexOf(e) === i && e.term <= term) return { index: i, term: e.term };
      i = e.index - 1;
    }
    return { index: snap.index, term: snap.term };
  }

  /**
   * The first entry of ents that the log does not already hold (same boundary and term), or null.
   * ents must follow a boundary the log holds.
   */
  findConflict(ents: readonly Entry[]): Entry | null {
    const last = this.lastIndex();
    for (const e of ents) {
      if (e.index > last) return e;
      if (!this.matchTerm(lastIndexOf(e), e.term)) return e;
    }
    return null;
  }

  /**
   * Appends ents, replacing whatever the log holds from ents[0].index on. ents[0].index - 1 must be
   * a boundary at or beyond commit: a committed entry is never replaced.
   */
  append(ents: readonly Entry[]): void {
    if (ents.length === 0) return;
    const after = ents[0]!.index;
    assert(after - 1 >= this.committed, `append at ${after} would overwrite committed ${this.committed}`);
    assert(after <= this.lastIndex() + 1, `append at ${after} leaves a gap after ${this.lastIndex()}`);
    const u = this.unstable;
    if (u.length === 0 || after <= u[0]!.index) {
      this.unstable = ents.slice();
      return;
    }
    if (after <= this.lastIndex()) {
      const p = this.unstablePosition(after);
      assert(u[p]!.index === after, `append at ${after} splits an entry`);
      u.length = p;
    }
    for (const e of ents) u.push(e);
  }

  /**
   * The entries overlapping [lo, hi) up to bytesMax (at least one), or null when lo is compacted.
   * lo must be the start of an entry.
   */
  slice(lo: number, hi: number, bytesMax: number): Entry[] | null {
    this.sliceBytes = 0;
    if (lo < this.firstIndex()) return null;
    hi = Math.min(hi, this.lastIndex() + 1);
    if (lo >= hi) return [];
    const u = this.unstable;
    const uFirst = u.length > 0 ? u[0]!.index : hi;
    let out: Entry[] = [];
    let bytes = 0;
    if (lo < uFirst) {
      const stored = this.storage.entries(lo, Math.min(hi, uFirst), bytesMax);
      if (stored === null) return null;
      out = stored;
      for (const e of stored) bytes += entryBytes(e);
      const reached = out.length === 0 ? lo : lastIndexOf(out[out.length - 1]!) + 1;
      if (reached < Math.min(hi, uFirst)) {
        this.sliceBytes = bytes;
        return out; // byte budget reached inside storage
      }
    }
    if (u.length > 0 && hi > uFirst) {
      for (let p = lo > uFirst ? this.unstablePosition(lo) : 0; p < u.length; p++) {
        const e = u[p]!;
        if (e.index >= hi) break;
        bytes += entryBytes(e);
        if (out.length > 0 && bytes > bytesMax) {
          bytes -= entryBytes(e);
          break;
        }
        out.push(e);
      }
    }
    this.sliceBytes = bytes;
    return out;
  }

  commitTo(index: number): void {
    if (index <= this.committed) return;
    assert(index <= this.lastIndex(), `commit ${index} beyond last index ${this.lastIndex()}`);
    this.committed = index;
  }

  /** Committed entries not yet applied, up to bytesMax (at least one when any). */
  nextCommitted(bytesMax: number): Entry[] {
    const lo = Math.max(this.applied + 1, this.firstIndex());
    if (lo > this.committed) return [];
    return this.slice(lo, this.committed + 1, bytesMax) ?? [];
  }

  appliedTo(index: number): void {
    assert(index <= this.committed && index >= this.applied, `applied ${index} outside ${this.applied}..${this.committed}`);
    this.applied = index;
  }

  /** Resets the log to start after a snapshot (the follower is behind the leader's log start). */
  restore(snap: SnapshotMeta): void {
    assert(snap.index > this.committed, `restore to ${snap.index} at or below commit ${this.committed}`);
    this.unstableSnapshot = snap;
    this.unstable = [];
    this.committed = snap.index;
  }

  /** The driver persisted everything handed out in the last Ready. */
  stableAll(): void {
    if (this.unstableSnapshot !== null) {
      this.applied = Math.max(this.applied, this.unstableSnapshot.index);
      this.unstableSnapshot = null;
    }
    this.unstable = [];
  }
}

export { EMPTY_INDEX };
