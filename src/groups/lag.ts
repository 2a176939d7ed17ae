/**
 * Consumer lag: for each partition a group has committed to or is assigned, the committed offset
 * against the partition's high watermark (the end of committed data, which is what consumers can
 * read). lag = highWatermark - committedOffset, never negative; null when either side is unknown
 * (nothing committed yet, or the partition no longer exists). The admin API and metrics read this.
 */
import { assignedPartitions } from './consumer-protocol.js';
import type { GroupCoordinator } from './coordinator.js';

/** What lag and offset resets need to know about data partitions; the broker supplies it. */
export interface PartitionOffsetsSource {
  /** null when the partition does not exist here. */
  highWatermark(topic: string, partition: number): number | null;
  logStartOffset(topic: string, partition: number): number | null;
  /** First offset whose timestamp is >= timestampMs, the high watermark when none is. */
  offsetForTimestamp(topic: string, partition: number, timestampMs: number): Promise<number | null>;
  /** Timestamp of the first committed record at or after `offset`; null when there is none. */
  recordTimestampFrom(topic: string, partition: number, offset: number): Promise<number | null>;
  /** Partition ids of a topic, null when the topic does not exist. */
  partitionIds(topic: string): number[] | null;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  committedOffset: number | null;
  highWatermark: number | null;
  lag: number | null;
  /** The member the partition is assigned to in the current generation, if any. */
  memberId: string | null;
}

export function lagOf(committedOffset: number | null, highWatermark: number | null): number | null {
  if (committedOffset === null || highWatermark === null || committedOffset < 0) return null;
  return Math.max(0, highWatermark - committedOffset);
}

export function groupLag(coordinator: GroupCoordinator, groupId: string, source: PartitionOffsetsSource): PartitionLag[] {
  const rows = new Map<string, PartitionLag>();
  const row = (topic: string, partition: number): PartitionLag => {
    const k = `${topic}\u0000${partition}`;
    let r = rows.get(k);
    if (r === undefined) {
      r = { topic, partition, committedOffset: null, highWatermark: source.highWatermark(topic, partition), lag: null, memberId: null };
      rows.set(k, r);
    }
    return r;
  };
  for (const e of coordinator.offsets.fetch(groupId, null)) row(e.topic, e.partition).committedOffset = e.offset;
  const group = coordinator.group(groupId);
  if (group !== null && group.protocolType === 'consumer' && (group.state === 'Stable' || group.state === 'CompletingRebalance')) {
    for (const m of group.members()) {
      for (const a of assignedPartitions(m.assignment)) for (const p of a.partitions) row(a.topic, p).memberId = m.memberId;
    }
  }
  const out = [...rows.values()];
  for (const r of out) r.lag = lagOf(r.committedOffset, r.highWatermark);
  return out.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

/**
 * Lag as time: how long ago the oldest record the group has not consumed was written (now minus
 * the timestamp of the first record at or after the committed offset). 0 when the group has
 * consumed everything, null when the lag is unknown. Record timestamps are the producer's
 * CreateTime unless the topic uses LogAppendTime, so a producer's clock skew shows here.
 */
export async function lagSeconds(row: PartitionLag, source: PartitionOffsetsSource, nowMs: number): Promise<number | null> {
  if (row.lag === null || row.committedOffset === null) return null;
  if (row.lag === 0) return 0;
  const timestampMs = await source.recordTimestampFrom(row.topic, row.partition, row.committedOffset);
  return timestampMs === null ? 0 : Math.max(0, (nowMs - timestampMs) / 1000);
}

/** Total lag of a group (sum over partitions with a known lag), for metrics. */
export function totalLag(rows: PartitionLag[]): number {
  return rows.reduce((sum, r) => sum + (r.lag ?? 0), 0);
}
