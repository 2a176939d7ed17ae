import type { ConfChange } from '../raft/conf-change.js';
import type { ConfState, Entry, HardState, Message, SnapshotMeta } from '../raft/messages.js';
import type { ProposeResult, Raft } from '../raft/raft.js';
import type { ReadState, Ready } from '../raft/ready.js';
import { assert } from '../util/assert.js';

/**
 * The write side of one node's Raft log (the core reads the same log through raft/storage.ts).
 * Writes become visible to the core at once; they survive a crash only once a sync() that was
 * called after them has completed.
 */
export interface RaftDisk {
  /** Replaces the whole log by a snapshot (the log starts after snapshot.index). */
  installSnapshot(snapshot: SnapshotMeta): void;
  /** Appends entries, first dropping any stored suffix from entries[0].index. */
  append(entries: readonly Entry[]): void;
  setHardState(hardState: HardState): void;
  /** Drops the entries through index (an entry boundary at or below the applied index). */
  compact(index: number, confState: ConfState): void;
  /**
   * Makes every write made so far durable, then calls done, at once or later (an fsync takes
   * time). A node that crashes before done keeps none of those writes, or only some.
   */
  sync(done: () => void): void;
}

/** Where messages go; delivery is not promised (Raft retransmits). */
export interface RaftTransport {
  send(messages: readonly Message[]): void;
}

/** The clock of one node: calls onTick every tick period until the returned stop is called. */
export interface RaftTicker {
  start(onTick: () => void): () => void;
}

/** The state machine and the observers of one node. */
export interface RaftApplier {
  /** Committed entries, in log order, each exactly once per process lifetime. */
  apply(entries: readonly Entry[]): void;
  /** The log was reset to start after a snapshot: the state machine must restart from it. */
  snapshotInstalled?(snapshot: SnapshotMeta): void;
  /** Reads are safe at these indexes (the applied index already reaches them). */
  readStates?(states: readonly ReadState[]): void;
  /**
   * Every Ready, once its writes are durable (or needed no sync) and before its messages leave
   * (probes; the simulator's checker, which must not count state a crash can still take back).
   */
  readyPersisted?(ready: Ready): void;
}

/**
 * Deliberately broken variants of the driver, switched on only by the simulator to prove that it
 * catches ordering bugs here as it does in the core (raft.ts `Mutants`). Never set in production.
 * - sendBeforePersist: messages leave before the Ready's writes are made and synced.
 * - skipSync: the writes of a Ready that asked for mustSync are never synced by the driver.
 */
export interface DriverMutants {
  sendBeforePersist?: boolean;
  skipSync?: boolean;
}

export interface RaftDriverOptions {
  readonly raft: Raft;
  readonly disk: RaftDisk;
  readonly transport: RaftTransport;
  readonly ticker: RaftTicker;
  readonly applier: RaftApplier;
  /** Messages received while a sync is in flight are held, up to this many; the rest are dropped. */
  readonly heldMessagesMax: number;
  readonly mutants?: DriverMutants;
}

/** Readies handled per process() call: a core that always has output must not starve the loop. */
export const READY_ROUNDS_MAX = 100;
/** Ticks remembered while a sync is in flight (beyond an election timeout they change nothing). */
const HELD_TICKS_MAX = 1000;

export type DriverProposeResult = ProposeResult | { ok: false; reason: 'persisting' };

/**
 * Drives one Raft core (after etcd's README loop). For each Ready, in this order:
 * 1. persist: install the snapshot, append the entries, record the hard state;
 * 2. when mustSync, wait until the disk says those writes are durable — a vote or an
 *    acknowledgement sent earlier would promise something a crash can take back;
 * 3. send the messages (etcd describes a leader replicating while its own write is in flight, an
 *    optimisation; this loop keeps one order for every role, the one the simulator checks);
 * 4. apply the committed entries, then release read states (they need the applied index);
 * 5. advance the core.
 * While a sync is in flight the core may not be touched (ready/advance contract): received
 * messages and ticks are held and fed in after advance; proposals and other requests are refused
 * with `persisting`. The driver uses no timers or clock of its own: time comes from the ticker.
 *
 * Lifecycle: built around a fresh core, start() subscribes to the ticker, stop() unsubscribes and
 * drops anything held (a stopped driver is a crashed or closed node; build a new one to restart).
 */
export class RaftDriver {
  readonly raft: Raft;
  readonly #opts: RaftDriverOptions;
  readonly #mutants: DriverMutants;
  /** The Ready waiting for its sync to complete; the core is untouchable meanwhile. */
  #syncing: Ready | null = null;
  #heldMessages: Message[] = [];
  #heldTicks = 0;
  #stopTicker: (() => void) | null = null;
  #stopped = false;

