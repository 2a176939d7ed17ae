import { assert } from '../util/assert.js';
import { applyConfChange, confChangeError, decodeConfChange, encodeConfChange } from './conf-change.js';
import type { ConfChange } from './conf-change.js';
import { Inflights } from './inflights.js';
import { RaftLog } from './log.js';
import { EMPTY_INDEX, EntryType, NONE, entryBytes, lastIndexOf, makeMessage } from './messages.js';
import type { ConfState, Entry, HardState, Message, MessageType, NodeId } from './messages.js';
import { Progress, ProgressState } from './progress.js';
import { quorumSize, quorumValue, voteResult } from './quorum.js';
import type { RaftRole, ReadState, Ready } from './ready.js';
import type { Storage } from './storage.js';

/**
 * Deliberately broken variants of the core, switched on only by the simulator to prove that it
 * can find real bugs. Never set in production.
 * - commitOldTerm: commit any index a quorum matched, even an entry of an older term (§5.4.2).
 * - doubleVote: grant a vote in a term where this node already voted for someone else.
 * - sendBeforeSync: report mustSync = false, so votes and appends go out before being durable.
 */
export interface Mutants {
  commitOldTerm?: boolean;
  doubleVote?: boolean;
  sendBeforeSync?: boolean;
}

export interface RaftConfig {
  readonly id: NodeId;
  readonly storage: Storage;
  /** A follower campaigns after electionTicks + random(electionTicks) ticks without a leader. */
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  /** Uniform integer in [0, n): the only randomness the core uses (election timeout jitter). */
  readonly random: (n: number) => number;
  readonly preVote: boolean;
  /** A leader steps down after an election timeout without hearing from a quorum. */
  readonly checkQuorum: boolean;
  /** Serve ReadIndex from the leader's lease, without a heartbeat round. Requires checkQuorum. */
  readonly leaseReads: boolean;
  /** Payload bytes per append message (at least one entry is always sent). */
  readonly appendBytesMax: number;
  readonly appendEntriesMax: number;
  /** Appends in flight to one follower in replicate state, by count and by payload bytes. */
  readonly inflightAppendsMax: number;
  readonly inflightBytesMax: number;
  /** Bytes of committed entries handed out per Ready (at least one entry). */
  readonly applyBytesMax: number;
  /**
   * A leader refuses proposals while its log holds this many indexes beyond its commit: a leader
   * cut off from its quorum must not grow an unbounded tail that a later leader has to ship.
   */
  readonly uncommittedIndexesMax: number;
  /** A non-voter may be promoted once its match is at most this many indexes behind our last. */
  readonly promotionLagMax: number;
  /** Last index the state machine applied before a restart (-1: replay from the log start). */
  readonly applied?: number;
  readonly mutants?: Mutants;
}

export const RAFT_DEFAULTS = {
  electionTicks: 10,
  heartbeatTicks: 1,
  preVote: true,
  checkQuorum: true,
  leaseReads: false,
  appendBytesMax: 1 << 20,
  appendEntriesMax: 1024,
  inflightAppendsMax: 64,
  inflightBytesMax: 8 << 20,
  applyBytesMax: 8 << 20,
  uncommittedIndexesMax: 100_000,
  promotionLagMax: 0,
} as const;

/**
 * Ticks by which a leader's lease ends before the followers' election timeout: covers ticks of
 * different nodes falling at different moments within the same tick period.
 */
export const LEASE_MARGIN_TICKS = 2;

export type ProposeResult =
  | { ok: true; index: number; term: number }
  | { ok: false; reason: 'not-leader' | 'transferring' | 'overloaded' | 'conf-pending' | 'invalid-conf-change'; detail?: string };

export interface RaftStatus {
  id: NodeId;
  role: RaftRole;
  term: number;
  vote: NodeId;
  lead: NodeId;
  commit: number;
  applied: number;
  firstIndex: number;
  lastIndex: number;
  conf: ConfState;
  leadTransferee: NodeId;
  progress: Map<NodeId, { match: number; next: number; state: ProgressState; nonVoter: boolean }>;
}

interface PendingRead {
  readonly heartbeatSeq: number;
  readonly requestId: number;
  readonly index: number;
}

type CampaignKind = 'pre-election' | 'election' | 'transfer';

/**
 * One member of one Raft group, as a pure state machine (after etcd's raft): input by step(),
 * tick(), propose(), proposeConfChange(), transferLeadership() and readIndex(); output by ready()
 * and advance(). No I/O, no clock (time is tick()), no randomness but config.random.
 *
 * Entries may span several indexes (a Kafka batch of N records holds N offsets); matching,
 * truncation and commit all happen at entry boundaries. Membership changes apply when committed.
 */
