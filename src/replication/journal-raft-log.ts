/**
 * A partition's Raft log on its journal: the core's `Storage` and the driver's `RaftDisk` over one
 * PartitionLog (DESIGN decisions 1 and 4). Each entry is one RecordBatch at offset = index with
 * partitionLeaderEpoch = term (raft-entry-batch.ts); the hard state and the Raft log start live in
 * the `raft-state` file (raft-state-file.ts).
 *
 * Reads are answered from memory, never from disk: the core reads synchronously, the journal is
 * asynchronous. The memory view is a MemoryStorage holding the entries from the Raft log start
 * (the snapshot index + 1) to the end, data included. Its cost is bounded by `windowBytesMax`:
 * trimWindow() (called after apply) moves the Raft log start forward, never past the applied index
 * nor past the last applied configuration entry, until the view holds at most half the bound. The
 * journal keeps every batch (Kafka retention decides when they go); a follower that falls behind
 * the Raft log start gets the leader's `snap` and restarts its journal there (resetTo).
 * Per entry: its bytes + ~100 bytes of object overhead; term lookups are a binary search over it.
 *
 * Writes: the memory view changes at once (the core sees them immediately, as the RaftDisk
 * contract says); the journal writes and state-file writes run in call order on one chain, and
 * sync() completes once every write before it is on disk (fdatasync'ed by the journal, or flushed
 * when its fsync policy is not `always`) and the hard state is written. A failed write stops the
 * chain for good: sync never completes again and onFailure listeners hear it (the replica stops;
 * a restart recovers from what the disk holds).
 */
import type { FileLayer } from '../journal/file-layer.js';
import { NODE_FILE_LAYER } from '../journal/file-layer.js';
import type { PartitionLog } from '../journal/partition-log.js';
import { iterateBatches } from '../protocol/records/iterate-batches.js';
import { MemoryStorage } from '../raft/memory-storage.js';
import { EMPTY_HARD_STATE, EMPTY_INDEX, EntryType, entryBytes, lastIndexOf } from '../raft/messages.js';
import type { ConfState, Entry, HardState, SnapshotMeta } from '../raft/messages.js';
import type { Storage } from '../raft/storage.js';
import type { RaftDisk } from './raft-driver.js';
import { batchToEntry, entryToBatch } from './raft-entry-batch.js';
import { readRaftState, writeRaftState } from './raft-state-file.js';

/** Bytes read per journal read while loading the memory view at open. */
const LOAD_STEP_BYTES = 1 << 20;

export interface JournalRaftLogOptions {
  readonly log: PartitionLog;
  /** The journal's file layer (the state file goes through it too); default: the real one. */
  readonly fs?: FileLayer;
  /** Membership of the empty log (used when the replica has no state file yet). */
  readonly genesis: ConfState;
  /** Entry bytes (entryBytes()) the memory view may hold before trimWindow() moves the log start. */
  readonly windowBytesMax: number;
}

export class JournalRaftLog implements Storage, RaftDisk {
  readonly #log: PartitionLog;
  readonly #fs: FileLayer;
  readonly #view: MemoryStorage;
  readonly #windowBytesMax: number;
  #windowBytes = 0;
  /** Journal and state-file writes, in call order. */
  #writes: Promise<void> = Promise.resolve();
  #stateDirty = false;
  #failure: Error | null = null;
  readonly #failureListeners: ((err: Error) => void)[] = [];

  private constructor(opts: JournalRaftLogOptions, view: MemoryStorage) {
    this.#log = opts.log;
    this.#fs = opts.fs ?? NODE_FILE_LAYER;
    this.#view = view;
    this.#windowBytesMax = opts.windowBytesMax;
    for (const e of view.ents) this.#windowBytes += entryBytes(e);
  }

  /**
   * Loads the state file and the entries after the Raft log start from the (already opened and
   * recovered) journal. Throws when the journal no longer holds the committed entries the state
   * file names (a disk that lost synced data): starting would break Raft's promises.
   */
  static async open(opts: JournalRaftLogOptions): Promise<JournalRaftLog> {
    const fs = opts.fs ?? NODE_FILE_LAYER;
    const log = opts.log;
    const saved = await readRaftState(fs, log.dir);
    const snapshot: SnapshotMeta = saved?.snapshot ?? { index: EMPTY_INDEX, term: 0, confState: opts.genesis };
    const hardState: HardState = saved?.hardState ?? EMPTY_HARD_STATE;
    const from = snapshot.index + 1;
    // The state file is written before the journal is reset to a snapshot: finish that reset.
    if (log.logEndOffset < from) await log.resetTo(from);
    if (log.logStartOffset > from) {
      throw new Error(`${log.dir}: the journal starts at ${log.logStartOffset}, after the Raft log start ${from} (records deleted below it); the term there is unknown`);
    }
    const view = new MemoryStorage(snapshot.confState);
    view.applySnapshot(snapshot);
    view.setHardState(hardState);
    view.append(await loadEntries(log, from));
    if (hardState.commit > view.lastIndex()) {
      throw new Error(`${log.dir}: commit ${hardState.commit} is beyond the journal's last offset ${view.lastIndex()}: committed entries are missing`);
    }
    return new JournalRaftLog(opts, view);
  }

  // ------------------------------------------------------------------ Storage (memory only)

