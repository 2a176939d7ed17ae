/**
 * RaftReplica: one partition's Raft group on this node, behind the Replica interface (DESIGN
 * decisions 1, 4, 8). The production RaftDriver runs the core over the partition's journal
 * (JournalRaftLog); messages leave through the caller's RaftTransport and arrive by receive();
 * time comes from the caller's ticker (one GroupTicker per node drives every group).
 *
 * append() proposes on the leader and resolves once the entry is committed and applied here
 * (highWatermark = commit index + 1, the first offset not committed). It rejects with NOT_LEADER
 * on a follower, and when this node stops being leader (or another leader's entry takes the offset)
 * before the entry committed: its fate is then unknown (a new leader may still commit it). Kafka's
 * NOT_LEADER_OR_FOLLOWER (not REQUEST_TIMED_OUT) makes clients refresh metadata and retry on the
 * new leader, where an idempotent producer's retry is deduplicated.
 *
 * The journal is the state machine: applying an entry only moves the high watermark, so a restart
 * starts applied at the persisted commit index and replays nothing.
 *
 * acks=1 (a later step) would resolve an append when the leader's own write is durable: the
 * readyPersisted hook already reports it, so it fits as a second resolution point on the pending
 * entry, with the high watermark still moving only on commit.
 *
 * Ids: Raft ids inside, Kafka node ids at the edges (raft-ids.ts: raft id = node id + 1).
 */
import type { FileLayer } from '../journal/file-layer.js';
import type { PartitionLog } from '../journal/partition-log.js';
import { readBatchHeader } from '../protocol/records/batch-header.js';
import { EntryType, lastIndexOf } from '../raft/messages.js';
import type { ConfState, Entry, Message } from '../raft/messages.js';
import { Raft, RAFT_DEFAULTS } from '../raft/raft.js';
import type { RaftConfig } from '../raft/raft.js';
import { PartitionError } from './errors.js';
import { JournalRaftLog } from './journal-raft-log.js';
import { JournalReplica } from './journal-replica.js';
import { RaftDriver } from './raft-driver.js';
import type { RaftTicker, RaftTransport } from './raft-driver.js';
import { kafkaNodeIdOf, raftIdOf } from './raft-ids.js';
import type { Replica } from './replica.js';

/** Entry bytes a replica keeps in memory for the core (see JournalRaftLog); a follower behind that resets. */
export const RAFT_WINDOW_BYTES_DEFAULT = 32 << 20;
/** Messages held while a sync is in flight (the driver drops the rest; Raft retransmits). */
const HELD_MESSAGES_MAX = 4096;
/** Appends waiting while the driver persists (it refuses proposals meanwhile); beyond: TIMEOUT. */
const QUEUED_PROPOSALS_MAX = 10_000;

export interface RaftReplicaOptions {
  /** The partition's journal, opened (and recovered) by the caller; the replica owns it from here. */
  readonly log: PartitionLog;
  /** The journal's file layer, for the Raft state file (default: the real one). */
  readonly fs?: FileLayer;
  /** For messages: `<topic>-<partition>`. */
  readonly name: string;
  /** This node's Kafka node id. */
  readonly nodeId: number;
  /** Kafka node ids of the group's voters when its log is empty (ignored once the log exists). */
  readonly voters: readonly number[];
  readonly transport: RaftTransport;
  readonly ticker: RaftTicker;
  /** Uniform integer in [0, n) for election jitter (tests pass a seeded one). */
  readonly random?: (n: number) => number;
  readonly raft?: Partial<Omit<RaftConfig, 'id' | 'storage' | 'random' | 'applied'>>;
  /** See JournalRaftLog; default RAFT_WINDOW_BYTES_DEFAULT. */
  readonly windowBytesMax?: number;
}

/** Who leads the group, as Metadata needs it: Raft id and Kafka node id (-1 = none known). */
export interface LeaderInfo {
  readonly raftId: number;
  readonly nodeId: number;
  /** The Raft term = Kafka leader epoch. */
  readonly term: number;
}

interface PendingAppend {
  readonly index: number;
  readonly lastOffset: number;
  readonly term: number;
  resolve(r: { baseOffset: number; lastOffset: number }): void;
  reject(err: Error): void;
}

