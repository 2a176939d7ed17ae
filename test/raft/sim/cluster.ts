import { MemoryStorage } from '../../../src/raft/memory-storage.js';
import type { ConfState, Entry, HardState, Message, NodeId, SnapshotMeta } from '../../../src/raft/messages.js';
import { Raft } from '../../../src/raft/raft.js';
import type { Mutants } from '../../../src/raft/raft.js';
import type { ReadState } from '../../../src/raft/ready.js';
import { RaftDriver } from '../../../src/replication/raft-driver.js';
import type { DriverMutants, RaftDisk } from '../../../src/replication/raft-driver.js';
import type { Checker } from './checker.js';

/** Core settings shared by every node of a simulated group. */
export interface CoreOptions {
  electionTicks: number;
  heartbeatTicks: number;
  preVote: boolean;
  checkQuorum: boolean;
  leaseReads: boolean;
  appendBytesMax: number;
  appendEntriesMax: number;
  inflightAppendsMax: number;
  inflightBytesMax: number;
  applyBytesMax: number;
  uncommittedIndexesMax: number;
  promotionLagMax: number;
  mutants: Mutants;
  driverMutants: DriverMutants;
}

export const CORE_DEFAULTS: CoreOptions = {
  electionTicks: 10,
  heartbeatTicks: 1,
  preVote: false,
  checkQuorum: false,
  leaseReads: false,
  appendBytesMax: 1 << 20,
  appendEntriesMax: 64,
  inflightAppendsMax: 16,
  inflightBytesMax: 1 << 22,
  applyBytesMax: 1 << 22,
  uncommittedIndexesMax: 64,
  promotionLagMax: 0,
  mutants: {},
  driverMutants: {},
};

/** Messages a simulated node holds while its disk syncs (the production driver drops the rest). */
export const HELD_MESSAGES_MAX = 256;

export interface ClusterHooks {
  /** A node sent messages (the driver decides when: after persisting what its Ready asked). */
  send(messages: readonly Message[]): void;
  /** Read states released by a node. */
  onReadStates?(id: NodeId, states: readonly ReadState[]): void;
  /** Simulated ms a sync takes on this node now (0 or absent: it completes at once). */
  syncMs?(id: NodeId): number;
  /** Runs fn after ms simulated milliseconds (needed when syncMs can be positive). */
  later?(ms: number, fn: () => void): void;
  /** Trace line (only called when tracing). */
  trace?(line: string): void;
}

/**
 * One simulated node: the production driver around a Raft core, the storage the core reads (what
 * the OS would show: written, maybe not yet durable) and its disk (what survives a crash: only
 * what a completed sync covered). SimNode is the driver's RaftDisk.
 */
export class SimNode implements RaftDisk {
  driver: RaftDriver | null = null;
  /** Written state, as the running process sees it. */
  storage: MemoryStorage;
  /** Durable state: a copy taken at each sync. */
  disk: MemoryStorage;
  /** Writes not yet synced exist. */
  dirty = false;
  /** Bumped at each crash: a sync still in flight then completes for nobody. */
  private life = 0;
  /** The driver's tick callback while it runs (the simulated clock calls it). */
  onTick: (() => void) | null = null;

  constructor(
    readonly id: NodeId,
    confState: ConfState,
    private readonly cluster: Cluster,
  ) {
    this.storage = new MemoryStorage(confState);
    this.disk = this.storage.clone();
  }

  get up(): boolean {
    return this.driver !== null;
  }

  get raft(): Raft | null {
    return this.driver?.raft ?? null;
  }

  /** Makes everything written so far durable at once (a background flush, or a sync completing). */
  flush(): void {
    if (!this.dirty) return;
    this.disk = this.storage.clone();
    this.dirty = false;
  }

  installSnapshot(snapshot: SnapshotMeta): void {
    this.storage.applySnapshot(snapshot);
    this.dirty = true;
    this.cluster.hooks.trace?.(`${this.id}: reset log to start after ${snapshot.index}/${snapshot.term}`);
  }

  append(entries: readonly Entry[]): void {
    const first = entries[0]!.index;
    this.cluster.checker?.onPersist(this.id, first - 1, this.storage.term(first - 1), entries);
    this.storage.append(entries);
    this.dirty = true;
  }

  setHardState(hardState: HardState): void {
    this.storage.setHardState(hardState);
    this.dirty = true;
  }

  compact(index: number, confState: ConfState): void {
    this.storage.compact(index, confState);
    this.dirty = true;
  }

