/**
 * Committed offsets of every group this node coordinates: in memory for reads, durable as keyed
 * records in the group's `__consumer_offsets` partition (log-records.ts). A commit is applied in
 * memory only after its records are appended, so an acknowledged commit is never forgotten and
 * an unacknowledged one is never visible.
 *
 * Expiry (Kafka's offsets.retention.minutes): offsets of a group with no members expire once
 * `retentionMs` has passed since both the group became empty and the offset was committed;
 * offsets of a group with members never expire.
 */
import type { GroupError } from './errors.js';
import type { GroupLogPartition, LogRecord } from './group-log.js';
import { offsetKey, offsetValue } from './log-records.js';
import type { CommittedOffset } from './log-records.js';

export type { CommittedOffset } from './log-records.js';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface OffsetCommitEntry extends TopicPartition {
  offset: number;
  leaderEpoch: number;
  metadata: string | null;
  /** OffsetCommit v1's per-partition commit timestamp; absent or -1 means "now", as in Kafka. */
  commitTimestampMs?: number;
}

export interface CommittedEntry extends TopicPartition, CommittedOffset {}

function tpKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

export class OffsetStore {
  /** groupId → "topic\0partition" → committed offset. */
  #byGroup = new Map<string, Map<string, CommittedEntry>>();
  readonly #metadataBytesMax: number;

  constructor(opts: { metadataBytesMax: number }) {
    this.#metadataBytesMax = opts.metadataBytesMax;
  }

  /** Applies one replayed record (load) or one just-appended record (commit). */
  apply(groupId: string, topic: string, partition: number, value: CommittedOffset | null): void {
    let m = this.#byGroup.get(groupId);
    if (value === null) {
      m?.delete(tpKey(topic, partition));
      if (m !== undefined && m.size === 0) this.#byGroup.delete(groupId);
      return;
    }
    if (m === undefined) this.#byGroup.set(groupId, (m = new Map()));
    m.set(tpKey(topic, partition), { topic, partition, ...value });
  }

  /**
   * Validates, persists and applies a commit. Per-entry errors come back in input order; an
   * entry with oversized metadata fails alone, a failed append fails all the others.
   */
  async commit(log: GroupLogPartition, groupId: string, entries: OffsetCommitEntry[], nowMs: number): Promise<GroupError[]> {
    const errors: GroupError[] = entries.map((e) =>
      e.metadata !== null && Buffer.byteLength(e.metadata, 'utf8') > this.#metadataBytesMax ? 'OFFSET_METADATA_TOO_LARGE' : 'NONE',
    );
    const records: LogRecord[] = [];
    const values: CommittedOffset[] = [];
    entries.forEach((e, i) => {
      if (errors[i] !== 'NONE') return;
      const v: CommittedOffset = { offset: e.offset, leaderEpoch: e.leaderEpoch, metadata: e.metadata ?? '', commitTimestampMs: e.commitTimestampMs !== undefined && e.commitTimestampMs >= 0 ? e.commitTimestampMs : nowMs };
      values[i] = v;
      records.push({ key: offsetKey(groupId, e.topic, e.partition), value: offsetValue(v), timestampMs: nowMs });
    });
    if (records.length === 0) return errors;
    const appendError = await log.append(records);
    return entries.map((e, i) => {
      if (errors[i] !== 'NONE') return errors[i]!;
      if (appendError !== 'NONE') return appendError;
      this.apply(groupId, e.topic, e.partition, values[i]!);
      return 'NONE';
    });
  }

  /** Writes tombstones for the given partitions (all of the group's when null) and forgets them. */
  async delete(log: GroupLogPartition, groupId: string, partitions: TopicPartition[] | null, nowMs: number): Promise<GroupError> {
    const targets = partitions ?? this.fetch(groupId, null).map(({ topic, partition }) => ({ topic, partition }));
    const present = targets.filter((tp) => this.get(groupId, tp.topic, tp.partition) !== null);
    if (present.length === 0) return 'NONE';
    const error = await log.append(present.map((tp) => ({ key: offsetKey(groupId, tp.topic, tp.partition), value: null, timestampMs: nowMs })));
    if (error !== 'NONE') return error;
    for (const tp of present) this.apply(groupId, tp.topic, tp.partition, null);
    return 'NONE';
  }

  get(groupId: string, topic: string, partition: number): CommittedEntry | null {
    return this.#byGroup.get(groupId)?.get(tpKey(topic, partition)) ?? null;
  }

  /** All committed offsets of a group, or those of the given topics; sorted by topic, partition. */
  fetch(groupId: string, topics: string[] | null): CommittedEntry[] {
    const m = this.#byGroup.get(groupId);
    if (m === undefined) return [];
    const wanted = topics === null ? null : new Set(topics);
    return [...m.values()]
      .filter((e) => wanted === null || wanted.has(e.topic))
      .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
  }

  hasOffsets(groupId: string): boolean {
    return (this.#byGroup.get(groupId)?.size ?? 0) > 0;
  }

  groupIds(): string[] {
    return [...this.#byGroup.keys()];
  }

  /** Offsets due to expire at nowMs for a group that has been empty since emptySinceMs. */
  expired(groupId: string, emptySinceMs: number, nowMs: number, retentionMs: number): TopicPartition[] {
    const m = this.#byGroup.get(groupId);
    if (m === undefined) return [];
    return [...m.values()]
      .filter((e) => Math.max(e.commitTimestampMs, emptySinceMs) + retentionMs <= nowMs)
      .map(({ topic, partition }) => ({ topic, partition }));
  }
}
