/**
 * The group coordinator of one node: owns the Group state machines and the OffsetStore of every
 * group whose `__consumer_offsets` partition this node leads, routes the group APIs to them, and
 * loads their state by replaying those partitions on start.
 *
 * Lifecycle: construct → start() (replays; requests meanwhile get COORDINATOR_LOAD_IN_PROGRESS) →
 * serve → stop() (cancels timers; everything acknowledged is already in the log).
 *
 * Wire-agnostic on purpose: the handlers in api/ translate requests into these calls and the
 * GroupError names into Kafka codes.
 */
import type { GroupError } from './errors.js';
import { Group } from './group.js';
import type { GroupSnapshot, GroupState, JoinParams, JoinResult, MemberSnapshot, SyncParams, SyncResult } from './group.js';
import type { GroupLog, GroupLogPartition, LogRecord } from './group-log.js';
import { decodeGroupValue, decodeKey, decodeOffsetValue, groupKey, groupPartition, groupValue, offsetKey, offsetValue } from './log-records.js';
import { WriteGate } from './write-gate.js';
import { OffsetStore } from './offsets.js';
import type { CommittedEntry, OffsetCommitEntry, TopicPartition } from './offsets.js';
import { subscribedTopics } from './consumer-protocol.js';
import type { Timers } from './timers.js';

export interface CoordinatorConfig {
  /** Partitions of `__consumer_offsets` (Kafka's offsets.topic.num.partitions, 50 there). */
  offsetsPartitionCount: number;
  /** group.initial.rebalance.delay.ms: how long a new group waits for more members. */
  initialRebalanceDelayMs: number;
  /** group.min/max.session.timeout.ms: outside this a join gets INVALID_SESSION_TIMEOUT. */
  sessionTimeoutMsMin: number;
  sessionTimeoutMsMax: number;
  /** offsets.retention.minutes in ms: how long offsets of an empty group are kept. */
  offsetsRetentionMs: number;
  /** offsets.retention.check.interval.ms. */
  offsetsRetentionCheckIntervalMs: number;
  /** offset.metadata.max.bytes: longer commit metadata gets OFFSET_METADATA_TOO_LARGE. */
  offsetMetadataBytesMax: number;
  /**
   * Compact an offsets partition (snapshot the live state, drop the log below it) once it holds
   * at least this many records and more than twice its live keys; checked with the expiry.
   */
  compactionRecordsMin: number;
}

export const DEFAULT_COORDINATOR_CONFIG: CoordinatorConfig = {
  offsetsPartitionCount: 8,
  initialRebalanceDelayMs: 3000,
  sessionTimeoutMsMin: 6000,
  sessionTimeoutMsMax: 1_800_000,
  offsetsRetentionMs: 7 * 24 * 60 * 60 * 1000,
  offsetsRetentionCheckIntervalMs: 600_000,
  offsetMetadataBytesMax: 4096,
  compactionRecordsMin: 10_000,
};

/** Bytes of records per batch in a compaction snapshot: well under max.message.bytes (1 MiB). */
const SNAPSHOT_BATCH_BYTES_MAX = 256 * 1024;

export interface GroupListing {
  groupId: string;
  protocolType: string;
  state: GroupState;
}

export interface GroupDescription {
  groupId: string;
  state: GroupState | 'Dead';
  protocolType: string;
  protocolName: string;
  generationId: number;
  leaderId: string | null;
  members: MemberSnapshot[];
}

export interface CoordinatorLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export class GroupCoordinator {
  readonly config: CoordinatorConfig;
  readonly offsets: OffsetStore;
  #groups = new Map<string, Group>();
  /** The last durable group value per group: what a compaction snapshot rewrites. */
  #persistedGroups = new Map<string, Buffer>();
  #gates = new Map<number, WriteGate>();
  #log: GroupLog;
  #timers: Timers;
  #loaded = false;
  #stopped = false;
  #expiryTimer: ReturnType<Timers['set']> | null = null;
  #logger: CoordinatorLogger | null;

