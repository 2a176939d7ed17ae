import type { ConfState, Entry, HardState, SnapshotMeta } from './messages.js';

/**
 * What the Raft core reads from durable storage. The core declares it; tests implement it in
 * memory (memory-storage.ts) and the replication layer implements it over the journal.
 *
 * Ownership: the driver writes (appends the entries of a Ready, records the hard state, installs a
 * snapshot, compacts by retention); the core only reads, and only between advance() and the next
 * ready(). Everything the core has been handed in a Ready and acknowledged with advance() must be
 * visible here.
 *
 * Positions: the log covers indexes firstIndex()..lastIndex(); the prefix before firstIndex() is
 * summarised by snapshot() (index = firstIndex() - 1). A fresh log has snapshot index -1, term 0.
 */
export interface Storage {
  /** The hard state last persisted and the membership as of the snapshot. */
  initialState(): { hardState: HardState; confState: ConfState };
  /**
   * The entries overlapping [lo, hi), in order: the first one may start before lo (when lo is
   * inside a multi-index entry). Stops before the total of entryBytes() would exceed bytesMax, but
   * always returns at least one entry when the range is not empty. Returns null when lo is below
   * firstIndex() (compacted). hi must be at most lastIndex() + 1.
   */
  entries(lo: number, hi: number, bytesMax: number): Entry[] | null;
  /**
   * The term of the entry covering index, or of the snapshot when index === firstIndex() - 1.
   * Returns -1 when index is below that (compacted). index must be at most lastIndex().
   */
  term(index: number): number;
  firstIndex(): number;
  lastIndex(): number;
  snapshot(): SnapshotMeta;
}

/** Returned by Storage.term for a compacted index. */
export const TERM_COMPACTED = -1;
