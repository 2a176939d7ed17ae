/**
 * One consumer group under the classic rebalance protocol: members, generation, protocol choice,
 * leader, session/rebalance timeouts and the initial rebalance delay.
 *
 *   state               entered when                                       left when
 *   Empty               no members (new group, last member gone)           a member joins
 *   PreparingRebalance  a member joins/leaves/changes, a session expires   all members rejoined or the
 *                                                                          rebalance timeout fires
 *   CompletingRebalance join completed, generation bumped                  the leader's SyncGroup is
 *                                                                          persisted (→ Stable)
 *   Stable              assignment distributed                             membership changes
 *   Dead                group deleted or expired                           never
 *
 * Owned by the GroupCoordinator, which creates a Group per group id and persists what `onPersist`
 * hands it. The Group never does I/O and reads time only through the injected Timers, so unit
 * tests drive it deterministically.
 *
 * Invariants: `leaderId` is null iff `members` is empty or the state is Empty/Dead; every member in
 * `members` supports `protocolName` once the state is CompletingRebalance or Stable; a static
 * member's instance id maps to exactly one member id in `#staticMembers`.
 */
import { randomUUID } from 'node:crypto';
import type { GroupError } from './errors.js';
import type { TimerHandle, Timers } from './timers.js';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface ProtocolMetadata {
  name: string;
  metadata: Buffer;
}

export interface JoinParams {
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: ProtocolMetadata[];
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  clientId: string;
  clientHost: string;
  /** JoinGroup v4+: an unknown member first gets MEMBER_ID_REQUIRED with its new id. */
  requireKnownMemberId: boolean;
}

export interface JoinMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

export interface JoinResult {
  error: GroupError;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leaderId: string;
  memberId: string;
  /** Non-empty for the leader only. */
  members: JoinMember[];
  /** A static leader replaced in Stable must not send a new assignment (JoinGroup v9). */
  skipAssignment: boolean;
}

export interface SyncParams {
  memberId: string;
  generationId: number;
  groupInstanceId: string | null;
  protocolType: string | null;
  protocolName: string | null;
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface SyncResult {
  error: GroupError;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
}

export interface MemberSnapshot {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocols: ProtocolMetadata[];
  assignment: Buffer;
}

/** What is persisted for a group; enough to rebuild it after a restart. */
export interface GroupSnapshot {
  groupId: string;
  protocolType: string | null;
  protocolName: string | null;
  generationId: number;
  leaderId: string | null;
  state: GroupState;
  stateTimestampMs: number;
  members: MemberSnapshot[];
}

export interface GroupOptions {
  timers: Timers;
  initialRebalanceDelayMs: number;
  /** Persists the snapshot; resolves to an error when it could not be made durable. */
  onPersist: (snapshot: GroupSnapshot) => Promise<GroupError>;
  newMemberId?: (clientId: string) => string;
  /** Membership and generation changes, for the operator's audit trail (the coordinator logs them). */
  onAudit?: (message: string, fields: Record<string, unknown>) => void;
}

interface Member {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: ProtocolMetadata[];
  assignment: Buffer;
  awaitingJoin: ((r: JoinResult) => void) | null;
  awaitingSync: ((r: SyncResult) => void) | null;
  sessionTimer: TimerHandle | null;
}

const EMPTY = Buffer.alloc(0);

function sameProtocols(a: ProtocolMetadata[], b: ProtocolMetadata[]): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i]!.name && p.metadata.equals(b[i]!.metadata));
}

export class Group {
  readonly groupId: string;
  #state: GroupState = 'Empty';
  #stateTimestampMs: number;
  #protocolType: string | null = null;
  #protocolName: string | null = null;
  #generationId = 0;
  #leaderId: string | null = null;
  #members = new Map<string, Member>();
  /** Member ids handed out with MEMBER_ID_REQUIRED that have not joined yet, with their expiry. */
  #pendingMembers = new Map<string, TimerHandle>();
  #staticMembers = new Map<string, string>();
  #rebalanceTimer: TimerHandle | null = null;
  /** Initial delay bookkeeping: when the delayed join must complete at the latest. */
  #initialDelayDeadlineMs = 0;
  readonly #opts: GroupOptions;