  constructor(opts: { log: GroupLog; timers: Timers; config: CoordinatorConfig; logger?: CoordinatorLogger }) {
    this.config = opts.config;
    this.#log = opts.log;
    this.#timers = opts.timers;
    this.#logger = opts.logger ?? null;
    this.offsets = new OffsetStore({ metadataBytesMax: opts.config.offsetMetadataBytesMax });
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  partitionFor(groupId: string): number {
    return groupPartition(groupId, this.#log.partitionCount);
  }

  #logFor(groupId: string): GroupLogPartition {
    return this.#log.partition(this.partitionFor(groupId));
  }

  /** Every write to a group's partition runs through its gate (see write-gate.ts). */
  #gateFor(groupId: string): WriteGate {
    return this.#gate(this.partitionFor(groupId));
  }

  #gate(partition: number): WriteGate {
    let g = this.#gates.get(partition);
    if (g === undefined) this.#gates.set(partition, (g = new WriteGate()));
    return g;
  }

  /** Replays every offsets partition and rebuilds groups and offsets from the latest records. */
  async start(): Promise<void> {
    const snapshots = new Map<string, GroupSnapshot>();
    for (let p = 0; p < this.#log.partitionCount; p++) {
      await this.#log.partition(p).replay((r) => {
        const key = decodeKey(r.key);
        if (key.kind === 'offset') {
          this.offsets.apply(key.groupId, key.topic, key.partition, r.value === null ? null : decodeOffsetValue(r.value));
        } else if (key.kind === 'group') {
          if (r.value === null) {
            snapshots.delete(key.groupId);
            this.#persistedGroups.delete(key.groupId);
          } else {
            snapshots.set(key.groupId, decodeGroupValue(key.groupId, r.value));
            this.#persistedGroups.set(key.groupId, r.value);
          }
        }
      });
    }
    for (const s of snapshots.values()) this.#groups.set(s.groupId, Group.restore(s, this.#groupOptions(s.groupId)));
    for (const groupId of this.offsets.groupIds()) this.#getOrCreate(groupId);
    this.#loaded = true;
    this.#logger?.info({ groups: this.#groups.size }, 'group coordinator loaded');
    this.#scheduleExpiry();
    // A long log replayed slowly this time; shorten it for the next start.
    void this.compactIfNeeded().catch((err: unknown) => this.#logger?.warn({ err }, 'offsets compaction failed'));
  }

  stop(): void {
    this.#stopped = true;
    this.#timers.clear(this.#expiryTimer);
    for (const g of this.#groups.values()) g.shutdown();
  }

  /** NONE when this node coordinates the group now, or the error a client should retry on. */
  coordinatorError(groupId: string): GroupError {
    if (groupId === '') return 'INVALID_GROUP_ID';
    if (!this.#loaded) return 'COORDINATOR_LOAD_IN_PROGRESS';
    if (this.#stopped) return 'COORDINATOR_NOT_AVAILABLE';
    if (!this.#logFor(groupId).isLeader()) return 'NOT_COORDINATOR';
    return 'NONE';
  }

  #groupOptions(groupId: string) {
    return {
      timers: this.#timers,
      initialRebalanceDelayMs: this.config.initialRebalanceDelayMs,
      onPersist: (s: GroupSnapshot) => this.#persistGroup(groupId, s),
      onAudit: (message: string, fields: Record<string, unknown>) => this.audit(message, fields),
    };
  }

  /**
   * The audit trail an operator reads to answer "who joined, why did it rebalance, who deleted or
   * moved this group's offsets": one info line per change, naming the group.
   */
  audit(message: string, fields: Record<string, unknown>): void {
    this.#logger?.info(fields, message);
  }

  #persistGroup(groupId: string, s: GroupSnapshot): Promise<GroupError> {
    const value = groupValue(s);
    return this.#gateFor(groupId).run(async () => {
      const error = await this.#logFor(groupId).append([{ key: groupKey(groupId), value, timestampMs: this.#timers.now() }]);
      if (error === 'NONE') this.#persistedGroups.set(groupId, value);
      return error;
    });
  }

  #getOrCreate(groupId: string): Group {
    let g = this.#groups.get(groupId);
    if (g === undefined) {
      g = new Group(groupId, this.#groupOptions(groupId));
      this.#groups.set(groupId, g);
    }
    return g;
  }

  group(groupId: string): Group | null {
    return this.#groups.get(groupId) ?? null;
  }

  // ---------------------------------------------------------------------------------------------
  // Membership

  join(groupId: string, p: JoinParams): Promise<JoinResult> {
    const fail = (error: GroupError): Promise<JoinResult> =>
      Promise.resolve({ error, generationId: -1, protocolType: null, protocolName: null, leaderId: '', memberId: p.memberId, members: [], skipAssignment: false });
    const error = this.coordinatorError(groupId);
    if (error !== 'NONE') return fail(error);
    if (p.sessionTimeoutMs < this.config.sessionTimeoutMsMin || p.sessionTimeoutMs > this.config.sessionTimeoutMsMax) {
      return fail('INVALID_SESSION_TIMEOUT');
    }
    const g = this.#getOrCreate(groupId);
    return new Promise((resolve) => g.join(p, resolve));
  }

  sync(groupId: string, p: SyncParams): Promise<SyncResult> {
    const error = this.coordinatorError(groupId);
    const g = this.#groups.get(groupId);
    const fail = (e: GroupError): Promise<SyncResult> => Promise.resolve({ error: e, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) });
    if (error !== 'NONE') return fail(error);
    if (g === undefined) return fail('UNKNOWN_MEMBER_ID');
    return new Promise((resolve) => g.sync(p, resolve));
  }

  heartbeat(groupId: string, memberId: string, groupInstanceId: string | null, generationId: number): GroupError {
    const error = this.coordinatorError(groupId);
    if (error !== 'NONE') return error;
    const g = this.#groups.get(groupId);
    if (g === undefined) return 'UNKNOWN_MEMBER_ID';
    return g.heartbeat(memberId, groupInstanceId, generationId);
  }

  leave(groupId: string, members: { memberId: string; groupInstanceId: string | null }[]): { error: GroupError; members: { memberId: string; groupInstanceId: string | null; error: GroupError }[] } {
    const error = this.coordinatorError(groupId);
    if (error !== 'NONE') return { error, members: [] };
    const g = this.#groups.get(groupId);
    return {
      error: 'NONE',
      members: members.map((m) => ({ ...m, error: g === undefined ? 'UNKNOWN_MEMBER_ID' : g.leave(m.memberId, m.groupInstanceId).error })),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Offsets

  /**
   * OffsetCommit. A consumer outside any group commits with generation -1 and an empty member id;
   * that is accepted while the group has no members (the group is created Empty if needed).
   */
  async commitOffsets(groupId: string, memberId: string, groupInstanceId: string | null, generationId: number, entries: OffsetCommitEntry[]): Promise<GroupError[]> {
    let error = this.coordinatorError(groupId);
    if (error === 'NONE') {
      const g = this.#groups.get(groupId);
      if (g === undefined) error = generationId < 0 ? 'NONE' : 'ILLEGAL_GENERATION';
      else error = g.validateCommit(memberId, groupInstanceId, generationId);
    }
    if (error !== 'NONE') return entries.map(() => error);
    this.#getOrCreate(groupId);
    return this.#gateFor(groupId).run(() => this.offsets.commit(this.#logFor(groupId), groupId, entries, this.#timers.now()));
  }

  /** OffsetFetch: committed offsets of the group (of the given topics, or all when null). */
  fetchOffsets(groupId: string, topics: string[] | null): { error: GroupError; entries: CommittedEntry[] } {
    const error = this.coordinatorError(groupId);
    if (error !== 'NONE') return { error, entries: [] };
    return { error: 'NONE', entries: this.offsets.fetch(groupId, topics) };
  }

  /** OffsetDelete: only for partitions of topics no current member subscribes to. */
  async deleteOffsets(groupId: string, partitions: TopicPartition[]): Promise<{ error: GroupError; partitions: { topic: string; partition: number; error: GroupError }[] }> {
    const error = this.coordinatorError(groupId);
    if (error !== 'NONE') return { error, partitions: [] };
    const g = this.#groups.get(groupId);
    if (g === undefined || g.state === 'Dead') return { error: 'GROUP_ID_NOT_FOUND', partitions: [] };
    const subscribed = this.#subscribedTopics(g);
    const deletable = partitions.filter((tp) => !subscribed.has(tp.topic));
    const appendError = await this.#gateFor(groupId).run(() => this.offsets.delete(this.#logFor(groupId), groupId, deletable, this.#timers.now()));
    if (appendError === 'NONE' && deletable.length > 0) this.audit('group offsets deleted', { group: groupId, generation: g.generationId, partitions: deletable });
    return {
      error: appendError,
      partitions: partitions.map((tp) => ({ ...tp, error: subscribed.has(tp.topic) ? 'GROUP_SUBSCRIBED_TO_TOPIC' : 'NONE' })),
    };
  }

  #subscribedTopics(g: Group): Set<string> {
    const topics = new Set<string>();
    if (g.state === 'Empty' || g.protocolType !== 'consumer') return topics;
    for (const m of g.members()) {
      const p = m.protocols.find((x) => x.name === g.protocolName) ?? m.protocols[0];
      if (p !== undefined) for (const topic of subscribedTopics(p.metadata)) topics.add(topic);
    }
    return topics;
  }

  // ---------------------------------------------------------------------------------------------
  // Listing, describing, deleting

  list(statesFilter: string[] | null): GroupListing[] {
    if (!this.#loaded) return [];
    const wanted = statesFilter === null || statesFilter.length === 0 ? null : new Set(statesFilter.map((s) => s.toLowerCase()));
    return [...this.#groups.values()]
      .filter((g) => g.state !== 'Dead' && this.#logFor(g.groupId).isLeader())
      .filter((g) => wanted === null || wanted.has(g.state.toLowerCase()))
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '', state: g.state }));
  }

  describe(groupId: string): { error: GroupError; group: GroupDescription } {
    const error = this.coordinatorError(groupId);
    const g = this.#groups.get(groupId);
    const dead: GroupDescription = { groupId, state: 'Dead', protocolType: '', protocolName: '', generationId: -1, leaderId: null, members: [] };
    if (error !== 'NONE') return { error, group: dead };
    if (g === undefined) return { error: 'NONE', group: dead };
    return {
      error: 'NONE',
      group: {
        groupId,
        state: g.state,
        protocolType: g.protocolType ?? '',
        // Kafka reports the protocol only once the group has settled on one.
        protocolName: g.state === 'Stable' || g.state === 'CompletingRebalance' ? (g.protocolName ?? '') : '',
        generationId: g.generationId,
        leaderId: g.leaderId,
        members: g.state === 'Dead' ? [] : g.members(),
      },
    };
  }

  /** DeleteGroups: only groups without members; tombstones their offsets and metadata. */
  async deleteGroup(groupId: string): Promise<GroupError> {
    const error = this.coordinatorError(groupId);
    if (error !== 'NONE') return error;
    const g = this.#groups.get(groupId);
    if (g === undefined || g.state === 'Dead') return 'GROUP_ID_NOT_FOUND';
    if (g.state !== 'Empty') return 'NON_EMPTY_GROUP';
    return this.#removeGroup(g, 'DeleteGroups request');
  }

  #removeGroup(g: Group, reason: string): Promise<GroupError> {
    return this.#gateFor(g.groupId).run(async () => {
      const log = this.#logFor(g.groupId);
      const nowMs = this.#timers.now();
      const offsetsError = await this.offsets.delete(log, g.groupId, null, nowMs);
      if (offsetsError !== 'NONE') return offsetsError;
      const error = await log.append([{ key: groupKey(g.groupId), value: null, timestampMs: nowMs }]);
      if (error !== 'NONE') return error;
      this.#persistedGroups.delete(g.groupId);
      this.audit('group deleted', { group: g.groupId, generation: g.generationId, reason });
      g.markDead();
      this.#groups.delete(g.groupId);
      return 'NONE';
    });
  }

  /**
   * A topic was deleted: its committed offsets go too (as in Kafka), so a topic re-created under
   * the same name starts from the reset policy instead of stale positions.
   */
  async forgetTopic(topic: string): Promise<number> {
    let removed = 0;
    const nowMs = this.#timers.now();
    for (const groupId of this.offsets.groupIds()) {
      const doomed = this.offsets.fetch(groupId, [topic]).map(({ partition }) => ({ topic, partition }));
      if (doomed.length === 0 || !this.#logFor(groupId).isLeader()) continue;
      const error = await this.#gateFor(groupId).run(() => this.offsets.delete(this.#logFor(groupId), groupId, doomed, nowMs));
      if (error === 'NONE') removed += doomed.length;
    }
    return removed;
  }

  // ---------------------------------------------------------------------------------------------
  // Expiry

  #scheduleExpiry(): void {
    if (this.#stopped) return;
    this.#expiryTimer = this.#timers.set(this.config.offsetsRetentionCheckIntervalMs, () => {
      void this.expireOffsets()
        .then(() => this.compactIfNeeded())
        .finally(() => this.#scheduleExpiry());
    });
  }

  /** Deletes expired offsets of empty groups, and empty groups left with no offsets. */
  async expireOffsets(): Promise<number> {
    const nowMs = this.#timers.now();
    let removed = 0;
    for (const g of [...this.#groups.values()]) {
      if (g.state !== 'Empty' || !this.#logFor(g.groupId).isLeader()) continue;
      const expired = this.offsets.expired(g.groupId, g.stateTimestampMs, nowMs, this.config.offsetsRetentionMs);
      if (expired.length > 0) {
        const error = await this.#gateFor(g.groupId).run(() => this.offsets.delete(this.#logFor(g.groupId), g.groupId, expired, nowMs));
        if (error === 'NONE') removed += expired.length;
      }
      // As in Kafka: an empty group with nothing committed is forgotten at the next check.
      if (g.state === 'Empty' && !this.offsets.hasOffsets(g.groupId)) {
        await this.#removeGroup(g, 'empty with no committed offsets left');
      }
    }
    if (removed > 0) this.#logger?.info({ removed }, 'expired committed offsets of empty groups');
    return removed;
  }

  // ---------------------------------------------------------------------------------------------
  // Compaction

  /** Live keys (groups with a durable value, committed offsets) of one offsets partition. */
  #liveRecords(partition: number, nowMs: number): LogRecord[] {
    const records: LogRecord[] = [];
    for (const [groupId, value] of this.#persistedGroups) {
      if (this.partitionFor(groupId) === partition) records.push({ key: groupKey(groupId), value, timestampMs: nowMs });
    }
    for (const groupId of this.offsets.groupIds()) {
      if (this.partitionFor(groupId) !== partition) continue;
      for (const e of this.offsets.fetch(groupId, null)) {
        records.push({ key: offsetKey(groupId, e.topic, e.partition), value: offsetValue(e), timestampMs: nowMs });
      }
    }
    return records;
  }

  /** Compacts every partition whose log is both long and mostly superseded records. */
  async compactIfNeeded(): Promise<number> {
    let compacted = 0;
    for (let p = 0; p < this.#log.partitionCount; p++) {
      const log = this.#log.partition(p);
      const held = log.logEndOffset() - log.logStartOffset();
      if (held < this.config.compactionRecordsMin) continue;
      if (held <= 2 * this.#liveRecords(p, 0).length) continue;
      if ((await this.compactPartition(p)) !== null) compacted++;
    }
    return compacted;
  }

  /**
   * Rewrites one partition's live state after its log end, then drops everything before it. The
   * write gate keeps commits out meanwhile, so the snapshot (built from memory) holds every
   * durable record. A crash at any point replays to the same state: the snapshot only repeats
   * the latest values, and the log start moves only after the snapshot is durable.
   */
  async compactPartition(partition: number): Promise<{ recordsBefore: number; recordsAfter: number } | null> {
    const log = this.#log.partition(partition);
    if (!log.isLeader()) return null;
    return this.#gate(partition).exclusive(async () => {
      const recordsBefore = log.logEndOffset() - log.logStartOffset();
      const records = this.#liveRecords(partition, this.#timers.now());
      const snapshotStart = log.logEndOffset();
      let batch: LogRecord[] = [];
      let batchBytes = 0;
      for (const r of [...records, null]) {
        const full = r === null || batchBytes + r.key.length + (r.value?.length ?? 0) > SNAPSHOT_BATCH_BYTES_MAX;
        if (full && batch.length > 0) {
          if ((await log.append(batch)) !== 'NONE') return null;
          batch = [];
          batchBytes = 0;
        }
        if (r !== null) {
          batch.push(r);
          batchBytes += r.key.length + (r.value?.length ?? 0);
        }
      }
      if ((await log.deleteBefore(snapshotStart)) !== 'NONE') return null;
      const recordsAfter = log.logEndOffset() - log.logStartOffset();
      this.#logger?.info({ partition, recordsBefore, recordsAfter }, 'compacted an offsets partition');
      return { recordsBefore, recordsAfter };
    });
  }
}