  sync(done: () => void): void {
    const hooks = this.cluster.hooks;
    const ms = hooks.syncMs?.(this.id) ?? 0;
    if (ms <= 0 || hooks.later === undefined) {
      this.flush();
      done();
      return;
    }
    const life = this.life;
    hooks.later(ms, () => {
      if (life !== this.life) return;
      this.flush();
      done();
    });
  }

  /** Kills the process: whatever was written but not synced is lost. */
  crash(): void {
    this.driver?.stop();
    this.driver = null;
    this.life++;
    this.storage = this.disk.clone();
    this.dirty = false;
  }
}

/**
 * A group of SimNodes, each run by the production driver (src/replication/raft-driver.ts) with
 * simulated disk, clock and network. Routing of messages is left to the caller.
 */
export class Cluster {
  readonly nodes = new Map<NodeId, SimNode>();

  constructor(
    readonly core: CoreOptions,
    readonly random: () => (n: number) => number,
    readonly hooks: ClusterHooks,
    readonly checker: Checker | null,
  ) {}

  /** Creates a node with an empty log; bootstrap members get the initial configuration. */
  addNode(id: NodeId, confState: ConfState): SimNode {
    const node = new SimNode(id, confState, this);
    this.nodes.set(id, node);
    this.start(node);
    return node;
  }

  private start(node: SimNode): void {
    const c = this.core;
    const raft = new Raft({
      id: node.id,
      storage: node.storage,
      electionTicks: c.electionTicks,
      heartbeatTicks: c.heartbeatTicks,
      random: this.random(),
      preVote: c.preVote,
      checkQuorum: c.checkQuorum,
      leaseReads: c.leaseReads,
      appendBytesMax: c.appendBytesMax,
      appendEntriesMax: c.appendEntriesMax,
      inflightAppendsMax: c.inflightAppendsMax,
      inflightBytesMax: c.inflightBytesMax,
      applyBytesMax: c.applyBytesMax,
      uncommittedIndexesMax: c.uncommittedIndexesMax,
      promotionLagMax: c.promotionLagMax,
      // The simulated state machine is volatile: it replays the log from the snapshot on restart.
      applied: node.storage.snapshot().index,
      mutants: c.mutants,
    });
    const id = node.id;
    const checker = this.checker;
    node.driver = new RaftDriver({
      raft,
      disk: node,
      transport: { send: (messages) => this.hooks.send(messages) },
      ticker: {
        start: (onTick) => {
          node.onTick = onTick;
          return () => {
            node.onTick = null;
          };
        },
      },
      applier: {
        // Commit advances are checked before the entries they release are applied, and only once
        // durable: a node waiting for its disk may still lose its new term or entries in a crash.
        readyPersisted: () => checker?.afterEvent(id, raft),
        snapshotInstalled: (snapshot) => checker?.onSnapshotInstalled(id, snapshot.index),
        apply: (entries) => checker?.onApply(id, entries),
        readStates: (states) => this.hooks.onReadStates?.(id, states),
      },
      heldMessagesMax: HELD_MESSAGES_MAX,
      mutants: c.driverMutants,
    });
    node.driver.start();
    checker?.onStart(id, raft);
  }

  /** Kills a node: whatever was written but not synced is lost. */
  crash(id: NodeId): void {
    this.nodes.get(id)!.crash();
  }

  restart(id: NodeId): void {
    const node = this.nodes.get(id)!;
    if (node.up) return;
    this.start(node);
  }

  /** Runs the node's Ready loop until it has nothing more to do (or waits for its disk). */
  process(id: NodeId): void {
    this.nodes.get(id)?.driver?.process();
  }

  /**
   * Runs the checker's per-event properties over every running node that is not waiting for its
   * disk (until the sync completes, its new state is neither durable nor visible to anyone).
   */
  check(): void {
    if (this.checker === null) return;
    for (const node of this.nodes.values()) {
      const d = node.driver;
      if (d !== null && !d.persisting) this.checker.afterEvent(node.id, d.raft);
    }
  }

  /** Ids of running nodes. */
  upIds(): NodeId[] {
    const out: NodeId[] = [];
    for (const n of this.nodes.values()) if (n.up) out.push(n.id);
    return out;
  }

  /** The driver of the running leader with the highest term. */
  leader(): RaftDriver | null {
    let best: RaftDriver | null = null;
    for (const n of this.nodes.values()) {
      const d = n.driver;
      if (d?.raft.role === 'leader' && (best === null || d.raft.term > best.raft.term)) best = d;
    }
    return best;
  }
}