  initialState(): { hardState: HardState; confState: ConfState } { return this.#view.initialState(); }
  entries(lo: number, hi: number, bytesMax: number): Entry[] | null { return this.#view.entries(lo, hi, bytesMax); }
  term(index: number): number { return this.#view.term(index); }
  firstIndex(): number { return this.#view.firstIndex(); }
  lastIndex(): number { return this.#view.lastIndex(); }
  snapshot(): SnapshotMeta { return this.#view.snapshot(); }

  /** Entry bytes the memory view holds now. */
  get windowBytes(): number { return this.#windowBytes; }
  /** The hard state as last set (durable once a later sync completed). */
  get hardState(): HardState { return this.#view.hardState; }
  get failure(): Error | null { return this.#failure; }

  onFailure(listener: (err: Error) => void): void { this.#failureListeners.push(listener); }

  /** Resolves once every write called so far has finished (or the chain failed). */
  settled(): Promise<void> { return this.#writes; }

  // ------------------------------------------------------------------ RaftDisk

  installSnapshot(snapshot: SnapshotMeta): void {
    this.#view.applySnapshot(snapshot);
    this.#windowBytes = 0;
    // The state file first: reopening finishes a reset it names (open()), never the reverse.
    const state = this.#stateNow();
    this.#chain(async () => {
      await writeRaftState(this.#fs, this.#log.dir, state);
      await this.#log.resetTo(snapshot.index + 1);
    });
  }

  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const start = entries[0]!.index;
    const view = this.#view;
    const replaced = start <= view.lastIndex() ? view.entries(start, view.lastIndex() + 1, Infinity) ?? [] : [];
    view.append(entries); // first: it refuses a gap or a split entry before anything is written
    if (replaced.length > 0) {
      for (const e of replaced) this.#windowBytes -= entryBytes(e);
      this.#chain(() => this.#log.truncateFrom(start));
    }
    const batches: Buffer[] = [];
    for (const e of entries) {
      this.#windowBytes += entryBytes(e);
      batches.push(entryToBatch(e));
    }
    const bytes = batches.length === 1 ? batches[0]! : Buffer.concat(batches);
    this.#chain(async () => { await this.#log.appendReplicated(bytes); });
  }

  setHardState(hardState: HardState): void {
    this.#view.setHardState(hardState);
    this.#stateDirty = true;
  }

  /**
   * Moves the Raft log start past `index` (memory view and state file); the journal keeps its
   * batches. confState is the membership as of index.
   */
  compact(index: number, confState: ConfState): void {
    const view = this.#view;
    if (index <= view.snapshot().index) return;
    for (const e of view.entries(view.firstIndex(), index + 1, Infinity) ?? []) this.#windowBytes -= entryBytes(e);
    view.compact(index, confState);
    this.#stateDirty = true;
  }

  sync(done: () => void): void {
    const state = this.#stateDirty ? this.#stateNow() : null;
    this.#stateDirty = false;
    this.#chain(async () => {
      if (this.#log.config.fsync.mode !== 'always') await this.#log.flush();
      if (state !== null) await writeRaftState(this.#fs, this.#log.dir, state);
    });
    void this.#writes.then(() => { if (this.#failure === null) done(); });
  }

  /**
   * Bounds the memory view: once it holds more than windowBytesMax, moves the Raft log start to
   * the last boundary at or below `applied` that leaves at most half of it, but never before the
   * last configuration entry at or below applied (confState, the current membership, must be the
   * membership as of the new start). Returns whether the start moved.
   */
  trimWindow(applied: number, confState: ConfState): boolean {
    if (this.#windowBytes <= this.#windowBytesMax) return false;
    let through = EMPTY_INDEX;
    let remaining = this.#windowBytes;
    let lastConfig = EMPTY_INDEX;
    for (const e of this.#view.ents) {
      if (lastIndexOf(e) > applied) break;
      if (e.type === EntryType.Config) lastConfig = lastIndexOf(e);
      if (remaining > this.#windowBytesMax / 2) { remaining -= entryBytes(e); through = lastIndexOf(e); }
    }
    through = Math.max(through, lastConfig);
    if (through === EMPTY_INDEX) return false;
    this.compact(through, confState);
    return true;
  }

  #stateNow(): { hardState: HardState; snapshot: SnapshotMeta } {
    return { hardState: this.#view.hardState, snapshot: this.#view.snapshot() };
  }

  #chain(write: () => Promise<void>): void {
    this.#writes = this.#writes.then(async () => {
      if (this.#failure !== null) return;
      try {
        await write();
      } catch (err) {
        this.#failure = err instanceof Error ? err : new Error(String(err));
        for (const listener of this.#failureListeners) listener(this.#failure);
      }
    });
  }
}

/** Every entry the journal holds from `from` (a batch boundary) to its end, copied out of the cache. */
async function loadEntries(log: PartitionLog, from: number): Promise<Entry[]> {
  const out: Entry[] = [];
  let next = from;
  while (next < log.logEndOffset) {
    const { chunks } = await log.read(next, LOAD_STEP_BYTES);
    if (chunks.length === 0) break;
    for (const chunk of chunks) {
      for (const { pos, totalBytes } of iterateBatches(chunk)) {
        const entry = batchToEntry(Buffer.from(chunk.subarray(pos, pos + totalBytes)));
        if (lastIndexOf(entry) < next) continue;
        out.push(entry);
        next = lastIndexOf(entry) + 1;
      }
    }
  }
  return out;
}
