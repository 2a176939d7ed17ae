import { assert } from '../util/assert.js';
import { EMPTY_HARD_STATE, EMPTY_INDEX, entryBytes, lastIndexOf } from './messages.js';
import type { ConfState, Entry, HardState, SnapshotMeta } from './messages.js';
import { TERM_COMPACTED } from './storage.js';
import type { Storage } from './storage.js';

/**
 * Storage kept in memory, for tests and the simulator. Holds the entries after the snapshot in an
 * array sorted by index (contiguous: each entry starts where the previous one ends).
 *
 * Invariant: entries[0].index === snap.index + 1 when entries is not empty, and
 * entries[k+1].index === lastIndexOf(entries[k]) + 1.
 */
export class MemoryStorage implements Storage {
  hardState: HardState = EMPTY_HARD_STATE;
  snap: SnapshotMeta;
  ents: Entry[] = [];

  constructor(confState: ConfState = { voters: [], nonVoters: [] }) {
    this.snap = { index: EMPTY_INDEX, term: 0, confState };
  }

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: this.hardState, confState: this.snap.confState };
  }

  firstIndex(): number {
    return this.snap.index + 1;
  }

  lastIndex(): number {
    const n = this.ents.length;
    return n === 0 ? this.snap.index : lastIndexOf(this.ents[n - 1]!);
  }

  snapshot(): SnapshotMeta {
    return this.snap;
  }

  /** Position in ents of the entry covering index (index must be in firstIndex..lastIndex). */
  private position(index: number): number {
    let lo = 0;
    let hi = this.ents.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.ents[mid]!.index <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  term(index: number): number {
    if (index === this.snap.index) return this.snap.term;
    if (index < this.snap.index) return TERM_COMPACTED;
    assert(index <= this.lastIndex(), `term(${index}) beyond last index ${this.lastIndex()}`);
    return this.ents[this.position(index)]!.term;
  }

  entries(lo: number, hi: number, bytesMax: number): Entry[] | null {
    if (lo < this.firstIndex()) return null;
    assert(hi <= this.lastIndex() + 1, `entries(${lo}, ${hi}) beyond last index ${this.lastIndex()}`);
    const out: Entry[] = [];
    if (lo >= hi) return out;
    let bytes = 0;
    for (let p = this.position(lo); p < this.ents.length; p++) {
      const e = this.ents[p]!;
      if (e.index >= hi) break;
      bytes += entryBytes(e);
      if (out.length > 0 && bytes > bytesMax) break;
      out.push(e);
    }
    return out;
  }

  setHardState(hs: HardState): void {
    this.hardState = hs;
  }

  /**
   * Appends entries, first dropping any stored suffix from entries[0].index (a conflicting suffix
   * the core decided to replace). entries[0].index must be a boundary of the stored log.
   */
  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const start = entries[0]!.index;
    assert(start > this.snap.index, `append at ${start} at or below snapshot ${this.snap.index}`);
    assert(start <= this.lastIndex() + 1, `append at ${start} leaves a gap after ${this.lastIndex()}`);
    if (start <= this.lastIndex()) {
      const p = this.position(start);
      assert(this.ents[p]!.index === start, `append at ${start} splits an entry`);
      this.ents.length = p;
    }
    for (const e of entries) this.ents.push(e);
  }

  /** Replaces the whole log by a snapshot (a follower reset to the leader's log start). */
  applySnapshot(snap: SnapshotMeta): void {
    this.snap = snap;
    this.ents = [];
  }

  /**
   * Drops the entries through `index` (a boundary at or below the applied index), as retention
   * does; confState is the membership as of index.
   */
  compact(index: number, confState: ConfState): void {
    if (index <= this.snap.index) return;
    assert(index <= this.lastIndex(), `compact(${index}) beyond last index`);
    const p = this.position(index);
    const e = this.ents[p]!;
    assert(lastIndexOf(e) === index, `compact(${index}) is not an entry boundary`);
    this.snap = { index, term: e.term, confState };
    this.ents = this.ents.slice(p + 1);
  }

  /** A copy that shares entries (immutable) but not the arrays: the simulator's "disk". */
  clone(): MemoryStorage {
    const c = new MemoryStorage(this.snap.confState);
    c.hardState = this.hardState;
    c.snap = this.snap;
    c.ents = this.ents.slice();
    return c;
  }
}