export class Raft {
  readonly id: NodeId;
  private readonly cfg: RaftConfig;
  private readonly mutants: Mutants;
  readonly log: RaftLog;

  term = 0;
  vote: NodeId = NONE;
  lead: NodeId = NONE;
  role: RaftRole = 'follower';
  conf: ConfState = { voters: [], nonVoters: [] };

  private progress = new Map<NodeId, Progress>();
  private votes = new Map<NodeId, boolean>();
  private msgs: Message[] = [];
  private electionElapsed = 0;
  private heartbeatElapsed = 0;
  private randomizedElectionTimeout = 0;
  /** Until an election timeout passes after start, act as if a leader's lease may be running. */
  private startupLease: boolean;
  leadTransferee: NodeId = NONE;
  /** A new configuration change may be proposed only once commit reaches this index. */
  private pendingConfIndex = EMPTY_INDEX;
  /** Configuration entries in the log beyond commit, in index order. */
  private pendingConfs: { index: number; change: ConfChange }[] = [];
  /** Hand-off attempts, to rotate among the remaining voters. */
  private handOffAttempts = 0;
  /** Leader elected with nothing beyond its commit: its commit is then exactly the group's. */
  private commitKnownAtElection = false;
  /** Set by propose(): appends are sent in one batch when the driver asks for ready(). */
  private needAppendFlush = false;

  // ReadIndex and leases (leader only): every heartbeat carries a sequence number.
  private ticksAsLeader = 0;
  private heartbeatSeq = 0;
  private heartbeatSentTick = new Map<number, number>();
  private quorumAckedSeq = 0;
  private leaseStartTick = -Infinity;
  private pendingReads: PendingRead[] = [];
  private readStates: ReadState[] = [];

  private prevHardState: HardState;
  private readyPending: { hardState: HardState; lastCommitted: number } | null = null;

  constructor(cfg: RaftConfig) {
    assert(cfg.id !== NONE, 'node id must be positive');
    assert(cfg.electionTicks > cfg.heartbeatTicks && cfg.heartbeatTicks >= 1, 'electionTicks must exceed heartbeatTicks');
    assert(!cfg.leaseReads || cfg.checkQuorum, 'lease reads require checkQuorum');
    assert(cfg.appendEntriesMax >= 1 && cfg.appendBytesMax >= 1, 'append bounds must be positive');
    this.id = cfg.id;
    this.cfg = cfg;
    this.mutants = cfg.mutants ?? {};
    const { hardState, confState } = cfg.storage.initialState();
    this.log = new RaftLog(cfg.storage, cfg.applied ?? EMPTY_INDEX);
    this.conf = confState;
    this.term = hardState.term;
    this.vote = hardState.vote;
    this.prevHardState = hardState;
    this.startupLease = cfg.leaseReads;
    this.rebuildConfFromLog();
    this.becomeFollower(this.term, NONE);
  }