  constructor(opts: RaftDriverOptions) {
    assert(opts.heldMessagesMax >= 0, 'heldMessagesMax must not be negative');
    this.raft = opts.raft;
    this.#opts = opts;
    this.#mutants = opts.mutants ?? {};
  }

  /** A sync is in flight: inputs are held or refused until it completes. */
  get persisting(): boolean {
    return this.#syncing !== null;
  }

  start(): void {
    assert(this.#stopTicker === null && !this.#stopped, 'start() twice');
    this.#stopTicker = this.#opts.ticker.start(() => {
      this.tick();
      this.process();
    });
  }

  stop(): void {
    this.#stopped = true;
    this.#stopTicker?.();
    this.#stopTicker = null;
    this.#heldMessages = [];
    this.#heldTicks = 0;
  }

  /** A message from a peer. Call process() afterwards (several inputs may share one Ready). */
  step(message: Message): void {
    if (this.#stopped) return;
    if (this.#syncing === null) this.raft.step(message);
    else if (this.#heldMessages.length < this.#opts.heldMessagesMax) this.#heldMessages.push(message);
  }

  tick(): void {
    if (this.#stopped) return;
    if (this.#syncing === null) this.raft.tick();
    else this.#heldTicks = Math.min(this.#heldTicks + 1, HELD_TICKS_MAX);
  }

  propose(data: Uint8Array, count = 1): DriverProposeResult {
    if (this.#syncing !== null || this.#stopped) return { ok: false, reason: 'persisting' };
    return this.raft.propose(data, count);
  }

  proposeConfChange(change: ConfChange): DriverProposeResult {
    if (this.#syncing !== null || this.#stopped) return { ok: false, reason: 'persisting' };
    return this.raft.proposeConfChange(change);
  }

  /** False when refused by the core or while persisting. */
  transferLeadership(to: number): boolean {
    return this.#syncing === null && !this.#stopped && this.raft.transferLeadership(to);
  }

  readIndex(requestId: number): boolean {
    return this.#syncing === null && !this.#stopped && this.raft.readIndex(requestId);
  }

  /**
   * Drops the log through the applied index (retention) and syncs it. False when there is nothing
   * to drop or a sync is in flight.
   */
  compactThroughApplied(): boolean {
    if (this.#syncing !== null || this.#stopped) return false;
    const applied = this.raft.log.applied;
    if (applied < this.raft.log.firstIndex()) return false;
    this.#opts.disk.compact(applied, this.raft.conf);
    this.#opts.disk.sync(() => {});
    return true;
  }

  /** Handles Readies until the core has nothing more to do or a sync is in flight. */
  process(): void {
    for (let rounds = 0; rounds < READY_ROUNDS_MAX; rounds++) {
      if (this.#stopped || this.#syncing !== null || !this.raft.hasReady()) return;
      const rd = this.raft.ready();
      if (this.#mutants.sendBeforePersist) this.#send(rd);
      this.#persist(rd);
      if (!rd.mustSync || this.#mutants.skipSync) {
        this.#finish(rd);
        continue;
      }
      this.#syncing = rd;
      let completedInline = true;
      this.#opts.disk.sync(() => {
        if (this.#stopped || this.#syncing !== rd) return;
        this.#syncing = null;
        this.#finish(rd);
        this.#feedHeld();
        if (!completedInline) this.process();
      });
      completedInline = this.#syncing === null;
      if (!completedInline) return;
    }
  }

  #persist(rd: Ready): void {
    const disk = this.#opts.disk;
    if (rd.snapshot !== null) disk.installSnapshot(rd.snapshot);
    if (rd.entries.length > 0) disk.append(rd.entries);
    if (rd.hardState !== null) disk.setHardState(rd.hardState);
  }

  #send(rd: Ready): void {
    if (rd.messages.length > 0) this.#opts.transport.send(rd.messages);
  }

  #finish(rd: Ready): void {
    const applier = this.#opts.applier;
    applier.readyPersisted?.(rd);
    if (!this.#mutants.sendBeforePersist) this.#send(rd);
    if (rd.snapshot !== null) applier.snapshotInstalled?.(rd.snapshot);
    if (rd.committedEntries.length > 0) applier.apply(rd.committedEntries);
    if (rd.readStates.length > 0) applier.readStates?.(rd.readStates);
    this.raft.advance();
  }

  /** Feeds the inputs held during a sync, in arrival order (ticks last: they were time passing). */
  #feedHeld(): void {
    const held = this.#heldMessages;
    this.#heldMessages = [];
    for (const m of held) this.raft.step(m);
    for (; this.#heldTicks > 0; this.#heldTicks--) this.raft.tick();
  }
}
