import { MemoryStorage } from '../../../src/raft/memory-storage.js';
import type { ConfState, Message, NodeId } from '../../../src/raft/messages.js';
import { Raft } from '../../../src/raft/raft.js';
import type { Mutants } from '../../../src/raft/raft.js';
import type { ReadState } from '../../../src/raft/ready.js';
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
};

/**
 * One simulated node: a Raft core, the storage it reads (what the OS would show: written, maybe
 * not yet durable) and its disk (what survives a crash: only what was synced).
 */
export class SimNode {
  raft: Raft | null = null;
  /** Written state, as the running process sees it. */
  storage: MemoryStorage;
  /** Durable state: a copy taken at each sync. */
  disk: MemoryStorage;
  /** Writes not yet synced exist. */
  dirty = false;

  constructor(
    readonly id: NodeId,
    confState: ConfState,
  ) {
    this.storage = new MemoryStorage(confState);
    this.disk = this.storage.clone();
  }

  get up(): boolean {
    return this.raft !== null;
  }

  sync(): void {
    if (!this.dirty) return;
    this.disk = this.storage.clone();
    this.dirty = false;
  }
}

export interface ClusterHooks {
  /** A node sent messages (after persisting what its Ready asked). */
  send(messages: readonly Message[]): void;
  /** Read states released by a node. */
  onReadStates?(id: NodeId, states: readonly ReadState[]): void;
  /** Trace line (only called when tracing). */
  trace?(line: string): void;
}

/**
 * A group of SimNodes and the driver loop each runs (the same order the real driver will use:
 * persist, sync if asked, send, apply, advance). Routing of messages is left to the caller.
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
    const node = new SimNode(id, confState);
    this.nodes.set(id, node);
    this.start(node);
    return node;
  }

  private start(node: SimNode): void {
    const c = this.core;
    node.raft = new Raft({
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
    this.checker?.onStart(node.id, node.raft);
  }

  /** Kills a node: whatever was written but not synced is lost. */
  crash(id: NodeId): void {
    const node = this.nodes.get(id)!;
    node.raft = null;
    node.storage = node.disk.clone();
    node.dirty = false;
  }

  restart(id: NodeId): void {
    const node = this.nodes.get(id)!;
    if (node.up) return;
    this.start(node);
  }

  /** Runs the node's Ready loop until it has nothing more to do. */
  process(id: NodeId): void {
    const node = this.nodes.get(id);
    const raft = node?.raft;
    if (!node || !raft) return;
    for (let rounds = 0; raft.hasReady() && rounds < 100; rounds++) {
      // Commit advances are checked before the entries they release are applied.
      this.checker?.afterEvent(id, raft);
      const rd = raft.ready();
      const st = node.storage;
      if (rd.snapshot !== null) {
        st.applySnapshot(rd.snapshot);
        node.dirty = true;
        this.checker?.onSnapshotInstalled(id, rd.snapshot.index);
        this.hooks.trace?.(`${id}: reset log to start after ${rd.snapshot.index}/${rd.snapshot.term}`);
      }
      if (rd.entries.length > 0) {
        const first = rd.entries[0]!.index;
        this.checker?.onPersist(id, first - 1, st.term(first - 1), rd.entries);
        st.append(rd.entries);
        node.dirty = true;
      }
      if (rd.hardState !== null) {
        st.setHardState(rd.hardState);
        node.dirty = true;
      }
      if (rd.mustSync) node.sync();
      if (rd.messages.length > 0) this.hooks.send(rd.messages);
      if (rd.committedEntries.length > 0) this.checker?.onApply(id, rd.committedEntries);
      if (rd.readStates.length > 0) this.hooks.onReadStates?.(id, rd.readStates);
      raft.advance();
    }
  }

  /** Runs the checker's per-event properties over every running node. */
  check(): void {
    if (this.checker === null) return;
    for (const node of this.nodes.values()) if (node.raft !== null) this.checker.afterEvent(node.id, node.raft);
  }

  /** Ids of running nodes. */
  upIds(): NodeId[] {
    const out: NodeId[] = [];
    for (const n of this.nodes.values()) if (n.up) out.push(n.id);
    return out;
  }

  leader(): Raft | null {
    let best: Raft | null = null;
    for (const n of this.nodes.values()) {
      if (n.raft?.role === 'leader' && (best === null || n.raft.term > best.term)) best = n.raft;
    }
    return best;
  }
}