  /** Replays configuration entries stored after the snapshot (commit-time membership). */
  private rebuildConfFromLog(): void {
    const first = this.log.firstIndex();
    const last = this.log.lastIndex();
    if (last < first) return;
    const ents = this.log.slice(first, last + 1, Infinity) ?? [];
    for (const e of ents) {
      if (e.type !== EntryType.Config) continue;
      const change = decodeConfChange(e.data);
      if (e.index <= this.log.committed) this.applyConf(change);
      else this.pendingConfs.push({ index: e.index, change });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Inputs

  tick(): void {
    this.assertNotInReady();
    if (this.role === 'leader') this.tickHeartbeat();
    else this.tickElection();
  }

  /** Starts an election now (as if the election timeout had passed), with PreVote if enabled. */
  campaign(): void {
    this.assertNotInReady();
    if (this.role === 'leader') return;
    this.startCampaign(this.cfg.preVote ? 'pre-election' : 'election');
  }

  /** Appends one entry of `count` indexes (a batch of count records). Leader only. */
  propose(data: Uint8Array, count = 1): ProposeResult {
    this.assertNotInReady();
    assert(count >= 1 && Number.isInteger(count), 'an entry holds at least one index');
    if (this.role !== 'leader') return { ok: false, reason: 'not-leader' };
    if (this.leadTransferee !== NONE || !this.conf.voters.includes(this.id)) return { ok: false, reason: 'transferring' };
    if (this.log.lastIndex() - this.log.committed >= this.cfg.uncommittedIndexesMax) return { ok: false, reason: 'overloaded' };
    const e = this.appendEntry(EntryType.Normal, data, count);
    return { ok: true, index: e.index, term: e.term };
  }

  /**
   * Proposes a membership change. Refused while another change is not yet committed, or while the
   * entries this leader inherited are not committed (a change must follow the whole history it
   * could conflict with). Promotion requires the non-voter to have caught up.
   */
  proposeConfChange(cc: ConfChange): ProposeResult {
    this.assertNotInReady();
    if (this.role !== 'leader') return { ok: false, reason: 'not-leader' };
    if (this.leadTransferee !== NONE) return { ok: false, reason: 'transferring' };
    if (this.log.committed < this.pendingConfIndex || this.pendingConfs.length > 0) {
      return { ok: false, reason: 'conf-pending' };
    }
    const err = confChangeError(this.conf, cc);
    if (err !== null) return { ok: false, reason: 'invalid-conf-change', detail: err };
    if (cc.type === 'promote') {
      const pr = this.progress.get(cc.node)!;
      if (pr.match < this.log.lastIndex() - this.cfg.promotionLagMax) {
        return { ok: false, reason: 'invalid-conf-change', detail: `node ${cc.node} has not caught up` };
      }
    }
    const e = this.appendEntry(EntryType.Config, encodeConfChange(cc), 1);
    this.pendingConfIndex = e.index;
    return { ok: true, index: e.index, term: e.term };
  }

  /** Hands leadership to a voter: bring it up to date, then tell it to campaign at once. */
  transferLeadership(to: NodeId): boolean {
    this.assertNotInReady();
    if (this.role !== 'leader' || to === this.id || !this.conf.voters.includes(to)) return false;
    if (this.leadTransferee === to) return true;
    this.leadTransferee = to;
    // The transfer must finish within one election timeout (checked in tickHeartbeat).
    this.electionElapsed = 0;
    const pr = this.progress.get(to)!;
    if (pr.match === this.log.lastIndex()) this.sendTimeoutNow(to);
    else this.sendAppend(to, true);
    return true;
  }

  /**
   * Asks for a linearizable read point. Leader only, and only once the leader knows the group's
   * commit index (it committed an entry of its term, or was elected with nothing uncommitted).
   * The answer arrives as a ReadState in a later Ready, after a quorum confirmed the leadership
   * (or at once under a valid lease). Returns false when the caller must retry (elsewhere/later).
   */
  readIndex(requestId: number): boolean {
    this.assertNotInReady();
    // A leader that is no longer a voter is only handing leadership over: it serves nothing.
    if (this.role !== 'leader' || !this.committedInTerm() || !this.conf.voters.includes(this.id)) return false;
    const index = this.log.committed;
    if (this.conf.voters.length === 1 || (this.cfg.leaseReads && this.leaseValid())) {
      this.readStates.push({ requestId, index });
      return true;
    }
    this.pendingReads.push({ heartbeatSeq: this.heartbeatSeq + 1, requestId, index });
    this.bcastHeartbeat();
    return true;
  }

  step(m: Message): void {
    this.assertNotInReady();
    if (m.term > this.term) {
      if ((m.type === 'vote' || m.type === 'pre-vote') && !m.transfer && this.inLease()) {
        // We heard from a leader less than an election timeout ago: a candidate that cannot reach
        // it must not depose it (this also makes the leader's lease sound).
        return;
      }
      if (m.type === 'pre-vote' || (m.type === 'pre-vote-resp' && !m.reject)) {
        // Pre-votes are about a future term; nobody changes term for them.
      } else if (m.type === 'app' || m.type === 'heartbeat' || m.type === 'snap') {
        this.becomeFollower(m.term, m.from);
      } else {
        this.becomeFollower(m.term, NONE);
      }
    } else if (m.term < this.term) {
      if ((this.cfg.checkQuorum || this.cfg.preVote) && (m.type === 'app' || m.type === 'heartbeat')) {
        // A stale leader (e.g. back from a partition): tell it our term so that it steps down,
        // since with PreVote/CheckQuorum nobody else may ever raise it.
        this.send({ type: 'app-resp', to: m.from });
      } else if (m.type === 'pre-vote') {
        this.send({ type: 'pre-vote-resp', to: m.from, reject: true });
      }
      return;
    }

    if (m.type === 'vote' || m.type === 'pre-vote') {
      this.handleVoteRequest(m);
      return;
    }
    switch (this.role) {
      case 'leader':
        this.stepLeader(m);
        break;
      case 'candidate':
      case 'pre-candidate':
        this.stepCandidate(m);
        break;
      case 'follower':
        this.stepFollower(m);
        break;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  hasReady(): boolean {
    const hs = this.prevHardState;
    return (
      this.needAppendFlush ||
      this.msgs.length > 0 ||
      this.log.unstable.length > 0 ||
      this.log.unstableSnapshot !== null ||
      this.readStates.length > 0 ||
      this.log.committed > this.log.applied ||
      hs.term !== this.term ||
      hs.vote !== this.vote ||
      hs.commit !== this.log.committed
    );
  }

  ready(): Ready {
    this.assertNotInReady();
    if (this.needAppendFlush) {
      this.needAppendFlush = false;
      if (this.role === 'leader') for (const id of this.progress.keys()) if (id !== this.id) this.sendAppends(id);
    }
    const prev = this.prevHardState;
    const hs: HardState = { term: this.term, vote: this.vote, commit: this.log.committed };
    const hsChanged = hs.term !== prev.term || hs.vote !== prev.vote || hs.commit !== prev.commit;
    const entries = this.log.unstable;
    const snapshot = this.log.unstableSnapshot;
    const committedEntries = this.log.nextCommitted(this.cfg.applyBytesMax);
    let mustSync = entries.length > 0 || snapshot !== null || hs.term !== prev.term || hs.vote !== prev.vote;
    if (this.mutants.sendBeforeSync) mustSync = false;
    const messages = this.msgs;
    this.msgs = [];
    const readStates = this.readStates;
    this.readStates = [];
    const lastCommitted =
      committedEntries.length > 0 ? lastIndexOf(committedEntries[committedEntries.length - 1]!) : EMPTY_INDEX;
    this.readyPending = { hardState: hs, lastCommitted };
    return {
      hardState: hsChanged ? hs : null,
      snapshot,
      entries,
      mustSync,
      messages,
      committedEntries,
      readStates,
      lead: this.lead,
      role: this.role,
    };
  }

  /** The driver has done everything the last Ready asked. */
  advance(): void {
    const pending = this.readyPending;
    assert(pending !== null, 'advance() without ready()');
    this.readyPending = null;
    this.log.stableAll();
    if (pending.lastCommitted > this.log.applied) this.log.appliedTo(pending.lastCommitted);
    this.prevHardState = pending.hardState;
  }

  status(): RaftStatus {
    const progress = new Map<NodeId, { match: number; next: number; state: ProgressState; nonVoter: boolean }>();
    for (const [id, pr] of this.progress) {
      progress.set(id, { match: pr.match, next: pr.next, state: pr.state, nonVoter: pr.isNonVoter });
    }
    return {
      id: this.id,
      role: this.role,
      term: this.term,
      vote: this.vote,
      lead: this.lead,
      commit: this.log.committed,
      applied: this.log.applied,
      firstIndex: this.log.firstIndex(),
      lastIndex: this.log.lastIndex(),
      conf: this.conf,
      leadTransferee: this.leadTransferee,
      progress,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Roles

  private reset(term: number): void {
    if (term !== this.term) {
      this.term = term;
      this.vote = NONE;
    }
    this.lead = NONE;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.randomizedElectionTimeout = this.cfg.electionTicks + this.cfg.random(this.cfg.electionTicks);
    this.leadTransferee = NONE;
    this.votes.clear();
    this.progress.clear();
    this.pendingReads = [];
    this.heartbeatSentTick.clear();
    this.quorumAckedSeq = 0;
    this.leaseStartTick = -Infinity;
    this.ticksAsLeader = 0;
    this.commitKnownAtElection = false;
    this.needAppendFlush = false;
  }

  private becomeFollower(term: number, lead: NodeId): void {
    this.reset(term);
    this.role = 'follower';
    this.lead = lead;
  }

  private becomePreCandidate(): void {
    // Neither term nor vote change: a pre-election that fails leaves no trace.
    this.role = 'pre-candidate';
    this.votes.clear();
    this.lead = NONE;
  }

  private becomeCandidate(): void {
    this.reset(this.term + 1);
    this.vote = this.id;
    this.role = 'candidate';
  }

  private becomeLeader(): void {
    assert(this.role === 'candidate', 'only a candidate becomes leader');
    this.reset(this.term);
    this.role = 'leader';
    this.lead = this.id;
    const last = this.log.lastIndex();
    for (const id of this.conf.voters) this.addProgress(id, false);
    for (const id of this.conf.nonVoters) this.addProgress(id, true);
    const self = this.progress.get(this.id);
    if (self !== undefined) {
      self.maybeUpdate(last);
      self.becomeReplicate();
      self.recentActive = true;
    }
    // No membership change until everything inherited is committed.
    this.pendingConfIndex = last;
    if (last > this.log.committed) {
      // Entries of older terms can only commit through one of ours (§5.4.2). A log holding nothing
      // beyond commit needs no no-op: that keeps offsets dense for fresh and single-voter groups.
      this.appendEntry(EntryType.LeaderNoop, new Uint8Array(0), 1);
    } else {
      this.commitKnownAtElection = true;
    }
    if (!this.conf.voters.includes(this.id)) this.handOff();
  }

  private addProgress(id: NodeId, isNonVoter: boolean): void {
    const pr = new Progress(
      this.log.lastIndex() + 1,
      new Inflights(this.cfg.inflightAppendsMax, this.cfg.inflightBytesMax),
      isNonVoter,
    );
    this.progress.set(id, pr);
  }

  /**
   * Voters campaign; so may a node outside the membership that holds a log (typically a voter
   * whose removal committed), counting only the voters' votes, and only to hand leadership over
   * once elected: a remaining voter that has not yet learned of the removal may need the log or
   * the vote this node holds. Non-voters never campaign.
   */
  private promotable(): boolean {
    if (this.log.unstableSnapshot !== null) return false;
    if (this.conf.voters.includes(this.id)) return true;
    return !this.conf.nonVoters.includes(this.id) && this.log.lastIndex() >= 0;
  }

  /** A leader that is no longer a voter transfers leadership to the most up-to-date voter. */
  private handOff(): void {
    const voters = this.conf.voters.slice().sort((a, b) => {
      const d = (this.progress.get(b)?.match ?? -1) - (this.progress.get(a)?.match ?? -1);
      return d !== 0 ? d : a - b;
    });
    if (voters.length === 0) return;
    const to = voters[this.handOffAttempts++ % voters.length]!;
    this.transferLeadership(to);
  }

  private inLease(): boolean {
    if (!this.cfg.checkQuorum || this.electionElapsed >= this.cfg.electionTicks) return false;
    return this.lead !== NONE || this.startupLease;
  }

  private tickElection(): void {
    this.electionElapsed++;
    if (this.electionElapsed >= this.cfg.electionTicks) this.startupLease = false;
    if (this.promotable() && this.electionElapsed >= this.randomizedElectionTimeout) {
      this.electionElapsed = 0;
      // A node outside the membership always asks first (PreVote), so that it never disturbs
      // the group with a term it cannot win.
      const preVote = this.cfg.preVote || !this.conf.voters.includes(this.id);
      this.startCampaign(preVote ? 'pre-election' : 'election');
    }
  }

  private tickHeartbeat(): void {
    this.ticksAsLeader++;
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.cfg.electionTicks) {
      this.electionElapsed = 0;
      if (this.cfg.checkQuorum) {
        if (!this.quorumActive()) {
          this.becomeFollower(this.term, NONE);
          return;
        }
        for (const [id, pr] of this.progress) if (id !== this.id) pr.recentActive = false;
      }
      // A transfer that did not finish within an election timeout is abandoned (a removed leader
      // tries the next voter).
      this.leadTransferee = NONE;
      if (!this.conf.voters.includes(this.id)) this.handOff();
    }
    if (this.heartbeatElapsed >= this.cfg.heartbeatTicks) {
      this.heartbeatElapsed = 0;
      this.bcastHeartbeat();
    }
  }

  private quorumActive(): boolean {
    let active = 0;
    for (const id of this.conf.voters) {
      const pr = this.progress.get(id);
      if (id === this.id || pr?.recentActive) active++;
    }
    return active >= quorumSize(this.conf.voters.length);
  }

  private startCampaign(kind: CampaignKind): void {
    if (!this.promotable()) return;
    let voteType: MessageType;
    let voteTerm: number;
    if (kind === 'pre-election') {
      this.becomePreCandidate();
      voteType = 'pre-vote';
      voteTerm = this.term + 1;
    } else {
      this.becomeCandidate();
      voteType = 'vote';
      voteTerm = this.term;
    }
    this.votes.set(this.id, true);
    if (voteResult(this.conf.voters, this.votes) === 'won') {
      if (kind === 'pre-election') this.startCampaign('election');
      else this.becomeLeader();
      return;
    }
    const index = this.log.lastIndex();
    const logTerm = this.log.lastTerm();
    for (const id of this.conf.voters) {
      if (id === this.id) continue;
      this.msgs.push(
        makeMessage({ type: voteType, from: this.id, to: id, term: voteTerm, index, logTerm, transfer: kind === 'transfer' }),
      );
    }
  }

  private handleVoteRequest(m: Message): void {
    const respType: MessageType = m.type === 'vote' ? 'vote-resp' : 'pre-vote-resp';
    let canVote =
      this.vote === m.from ||
      (this.vote === NONE && this.lead === NONE) ||
      (m.type === 'pre-vote' && m.term > this.term);
    if (this.mutants.doubleVote && m.type === 'vote') canVote = true;
    if (canVote && this.log.isUpToDate(m.index, m.logTerm)) {
      // A pre-vote is answered at the term it asks about, so the pre-candidate counts it.
      this.msgs.push(makeMessage({ type: respType, from: this.id, to: m.from, term: m.term }));
      if (m.type === 'vote') {
        this.electionElapsed = 0;
        this.vote = m.from;
      }
    } else {
      this.send({ type: respType, to: m.from, reject: true });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Per-role message handling

  private stepLeader(m: Message): void {
    const pr = this.progress.get(m.from);
    if (pr === undefined) return; // not (or no longer) a member
    switch (m.type) {
      case 'app-resp':
        pr.recentActive = true;
        this.handleAppendResponse(m, pr);
        break;
      case 'heartbeat-resp':
        pr.recentActive = true;
        pr.probeSent = false;
        // The peer is alive: if the snapshot we told it about was lost, probe again (a new
        // snapshot message follows if it is still behind our log start).
        if (pr.state === ProgressState.Snapshot) pr.becomeProbe();
        // With losses, a full pipeline would otherwise wait forever for acknowledgements.
        if (pr.state === ProgressState.Replicate && pr.inflights.full()) pr.inflights.freeFirstOne();
        if (pr.match < this.log.lastIndex()) this.sendAppend(m.from, true);
        if (m.context > pr.heartbeatAck) {
          pr.heartbeatAck = m.context;
          this.updateQuorumAck();
        }
        break;
      default:
        break;
    }
  }

  private handleAppendResponse(m: Message, pr: Progress): void {
    if (m.reject) {
      // Fast backtracking: jump to the last boundary of ours that can agree with the follower's
      // hint (its last boundary at or below the rejected index with a term <= ours there).
      const hint = this.log.findConflictByTerm(Math.min(m.rejectHint, m.index - 1), m.logTerm);
      if (pr.maybeDecrTo(m.index, hint.index + 1)) {
        if (pr.state === ProgressState.Replicate) pr.becomeProbe();
        this.sendAppend(m.from, true);
      }
      return;
    }
    if (!pr.maybeUpdate(m.index) && !(pr.match === m.index && pr.state === ProgressState.Probe)) return;
    switch (pr.state) {
      case ProgressState.Probe:
        pr.becomeReplicate();
        break;
      case ProgressState.Snapshot:
        if (pr.match >= pr.pendingSnapshot) {
          pr.becomeProbe();
          pr.becomeReplicate();
        }
        break;
      case ProgressState.Replicate:
        pr.inflights.freeLE(m.index);
        break;
    }
    if (this.maybeCommit()) this.bcastAppend();
    this.sendAppends(m.from);
    if (m.from === this.leadTransferee && pr.match === this.log.lastIndex()) {
      this.sendTimeoutNow(m.from);
    }
  }

  private stepCandidate(m: Message): void {
    const myResp: MessageType = this.role === 'pre-candidate' ? 'pre-vote-resp' : 'vote-resp';
    switch (m.type) {
      case 'app':
        this.becomeFollower(m.term, m.from);
        this.handleAppend(m);
        return;
      case 'heartbeat':
        this.becomeFollower(m.term, m.from);
        this.handleHeartbeat(m);
        return;
      case 'snap':
        this.becomeFollower(m.term, m.from);
        this.handleSnapshot(m);
        return;
      default:
        break;
    }
    if (m.type !== myResp) return;
    this.votes.set(m.from, !m.reject);
    const result = voteResult(this.conf.voters, this.votes);
    if (result === 'won') {
      if (this.role === 'pre-candidate') {
        this.startCampaign('election');
      } else {
        this.becomeLeader();
        this.bcastAppend();
      }
    } else if (result === 'lost') {
      this.becomeFollower(this.term, NONE);
    }
  }

  private stepFollower(m: Message): void {
    switch (m.type) {
      case 'app':
        this.heardFromLeader(m.from);
        this.handleAppend(m);
        break;
      case 'heartbeat':
        this.heardFromLeader(m.from);
        this.handleHeartbeat(m);
        break;
      case 'snap':
        this.heardFromLeader(m.from);
        this.handleSnapshot(m);
        break;
      case 'timeout-now':
        // The leader sends this only once our log matches its own, so its commit is safe to
        // adopt: a transferee that knows everything is committed needs no no-op (dense offsets).
        this.commitTo(Math.min(m.commit, this.log.lastIndex()));
        this.startCampaign('transfer');
        break;
      default:
        break;
    }
  }

  private heardFromLeader(from: NodeId): void {
    this.electionElapsed = 0;
    this.lead = from;
  }

  private handleAppend(m: Message): void {
    if (m.index < this.log.committed) {
      this.send({ type: 'app-resp', to: m.from, index: this.log.committed });
      return;
    }
    if (this.log.matchTerm(m.index, m.logTerm)) {
      const ents = m.entries;
      const lastNew = ents.length > 0 ? lastIndexOf(ents[ents.length - 1]!) : m.index;
      const conflict = this.log.findConflict(ents);
      if (conflict !== null) {
        assert(conflict.index > this.log.committed, `conflict at ${conflict.index} within commit ${this.log.committed}`);
        this.appendToLog(ents.slice(ents.indexOf(conflict)));
      }
      this.commitTo(Math.min(m.commit, lastNew));
      this.send({ type: 'app-resp', to: m.from, index: lastNew });
      return;
    }
    const hint = this.log.findConflictByTerm(Math.min(m.index, this.log.lastIndex()), m.logTerm);
    this.send({ type: 'app-resp', to: m.from, index: m.index, reject: true, rejectHint: hint.index, logTerm: hint.term });
  }

  private handleHeartbeat(m: Message): void {
    this.commitTo(m.commit);
    this.send({ type: 'heartbeat-resp', to: m.from, context: m.context });
  }

  private handleSnapshot(m: Message): void {
    const snap = m.snapshot!;
    if (snap.index <= this.log.committed) {
      this.send({ type: 'app-resp', to: m.from, index: this.log.committed });
      return;
    }
    if (this.log.matchTerm(snap.index, snap.term)) {
      // We hold the leader's log start already: just learn that it is committed.
      this.commitTo(snap.index);
    } else {
      this.log.restore(snap);
      this.conf = snap.confState;
      this.pendingConfs = [];
    }
    this.send({ type: 'app-resp', to: m.from, index: this.log.committed });
  }

  // ---------------------------------------------------------------------------------------------
  // Log and commit

  private appendEntry(type: EntryType, data: Uint8Array, count: number): Entry {
    const e: Entry = { index: this.log.lastIndex() + 1, count, term: this.term, type, data };
    this.appendToLog([e]);
    this.progress.get(this.id)?.maybeUpdate(lastIndexOf(e));
    // Our own append can complete a quorum only when we are the only voter.
    if (this.conf.voters.length === 1) this.maybeCommit();
    this.needAppendFlush = true;
    return e;
  }

  /** Appends to the log and keeps track of configuration entries beyond commit. */
  private appendToLog(ents: readonly Entry[]): void {
    const start = ents[0]!.index;
    this.log.append(ents);
    if (this.pendingConfs.length > 0 && this.pendingConfs[this.pendingConfs.length - 1]!.index >= start) {
      this.pendingConfs = this.pendingConfs.filter((c) => c.index < start);
    }
    for (const e of ents) {
      if (e.type === EntryType.Config) this.pendingConfs.push({ index: e.index, change: decodeConfChange(e.data) });
    }
  }

  private committedInTerm(): boolean {
    return this.commitKnownAtElection || this.log.term(this.log.committed) === this.term;
  }

  /** Leader: commit what a quorum of voters matched, if it is an entry of this term (§5.4.2). */
  private maybeCommit(): boolean {
    if (this.role !== 'leader') return false;
    const index = quorumValue(this.conf.voters, (id) => this.progress.get(id)?.match ?? EMPTY_INDEX);
    if (index <= this.log.committed) return false;
    if (!this.mutants.commitOldTerm && this.log.term(index) !== this.term) return false;
    this.commitTo(index);
    return true;
  }

  private commitTo(index: number): void {
    if (index <= this.log.committed) return;
    this.log.commitTo(index);
    let changed = false;
    while (this.pendingConfs.length > 0 && this.pendingConfs[0]!.index <= this.log.committed) {
      this.applyConf(this.pendingConfs.shift()!.change);
      changed = true;
    }
    if (changed && this.role === 'leader') this.maybeCommit(); // the quorum may have shrunk
  }

  private applyConf(cc: ConfChange): void {
    this.conf = applyConfChange(this.conf, cc);
    if (this.role !== 'leader') return;
    switch (cc.type) {
      case 'add-non-voter':
        this.addProgress(cc.node, true);
        break;
      case 'promote': {
        const pr = this.progress.get(cc.node);
        if (pr !== undefined) pr.isNonVoter = false;
        else this.addProgress(cc.node, false);
        break;
      }
      case 'remove':
        this.progress.delete(cc.node);
        if (this.leadTransferee === cc.node) this.leadTransferee = NONE;
        if (cc.node === this.id) {
          // The leader managed the group until its own removal committed. It must not simply
          // step down: the remaining voters may not know the removal committed yet, and then need
          // its vote, which it would refuse them if its log is longer. It hands leadership over.
          this.handOff();
        }
        break;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Replication

  /**
   * Sends one append (or a snapshot when the peer is behind our log start). With sendIfEmpty an
   * append without entries still goes out (to carry commit, or as a probe). Returns whether a
   * message was sent.
   */
  private sendAppend(to: NodeId, sendIfEmpty: boolean): boolean {
    const pr = this.progress.get(to);
    if (pr === undefined || pr.isPaused()) return false;
    const prevIndex = pr.next - 1;
    const snap = this.log.snapshotMeta();
    let ents: Entry[] | null = null;
    let prevTerm = 0;
    if (prevIndex >= snap.index) {
      prevTerm = this.log.boundaryTerm(prevIndex);
      assert(prevTerm >= 0, `next ${pr.next} for ${to} is not an entry start`);
      ents = this.log.slice(pr.next, this.log.lastIndex() + 1, this.cfg.appendBytesMax);
    }
    if (ents === null) {
      this.send({ type: 'snap', to, snapshot: snap });
      pr.becomeSnapshot(snap.index);
      return true;
    }
    if (ents.length === 0 && !sendIfEmpty) return false;
    if (ents.length > this.cfg.appendEntriesMax) {
      ents = ents.slice(0, this.cfg.appendEntriesMax);
      let bytes = 0;
      for (const e of ents) bytes += entryBytes(e);
      this.log.sliceBytes = bytes;
    }
    this.send({ type: 'app', to, index: prevIndex, logTerm: prevTerm, entries: ents, commit: this.log.committed });
    if (ents.length > 0) {
      if (pr.state === ProgressState.Replicate) {
        const last = lastIndexOf(ents[ents.length - 1]!);
        pr.optimisticUpdate(last);
        pr.inflights.add(last, this.log.sliceBytes);
      } else {
        pr.probeSent = true;
      }
    } else if (pr.state === ProgressState.Probe) {
      pr.probeSent = true;
    }
    return true;
  }

  /** Fills the pipeline to one peer with everything it may receive now. */
  private sendAppends(to: NodeId): void {
    while (this.sendAppend(to, false)) {
      /* keep sending while the flow-control window allows */
    }
  }

  private bcastAppend(): void {
    for (const id of this.progress.keys()) {
      if (id === this.id) continue;
      this.sendAppend(id, true);
      this.sendAppends(id);
    }
  }

  private bcastHeartbeat(): void {
    const seq = ++this.heartbeatSeq;
    this.heartbeatSentTick.set(seq, this.ticksAsLeader);
    for (const [id, pr] of this.progress) {
      if (id === this.id) continue;
      // Never tell a follower to commit beyond what it is known to hold.
      const commit = Math.min(pr.match, this.log.committed);
      this.send({ type: 'heartbeat', to: id, commit, context: seq });
    }
    this.updateQuorumAck(); // a single voter acknowledges alone
  }

  /** The newest heartbeat a quorum of voters acknowledged: releases reads, extends the lease. */
  private updateQuorumAck(): void {
    const acked = quorumValue(this.conf.voters, (id) =>
      id === this.id ? this.heartbeatSeq : (this.progress.get(id)?.heartbeatAck ?? 0),
    );
    if (acked <= this.quorumAckedSeq) return;
    this.quorumAckedSeq = acked;
    const sent = this.heartbeatSentTick.get(acked);
    if (sent !== undefined) this.leaseStartTick = sent;
    for (const seq of this.heartbeatSentTick.keys()) if (seq <= acked) this.heartbeatSentTick.delete(seq);
    while (this.pendingReads.length > 0 && this.pendingReads[0]!.heartbeatSeq <= acked) {
      const r = this.pendingReads.shift()!;
      this.readStates.push({ requestId: r.requestId, index: r.index });
    }
  }

  /**
   * Followers that acknowledged a heartbeat refuse to vote for an election timeout after receiving
   * it (inLease), so no other leader can exist until then: measured from when we sent it.
   */
  private leaseValid(): boolean {
    return (
      this.leadTransferee === NONE &&
      this.ticksAsLeader < this.leaseStartTick + this.cfg.electionTicks - LEASE_MARGIN_TICKS
    );
  }

  private sendTimeoutNow(to: NodeId): void {
    this.send({ type: 'timeout-now', to, commit: this.log.committed });
    // A removed leader is done once it handed over: it has no vote to keep leading with. (Should
    // the message be lost, the remaining voters time out and elect; if they need our log, we
    // may campaign again as a removed voter and hand over again.)
    if (!this.conf.voters.includes(this.id)) this.becomeFollower(this.term, NONE);
  }

  private send(fields: Partial<Message> & { type: MessageType; to: NodeId }): void {
    this.msgs.push(makeMessage(fields, this.id, this.term));
  }

  private assertNotInReady(): void {
    assert(this.readyPending === null, 'call advance() before feeding the core again');
  }
}