  constructor(groupId: string, opts: GroupOptions) {
    this.groupId = groupId;
    this.#opts = opts;
    this.#stateTimestampMs = opts.timers.now();
  }

  get state(): GroupState {
    return this.#state;
  }
  get generationId(): number {
    return this.#generationId;
  }
  get protocolType(): string | null {
    return this.#protocolType;
  }
  get protocolName(): string | null {
    return this.#protocolName;
  }
  get leaderId(): string | null {
    return this.#leaderId;
  }
  get stateTimestampMs(): number {
    return this.#stateTimestampMs;
  }
  get memberCount(): number {
    return this.#members.size;
  }
  hasMember(memberId: string): boolean {
    return this.#members.has(memberId);
  }

  members(): MemberSnapshot[] {
    return [...this.#members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      sessionTimeoutMs: m.sessionTimeoutMs,
      rebalanceTimeoutMs: m.rebalanceTimeoutMs,
      protocols: m.protocols,
      assignment: m.assignment,
    }));
  }

  snapshot(): GroupSnapshot {
    return {
      groupId: this.groupId,
      protocolType: this.#protocolType,
      protocolName: this.#protocolName,
      generationId: this.#generationId,
      leaderId: this.#leaderId,
      state: this.#state,
      stateTimestampMs: this.#stateTimestampMs,
      members: this.members(),
    };
  }

  /**
   * Rebuilds a group from its persisted snapshot (coordinator load). Members come back with fresh
   * session timers, so members that died with the old broker expire as they would have; a Stable
   * group stays Stable so reconnecting consumers just heartbeat on.
   */
  static restore(snapshot: GroupSnapshot, opts: GroupOptions): Group {
    const g = new Group(snapshot.groupId, opts);
    g.#protocolType = snapshot.protocolType;
    g.#protocolName = snapshot.protocolName;
    g.#generationId = snapshot.generationId;
    g.#stateTimestampMs = snapshot.stateTimestampMs;
    for (const s of snapshot.members) {
      const m: Member = {
        ...s,
        protocolType: snapshot.protocolType ?? '',
        awaitingJoin: null,
        awaitingSync: null,
        sessionTimer: null,
      };
      g.#members.set(m.memberId, m);
      if (m.groupInstanceId !== null) g.#staticMembers.set(m.groupInstanceId, m.memberId);
      g.#scheduleSession(m);
    }
    if (g.#members.size === 0) {
      g.#state = snapshot.state === 'Dead' ? 'Dead' : 'Empty';
      g.#leaderId = null;
    } else {
      g.#leaderId = snapshot.leaderId !== null && g.#members.has(snapshot.leaderId) ? snapshot.leaderId : g.#members.keys().next().value!;
      // Only Stable is safe to resume; anything mid-rebalance starts a fresh rebalance.
      if (snapshot.state === 'Stable') g.#state = 'Stable';
      else g.#prepareRebalance();
    }
    return g;
  }

  // ---------------------------------------------------------------------------------------------
  // JoinGroup

  join(p: JoinParams, respond: (r: JoinResult) => void): void {
    const fail = (error: GroupError, memberId = p.memberId): void => respond(this.#errorJoin(error, memberId));
    if (this.#state === 'Dead') return fail('COORDINATOR_NOT_AVAILABLE');
    if (p.protocols.length === 0 || p.protocolType === '') return fail('INCONSISTENT_GROUP_PROTOCOL');
    if (!this.#supportsProtocols(p.protocolType, p.protocols)) return fail('INCONSISTENT_GROUP_PROTOCOL');

    if (p.memberId === '') return this.#joinUnknown(p, respond);

    if (p.groupInstanceId !== null) {
      const owner = this.#staticMembers.get(p.groupInstanceId);
      if (owner !== undefined && owner !== p.memberId) return fail('FENCED_INSTANCE_ID');
    }
    if (this.#pendingMembers.has(p.memberId)) {
      this.#opts.timers.clear(this.#pendingMembers.get(p.memberId)!);
      this.#pendingMembers.delete(p.memberId);
      this.#addMemberAndRebalance(p, p.memberId, respond);
      return;
    }
    const member = this.#members.get(p.memberId);
    if (member === undefined) return fail('UNKNOWN_MEMBER_ID');
    this.#joinKnown(member, p, respond);
  }

  #joinUnknown(p: JoinParams, respond: (r: JoinResult) => void): void {
    const newId = (this.#opts.newMemberId ?? ((c: string) => `${c}-${randomUUID()}`))(p.clientId);
    if (p.groupInstanceId !== null) {
      const oldId = this.#staticMembers.get(p.groupInstanceId);
      if (oldId !== undefined && this.#members.has(oldId)) return this.#replaceStaticMember(oldId, newId, p, respond);
      return this.#addMemberAndRebalance(p, newId, respond);
    }
    if (p.requireKnownMemberId) {
      // Two-step join (KIP-394): the id is remembered for one session timeout.
      const t = this.#opts.timers.set(p.sessionTimeoutMs, () => {
        this.#pendingMembers.delete(newId);
        if (this.#state === 'PreparingRebalance') this.#maybeCompleteJoin();
      });
      this.#pendingMembers.set(newId, t);
      respond(this.#errorJoin('MEMBER_ID_REQUIRED', newId));
      return;
    }
    this.#addMemberAndRebalance(p, newId, respond);
  }

  #joinKnown(member: Member, p: JoinParams, respond: (r: JoinResult) => void): void {
    switch (this.#state) {
      case 'PreparingRebalance':
        this.#updateMember(member, p, respond);
        this.#maybeCompleteJoin();
        return;
      case 'CompletingRebalance':
        if (sameProtocols(member.protocols, p.protocols)) {
          // A retried join of this generation: answer it again (the leader gets the members again).
          respond(this.#joinResultFor(member.memberId));
          return;
        }
        this.#updateMember(member, p, respond);
        this.#prepareRebalance();
        return;
      case 'Stable':
        if (member.memberId === this.#leaderId || !sameProtocols(member.protocols, p.protocols)) {
          // The leader rejoining means it wants a new assignment (e.g. its metadata changed).
          this.#updateMember(member, p, respond);
          this.#prepareRebalance();
          return;
        }
        this.#touchSession(member);
        respond(this.#joinResultFor(member.memberId));
        return;
      case 'Empty':
      case 'Dead':
        respond(this.#errorJoin('UNKNOWN_MEMBER_ID', p.memberId));
        return;
    }
  }

  #addMemberAndRebalance(p: JoinParams, memberId: string, respond: (r: JoinResult) => void): void {
    const member: Member = {
      memberId,
      groupInstanceId: p.groupInstanceId,
      clientId: p.clientId,
      clientHost: p.clientHost,
      sessionTimeoutMs: p.sessionTimeoutMs,
      rebalanceTimeoutMs: p.rebalanceTimeoutMs,
      protocolType: p.protocolType,
      protocols: p.protocols,
      assignment: EMPTY,
      awaitingJoin: respond,
      awaitingSync: null,
      sessionTimer: null,
    };
    if (this.#members.size === 0) this.#protocolType = p.protocolType;
    this.#members.set(memberId, member);
    this.#audit('group member joined', { member: memberId, groupInstanceId: p.groupInstanceId, clientId: p.clientId, clientHost: p.clientHost });
    if (p.groupInstanceId !== null) this.#staticMembers.set(p.groupInstanceId, memberId);
    if (this.#leaderId === null) this.#leaderId = memberId;
    this.#scheduleSession(member);
    if (this.#state === 'PreparingRebalance') {
      this.#extendInitialDelay();
      this.#maybeCompleteJoin();
    } else {
      this.#prepareRebalance();
    }
  }

  /**
   * A static member restarted with the same group.instance.id (KIP-345): its new member id
   * replaces the old one. In Stable with the same protocols the group keeps its generation and
   * assignment, so nobody else rebalances.
   */
  #replaceStaticMember(oldId: string, newId: string, p: JoinParams, respond: (r: JoinResult) => void): void {
    const old = this.#members.get(oldId)!;
    if (old.awaitingJoin !== null) old.awaitingJoin(this.#errorJoin('FENCED_INSTANCE_ID', oldId));
    if (old.awaitingSync !== null) old.awaitingSync(this.#errorSync('FENCED_INSTANCE_ID'));
    this.#opts.timers.clear(old.sessionTimer);
    this.#members.delete(oldId);
    const member: Member = {
      ...old,
      memberId: newId,
      clientId: p.clientId,
      clientHost: p.clientHost,
      sessionTimeoutMs: p.sessionTimeoutMs,
      rebalanceTimeoutMs: p.rebalanceTimeoutMs,
      protocols: p.protocols,
      awaitingJoin: null,
      awaitingSync: null,
      sessionTimer: null,
    };
    this.#members.set(newId, member);
    this.#staticMembers.set(p.groupInstanceId!, newId);
    this.#audit('group static member replaced', { member: newId, replaced: oldId, groupInstanceId: p.groupInstanceId, clientId: p.clientId, clientHost: p.clientHost });
    if (this.#leaderId === oldId) this.#leaderId = newId;
    this.#scheduleSession(member);

    // As Kafka: no rebalance when the group would still pick the same protocol. The subscription
    // metadata itself may differ (a restarted client reports no owned partitions yet).
    if (this.#state === 'Stable' && this.#selectProtocol() === this.#protocolName) {
      void this.#opts.onPersist(this.snapshot()).then((error) => {
        if (error !== 'NONE') {
          respond(this.#errorJoin(error, newId));
          return;
        }
        const r = this.#joinResultFor(newId);
        respond({ ...r, skipAssignment: newId === this.#leaderId });
      });
      return;
    }
    member.awaitingJoin = respond;
    if (this.#state === 'PreparingRebalance') this.#maybeCompleteJoin();
    else this.#prepareRebalance();
  }

  #updateMember(member: Member, p: JoinParams, respond: (r: JoinResult) => void): void {
    member.protocols = p.protocols;
    member.sessionTimeoutMs = p.sessionTimeoutMs;
    member.rebalanceTimeoutMs = p.rebalanceTimeoutMs;
    member.clientId = p.clientId;
    member.clientHost = p.clientHost;
    // A second join from the same member replaces the first (the client gave up on it).
    member.awaitingJoin = respond;
    this.#touchSession(member);
  }

  // ---------------------------------------------------------------------------------------------
  // Rebalance

  #prepareRebalance(): void {
    if (this.#state === 'CompletingRebalance') {
      for (const m of this.#members.values()) {
        m.assignment = EMPTY;
        if (m.awaitingSync !== null) {
          const cb = m.awaitingSync;
          m.awaitingSync = null;
          cb(this.#errorSync('REBALANCE_IN_PROGRESS'));
        }
      }
    }
    const wasEmpty = this.#state === 'Empty';
    this.#audit('group rebalance started', { members: this.#members.size });
    this.#setState('PreparingRebalance');
    this.#opts.timers.clear(this.#rebalanceTimer);
    const rebalanceTimeoutMs = this.#rebalanceTimeoutMs();
    if (wasEmpty && this.#opts.initialRebalanceDelayMs > 0) {
      // Initial delay: wait a little for more members so the first generation is not churned by
      // each consumer of a starting fleet; each new member extends the wait, up to the timeout.
      const delayMs = Math.min(this.#opts.initialRebalanceDelayMs, rebalanceTimeoutMs);
      this.#initialDelayDeadlineMs = this.#opts.timers.now() + rebalanceTimeoutMs;
      this.#rebalanceTimer = this.#opts.timers.set(delayMs, () => this.#completeJoin());
      return;
    }
    this.#initialDelayDeadlineMs = 0;
    this.#rebalanceTimer = this.#opts.timers.set(rebalanceTimeoutMs, () => this.#completeJoin());
    this.#maybeCompleteJoin();
  }

  #extendInitialDelay(): void {
    if (this.#initialDelayDeadlineMs === 0) return;
    const nowMs = this.#opts.timers.now();
    const remainingMs = this.#initialDelayDeadlineMs - nowMs;
    if (remainingMs <= 0) return;
    this.#opts.timers.clear(this.#rebalanceTimer);
    this.#rebalanceTimer = this.#opts.timers.set(Math.min(this.#opts.initialRebalanceDelayMs, remainingMs), () => this.#completeJoin());
  }

  #rebalanceTimeoutMs(): number {
    let ms = 0;
    for (const m of this.#members.values()) ms = Math.max(ms, m.rebalanceTimeoutMs);
    return ms;
  }

  #maybeCompleteJoin(): void {
    if (this.#state !== 'PreparingRebalance' || this.#initialDelayDeadlineMs !== 0) return;
    if (this.#pendingMembers.size > 0) return;
    for (const m of this.#members.values()) if (m.awaitingJoin === null) return;
    this.#completeJoin();
  }

  #completeJoin(): void {
    if (this.#state !== 'PreparingRebalance') return;
    this.#opts.timers.clear(this.#rebalanceTimer);
    this.#rebalanceTimer = null;
    this.#initialDelayDeadlineMs = 0;
    // Dynamic members that did not rejoin in time leave; static ones keep their place.
    for (const m of [...this.#members.values()]) {
      if (m.awaitingJoin === null && m.groupInstanceId === null) this.#removeMember(m);
    }
    if (this.#members.size === 0) {
      this.#generationId++;
      this.#protocolName = null;
      this.#leaderId = null;
      this.#setState('Empty');
      this.#audit('group rebalance ended with no members: group empty', { members: 0 });
      void this.#opts.onPersist(this.snapshot());
      return;
    }
    if (this.#leaderId === null || !this.#members.has(this.#leaderId) || this.#members.get(this.#leaderId)!.awaitingJoin === null) {
      const joined = [...this.#members.values()].find((m) => m.awaitingJoin !== null);
      this.#leaderId = (joined ?? this.#members.values().next().value!).memberId;
    }
    this.#generationId++;
    this.#protocolName = this.#selectProtocol();
    this.#setState('CompletingRebalance');
    this.#audit('group generation formed', { leader: this.#leaderId, protocol: this.#protocolName, members: this.#members.size });
    for (const m of this.#members.values()) {
      if (m.awaitingJoin !== null) {
        const cb = m.awaitingJoin;
        m.awaitingJoin = null;
        this.#touchSession(m);
        cb(this.#joinResultFor(m.memberId));
      }
    }
  }

  /** Each member votes for its most preferred protocol among those every member supports. */
  #selectProtocol(): string {
    const all = [...this.#members.values()];
    const candidates = all[0]!.protocols.map((p) => p.name).filter((name) => all.every((m) => m.protocols.some((p) => p.name === name)));
    const votes = new Map<string, number>();
    for (const m of all) {
      const choice = m.protocols.find((p) => candidates.includes(p.name))!.name;
      votes.set(choice, (votes.get(choice) ?? 0) + 1);
    }
    let best = candidates[0]!;
    for (const c of candidates) if ((votes.get(c) ?? 0) > (votes.get(best) ?? 0)) best = c;
    return best;
  }

  #supportsProtocols(protocolType: string, protocols: ProtocolMetadata[]): boolean {
    if (this.#members.size === 0) return true;
    if (protocolType !== this.#protocolType) return false;
    // Some protocol the joiner offers must be offered by every current member.
    return protocols.some((p) => [...this.#members.values()].every((m) => m.protocols.some((q) => q.name === p.name)));
  }

  #joinResultFor(memberId: string): JoinResult {
    const isLeader = memberId === this.#leaderId;
    return {
      error: 'NONE',
      generationId: this.#generationId,
      protocolType: this.#protocolType,
      protocolName: this.#protocolName,
      leaderId: this.#leaderId ?? '',
      memberId,
      members: isLeader
        ? [...this.#members.values()].map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            metadata: m.protocols.find((p) => p.name === this.#protocolName)?.metadata ?? EMPTY,
          }))
        : [],
      skipAssignment: false,
    };
  }

  #errorJoin(error: GroupError, memberId: string): JoinResult {
    return {
      error,
      generationId: -1,
      protocolType: null,
      protocolName: null,
      leaderId: '',
      memberId,
      members: [],
      skipAssignment: false,
    };
  }

  #errorSync(error: GroupError): SyncResult {
    return { error, protocolType: null, protocolName: null, assignment: EMPTY };
  }

  // ---------------------------------------------------------------------------------------------
  // SyncGroup, Heartbeat, LeaveGroup

  /** The checks SyncGroup, Heartbeat and OffsetCommit share (Kafka's validation order). */
  #validateMember(memberId: string, groupInstanceId: string | null, generationId: number): GroupError {
    if (this.#state === 'Dead') return 'COORDINATOR_NOT_AVAILABLE';
    if (groupInstanceId !== null) {
      const owner = this.#staticMembers.get(groupInstanceId);
      if (owner !== undefined && owner !== memberId) return 'FENCED_INSTANCE_ID';
    }
    if (!this.#members.has(memberId)) return 'UNKNOWN_MEMBER_ID';
    if (generationId !== this.#generationId) return 'ILLEGAL_GENERATION';
    return 'NONE';
  }

  sync(p: SyncParams, respond: (r: SyncResult) => void): void {
    const error = this.#validateMember(p.memberId, p.groupInstanceId, p.generationId);
    if (error !== 'NONE') return respond(this.#errorSync(error));
    if ((p.protocolType !== null && p.protocolType !== this.#protocolType) || (p.protocolName !== null && p.protocolName !== this.#protocolName)) {
      return respond(this.#errorSync('INCONSISTENT_GROUP_PROTOCOL'));
    }
    const member = this.#members.get(p.memberId)!;
    switch (this.#state) {
      case 'PreparingRebalance':
        return respond(this.#errorSync('REBALANCE_IN_PROGRESS'));
      case 'Stable':
        this.#touchSession(member);
        return respond(this.#syncResult(member));
      case 'CompletingRebalance': {
        member.awaitingSync = respond;
        this.#touchSession(member);
        if (p.memberId !== this.#leaderId) return;
        const assignments = new Map(p.assignments.map((a) => [a.memberId, a.assignment]));
        const generation = this.#generationId;
        for (const m of this.#members.values()) m.assignment = assignments.get(m.memberId) ?? EMPTY;
        // Persisted as Stable: that is the state this write moves the group into.
        void this.#opts.onPersist({ ...this.snapshot(), state: 'Stable' }).then((persistError) => {
          // The group may have moved on (a member left) while the write was in flight.
          if (this.#state !== 'CompletingRebalance' || this.#generationId !== generation) return;
          if (persistError !== 'NONE') {
            for (const m of this.#members.values()) {
              m.assignment = EMPTY;
              if (m.awaitingSync !== null) {
                const cb = m.awaitingSync;
                m.awaitingSync = null;
                cb(this.#errorSync(persistError));
              }
            }
            this.#prepareRebalance();
            return;
          }
          this.#setState('Stable');
          for (const m of this.#members.values()) {
            if (m.awaitingSync !== null) {
              const cb = m.awaitingSync;
              m.awaitingSync = null;
              cb(this.#syncResult(m));
            }
          }
        });
        return;
      }
      case 'Empty':
      case 'Dead':
        return respond(this.#errorSync('UNKNOWN_MEMBER_ID'));
    }
  }

  #syncResult(m: Member): SyncResult {
    return { error: 'NONE', protocolType: this.#protocolType, protocolName: this.#protocolName, assignment: m.assignment };
  }

  heartbeat(memberId: string, groupInstanceId: string | null, generationId: number): GroupError {
    if (this.#state === 'Empty') return 'UNKNOWN_MEMBER_ID';
    const error = this.#validateMember(memberId, groupInstanceId, generationId);
    if (error !== 'NONE') return error;
    this.#touchSession(this.#members.get(memberId)!);
    return this.#state === 'PreparingRebalance' ? 'REBALANCE_IN_PROGRESS' : 'NONE';
  }

  /** Whether an OffsetCommit with this member/generation may commit (Kafka's rules). */
  validateCommit(memberId: string, groupInstanceId: string | null, generationId: number): GroupError {
    if (this.#state === 'Dead') return 'COORDINATOR_NOT_AVAILABLE';
    // A consumer outside any group (generation -1) may commit only while nobody is a member.
    if (generationId < 0 && this.#state === 'Empty') return 'NONE';
    const error = this.#validateMember(memberId, groupInstanceId, generationId);
    if (error !== 'NONE') return error;
    // Between join and sync the assignment is not known yet: the member must finish syncing first.
    if (this.#state === 'CompletingRebalance') return 'REBALANCE_IN_PROGRESS';
    this.#touchSession(this.#members.get(memberId)!);
    return 'NONE';
  }

  /**
   * LeaveGroup for one member (v3+ sends several). A static member may leave by instance id alone
   * (memberId ''); a member id that does not own the instance id is fenced.
   */
  leave(memberId: string, groupInstanceId: string | null): { error: GroupError; memberId: string } {
    if (this.#state === 'Dead') return { error: 'COORDINATOR_NOT_AVAILABLE', memberId };
    let id = memberId;
    if (groupInstanceId !== null) {
      const owner = this.#staticMembers.get(groupInstanceId);
      if (owner === undefined) return { error: 'UNKNOWN_MEMBER_ID', memberId };
      if (memberId !== '' && owner !== memberId) return { error: 'FENCED_INSTANCE_ID', memberId };
      id = owner;
    }
    if (this.#pendingMembers.has(id)) {
      this.#opts.timers.clear(this.#pendingMembers.get(id)!);
      this.#pendingMembers.delete(id);
      this.#maybeCompleteJoin();
      return { error: 'NONE', memberId: id };
    }
    const member = this.#members.get(id);
    if (member === undefined) return { error: 'UNKNOWN_MEMBER_ID', memberId };
    this.#memberGone(member, 'left');
    return { error: 'NONE', memberId: id };
  }

  /** Removes a member that left or expired, and rebalances the rest. */
  #memberGone(member: Member, why: 'left' | 'session expired'): void {
    this.#audit(`group member ${why}`, { member: member.memberId, groupInstanceId: member.groupInstanceId, clientId: member.clientId, clientHost: member.clientHost });
    if (member.awaitingJoin !== null) member.awaitingJoin(this.#errorJoin('UNKNOWN_MEMBER_ID', member.memberId));
    if (member.awaitingSync !== null) member.awaitingSync(this.#errorSync('UNKNOWN_MEMBER_ID'));
    this.#removeMember(member);
    switch (this.#state) {
      case 'Stable':
      case 'CompletingRebalance':
        this.#prepareRebalance();
        break;
      case 'PreparingRebalance':
        if (this.#members.size === 0 && this.#initialDelayDeadlineMs !== 0) this.#initialDelayDeadlineMs = 0;
        this.#maybeCompleteJoin();
        break;
      default:
        break;
    }
  }

  #removeMember(member: Member): void {
    this.#opts.timers.clear(member.sessionTimer);
    member.awaitingJoin = null;
    member.awaitingSync = null;
    this.#members.delete(member.memberId);
    if (member.groupInstanceId !== null && this.#staticMembers.get(member.groupInstanceId) === member.memberId) {
      this.#staticMembers.delete(member.groupInstanceId);
    }
    if (this.#leaderId === member.memberId) {
      const next = this.#members.values().next();
      this.#leaderId = next.done === true ? null : next.value.memberId;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions, deletion

  #scheduleSession(member: Member): void {
    this.#opts.timers.clear(member.sessionTimer);
    member.sessionTimer = this.#opts.timers.set(member.sessionTimeoutMs, () => {
      member.sessionTimer = null;
      if (this.#members.get(member.memberId) !== member) return;
      // A member parked in a join or sync is alive; the rebalance timeout governs it instead.
      if (member.awaitingJoin !== null || member.awaitingSync !== null) return this.#scheduleSession(member);
      this.#memberGone(member, 'session expired');
    });
  }

  #touchSession(member: Member): void {
    this.#scheduleSession(member);
  }

  /** Every audit line names the group, its generation and state at that moment. */
  #audit(message: string, fields: Record<string, unknown>): void {
    this.#opts.onAudit?.(message, { group: this.groupId, generation: this.#generationId, state: this.#state, ...fields });
  }

  #setState(state: GroupState): void {
    this.#state = state;
    this.#stateTimestampMs = this.#opts.timers.now();
  }

  /** Marks the group Dead (deleted or expired) and cancels every timer it owns. */
  markDead(): void {
    for (const m of [...this.#members.values()]) this.#removeMember(m);
    for (const t of this.#pendingMembers.values()) this.#opts.timers.clear(t);
    this.#pendingMembers.clear();
    this.#opts.timers.clear(this.#rebalanceTimer);
    this.#rebalanceTimer = null;
    this.#setState('Dead');
  }

  /** Cancels timers without changing the persisted state (coordinator shutdown). */
  shutdown(): void {
    for (const m of this.#members.values()) {
      this.#opts.timers.clear(m.sessionTimer);
      m.sessionTimer = null;
    }
    for (const t of this.#pendingMembers.values()) this.#opts.timers.clear(t);
    this.#opts.timers.clear(this.#rebalanceTimer);
  }
}