interface QueuedAppend {
  readonly batch: Buffer;
  readonly count: number;
  resolve(r: { baseOffset: number; lastOffset: number }): void;
  reject(err: Error): void;
}

export class RaftReplica extends JournalReplica implements Replica {
  readonly #opts: RaftReplicaOptions;
  readonly #raftLog: JournalRaftLog;
  readonly #driver: RaftDriver;
  #highWatermark: number;
  readonly #commitListeners: ((highWatermark: number) => void)[] = [];
  readonly #leaderListeners: ((leader: LeaderInfo) => void)[] = [];
  readonly #leaderReadyListeners: ((epoch: number) => void)[] = [];
  /** While this node leads and earlier leaders' entries are not all committed here yet: the high watermark that covers them. */
  #leaderReadyAt: number | null = null;
  /** Proposed and not yet committed, by index (the order of proposal = the order of indexes). */
  readonly #pending = new Map<number, PendingAppend>();
  /** Appends waiting for the driver to finish persisting. */
  #queued: QueuedAppend[] = [];
  #drainScheduled = false;
  #leader: LeaderInfo = { raftId: 0, nodeId: -1, term: 0 };
  #closed = false;

  private constructor(opts: RaftReplicaOptions, raftLog: JournalRaftLog) {
    super(opts.log, opts.name);
    this.#opts = opts;
    this.#raftLog = raftLog;
    const commit = Math.max(raftLog.hardState.commit, raftLog.snapshot().index);
    const raft = new Raft({
      ...RAFT_DEFAULTS,
      ...opts.raft,
      id: raftIdOf(opts.nodeId),
      storage: raftLog,
      random: opts.random ?? ((n) => Math.floor(Math.random() * n)),
      applied: commit,
    });
    this.#highWatermark = Math.min(commit + 1, this.log.logEndOffset);
    this.log.highWatermark = this.#highWatermark;
    const ticker = opts.ticker;
    this.#driver = new RaftDriver({
      raft,
      disk: raftLog,
      transport: opts.transport,
      // Wraps the node's ticker so that every tick is followed by this replica's own bookkeeping.
      ticker: { start: (onTick) => ticker.start(() => { onTick(); this.#afterProcess(); }) },
      applier: {
        apply: (entries) => this.#apply(entries),
        // A follower reset to the leader's log start: everything before it counts as committed.
        snapshotInstalled: (snapshot) => this.#advance(snapshot.index + 1),
        readyPersisted: () => this.#scheduleDrain(),
      },
      heldMessagesMax: HELD_MESSAGES_MAX,
    });
    raftLog.onFailure((err) => this.#fail(err));
  }

  /** Opens the Raft log on the journal and starts the group (it campaigns when its timer says so). */
  static async open(opts: RaftReplicaOptions): Promise<RaftReplica> {
    const genesis: ConfState = { voters: opts.voters.map(raftIdOf), nonVoters: [] };
    const raftLog = await JournalRaftLog.open({
      log: opts.log, genesis, windowBytesMax: opts.windowBytesMax ?? RAFT_WINDOW_BYTES_DEFAULT, ...(opts.fs ? { fs: opts.fs } : {}),
    });
    const replica = new RaftReplica(opts, raftLog);
    replica.#driver.start();
    replica.#afterProcess();
    return replica;
  }

  // ------------------------------------------------------------------ what Metadata needs

  get raftId(): number { return raftIdOf(this.#opts.nodeId); }
  get leader(): LeaderInfo { return this.#leader; }
  get isLeader(): boolean { return this.#leader.raftId === this.raftId && this.#driver.raft.role === 'leader'; }
  /** Voters as Raft ids (current membership, as committed). */
  get voters(): readonly number[] { return this.#driver.raft.conf.voters; }
  /** Voters as Kafka node ids (Metadata's replicas). */
  get replicaNodeIds(): number[] { return this.voters.map(kafkaNodeIdOf); }

  /**
   * Kafka node ids of the voters that hold everything committed (the ISR); known on the leader
   * only (null elsewhere: Metadata comes from the leader's view).
   */
  isrNodeIds(): number[] | null {
    const status = this.#driver.raft.status();
    if (status.role !== 'leader') return null;
    const out: number[] = [];
    for (const id of status.conf.voters) {
      const pr = status.progress.get(id);
      if (pr !== undefined && pr.match >= status.commit) out.push(kafkaNodeIdOf(id));
    }
    return out;
  }

  /** The Raft term: the leader epoch of the current leadership (Kafka's leader epoch). */
  get leaderEpoch(): number { return this.#leader.term; }

  /**
   * Called when this node became leader of `epoch` and everything earlier leaders wrote is
   * committed here: from then on the committed log is the whole history (producer state rebuilds).
   */
  onLeaderReady(listener: (epoch: number) => void): void { this.#leaderReadyListeners.push(listener); }

  /**
   * Whether voter `nodeId` holds this leader's whole log (false on a follower): a leadership
   * transfer to it can finish at once instead of stalling proposals while it catches up.
   */
  caughtUp(nodeId: number): boolean {
    const status = this.#driver.raft.status();
    if (status.role !== 'leader') return false;
    const pr = status.progress.get(raftIdOf(nodeId));
    // Match alone: an idle group whose first append was lost stays in probe state with nothing to send.
    return pr !== undefined && !pr.nonVoter && pr.match === status.lastIndex;
  }

  /** Asks the core to hand leadership to voter `nodeId` (leader only); false when it cannot start now. */
  transferLeadership(nodeId: number): boolean {
    if (this.#closed || !this.isLeader) return false;
    const started = this.#driver.transferLeadership(raftIdOf(nodeId));
    if (started) {
      this.#driver.process();
      this.#afterProcess();
    }
    return started;
  }

  /** Called (synchronously) when the known leader or its term changes. */
  onLeaderChange(listener: (leader: LeaderInfo) => void): void { this.#leaderListeners.push(listener); }

  /** Messages from peers (the caller's transport delivers them here). */
  receive(messages: readonly Message[]): void {
    if (this.#closed) return;
    for (const m of messages) this.#driver.step(m);
    this.#driver.process();
    this.#afterProcess();
  }

  // ------------------------------------------------------------------ Replica

  get logEndOffset(): number { return this.#raftLog.lastIndex() + 1; }
  get highWatermark(): number { return this.#highWatermark; }

  onCommit(listener: (highWatermark: number) => void): void { this.#commitListeners.push(listener); }

  /** Proposes on the leader; the batch's offsets and epoch are the entry's index and term. */
  append(batch: Buffer, _options: { leaderEpoch: number }): Promise<{ baseOffset: number; lastOffset: number }> {
    const refused = this.#refusal();
    if (refused !== null) return Promise.reject(refused);
    if (!this.isLeader) return Promise.reject(this.#notLeader());
    return new Promise((resolve, reject) => {
      const count = readBatchHeader(batch).lastOffsetDelta + 1;
      if (this.#queued.length >= QUEUED_PROPOSALS_MAX) {
        reject(new PartitionError('TIMEOUT', `${this.#opts.name}: ${QUEUED_PROPOSALS_MAX} appends already wait for the disk`));
        return;
      }
      this.#queued.push({ batch, count, resolve, reject });
      this.#drain();
    });
  }

  /** Stops the group (a closed node to its peers); pending appends fail with SHUTTING_DOWN. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#driver.stop();
    this.#rejectAll(new PartitionError('SHUTTING_DOWN', `${this.#opts.name}: closing`));
    // A clean close also writes a commit index that changed without a sync (commit may lag after
    // a crash, not after a close).
    this.#raftLog.sync(() => undefined);
    await this.#raftLog.settled();
    await this.log.flush().catch(() => undefined);
    await this.log.close();
  }

  async destroy(): Promise<void> {
    await this.close().catch(() => undefined);
    await this.log.destroy();
  }

  // ------------------------------------------------------------------ internals

  #refusal(): PartitionError | null {
    if (this.#closed) return new PartitionError('SHUTTING_DOWN', `${this.#opts.name}: closed`);
    const failure = this.#raftLog.failure;
    if (failure !== null) return new PartitionError('STORAGE', `${this.#opts.name}: the Raft log failed: ${failure.message}`, { cause: failure });
    return null;
  }

  #notLeader(): PartitionError {
    const { nodeId, term } = this.#leader;
    return new PartitionError('NOT_LEADER', `${this.#opts.name}: node ${this.#opts.nodeId} is not the leader (leader ${nodeId}, epoch ${term})`);
  }

  /** Proposes queued appends while the driver accepts proposals (it refuses during a sync). */
  #drain(): void {
    const driver = this.#driver;
    let proposed = false;
    while (this.#queued.length > 0 && !driver.persisting && !this.#closed) {
      const q = this.#queued.shift()!;
      const r = driver.propose(q.batch, q.count);
      if (r.ok) {
        this.#pending.set(r.index, { index: r.index, lastOffset: r.index + q.count - 1, term: r.term, resolve: q.resolve, reject: q.reject });
        proposed = true;
      } else if (r.reason === 'persisting') {
        this.#queued.unshift(q);
        break;
      } else if (r.reason === 'not-leader' || r.reason === 'transferring') {
        q.reject(this.#notLeader());
      } else {
        q.reject(new PartitionError('TIMEOUT', `${this.#opts.name}: the leader refused the append (${r.reason})`));
      }
    }
    if (proposed) {
      driver.process();
      this.#afterProcess();
    }
  }

  /** After a Ready finished (inside the driver), once the driver is free again. */
  #scheduleDrain(): void {
    if (this.#drainScheduled) return;
    this.#drainScheduled = true;
    queueMicrotask(() => {
      this.#drainScheduled = false;
      this.#afterProcess();
      this.#drain();
    });
  }

  #apply(entries: readonly Entry[]): void {
    for (const e of entries) {
      const p = this.#pending.get(e.index);
      if (p === undefined) continue;
      this.#pending.delete(e.index);
      // The same index and term is the same entry (Log Matching); another term took the offset.
      if (e.term === p.term && e.type === EntryType.Normal) p.resolve({ baseOffset: p.index, lastOffset: p.lastOffset });
      else p.reject(this.#notLeader());
    }
    this.#advance(lastIndexOf(entries[entries.length - 1]!) + 1);
  }

  #advance(next: number): void {
    if (next > this.#highWatermark) {
      this.#highWatermark = next;
      this.log.highWatermark = next;
      for (const listener of this.#commitListeners) listener(next);
    }
    this.#checkLeaderReady();
  }

  #checkLeaderReady(): void {
    if (this.#leaderReadyAt === null || this.#highWatermark < this.#leaderReadyAt) return;
    this.#leaderReadyAt = null;
    const epoch = this.#leader.term;
    for (const listener of this.#leaderReadyListeners) listener(epoch);
  }

  /** Leader changes (and what they mean for pending appends) and the memory bound of the log. */
  #afterProcess(): void {
    if (this.#closed) return;
    // The core's public fields, not status(): this runs after every message and tick.
    const raft = this.#driver.raft;
    const lead = raft.lead;
    if (lead !== this.#leader.raftId || raft.term !== this.#leader.term) {
      this.#leader = { raftId: lead, nodeId: kafkaNodeIdOf(lead), term: raft.term };
      if (raft.role !== 'leader') this.#rejectAll(this.#notLeader());
      // A new leader's log holds every committed entry (Leader Completeness); once its commit
      // covers its whole log as of the election, nothing an earlier leader wrote is left pending.
      this.#leaderReadyAt = raft.role === 'leader' ? raft.log.lastIndex() + 1 : null;
      for (const listener of this.#leaderListeners) listener(this.#leader);
      this.#checkLeaderReady();
    }
    if (!this.#driver.persisting) this.#raftLog.trimWindow(raft.log.applied, raft.conf);
  }

  #rejectAll(err: PartitionError): void {
    const pending = [...this.#pending.values(), ...this.#queued];
    this.#pending.clear();
    this.#queued = [];
    for (const p of pending) p.reject(err);
  }

  #fail(err: Error): void {
    this.#driver.stop();
    this.#rejectAll(new PartitionError('STORAGE', `${this.#opts.name}: the Raft log failed: ${err.message}`, { cause: err }));
  }
}
