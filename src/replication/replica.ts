import type { ReadOutcome } from './committed-batches.js';

/**
 * What sits behind a Partition: the copy of one partition's log this node holds, and how an append
 * becomes committed. `Partition` (partition.ts) owns Kafka's rules (record validation, idempotent
 * producers, timeouts, long-polls) and delegates every byte to a Replica; nothing outside
 * replication/ sees one.
 *
 * Implementations: `LocalReplica` (local-replica.ts, a single node: committed once the journal's
 * append resolved) and `RaftReplica` (raft-replica.ts: committed = the Raft commit index, append
 * answers after the entry commits). Later a learner replica (a read-only copy fed by an upstream)
 * implements the same interface, so the Kafka APIs, groups and admin do not change.
 *
 * Errors: every method throws PartitionError (errors.ts), never a storage-layer error.
 * Invariants: logStartOffset <= highWatermark <= logEndOffset; highWatermark never decreases while
 * the replica is open; read() returns only batches below highWatermark.
 */
export interface Replica {
  readonly logStartOffset: number;
  /** Offset the next appended batch gets. */
  readonly logEndOffset: number;
  /** First offset not yet committed; readers see only what lies below it. */
  readonly highWatermark: number;
  /** Read-only facts about the stored copy (admin views, metrics). */
  readonly storage: ReplicaStorageView;
  /** The leader epoch now (Raft term; 0 for a single node). */
  readonly leaderEpoch: number;
  /**
   * Called when this node became leader of `epoch` and its committed log holds everything earlier
   * leaders acknowledged (leader-only state such as producer state is rebuilt then). A single node
   * never calls it: its state is complete at open.
   */
  onLeaderReady(listener: (epoch: number) => void): void;
  /** Called (synchronously) each time highWatermark moves forward, with its new value. */
  onCommit(listener: (highWatermark: number) => void): void;
  /**
   * Appends one validated RecordBatch (offsets are assigned here) and resolves with its offsets
   * once it is committed. Appends commit in call order.
   */
  append(batch: Buffer, options: { leaderEpoch: number }): Promise<{ baseOffset: number; lastOffset: number }>;
  /** Committed batches from `offset` (the first may start below it), about `maxBytes` (at least one batch). */
  read(offset: number, maxBytes: number): Promise<ReadOutcome>;
  /** The first batch whose maxTimestamp >= `timestampMs` (committed or not), found by the time index. */
  offsetForTimestamp(timestampMs: number): Promise<{ offset: number; batch: Buffer } | null>;
  /** The largest epoch <= `epoch` this copy holds and the offset where it ends. */
  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number };
  /** Makes `offset` (<= highWatermark) the log start; whole segments below it are deleted. */
  deleteBefore(offset: number): Promise<void>;
  /** Applies changed topic settings (segment size and age, batch size, retention). */
  reconfigure(settings: ReplicaStorageSettings): void;
  /** Deletes whole segments past retention at `nowMs`; returns how many went. */
  enforceRetention(nowMs: number): Promise<number>;
  /** Flushes and closes; appends already started finish first (the caller waits for them). */
  close(): Promise<void>;
  /** Closes and deletes the stored copy (topic deletion). */
  destroy(): Promise<void>;
}

/** The storage settings a topic's configs translate to (segment.bytes, segment.ms, ...). */
export interface ReplicaStorageSettings {
  segmentBytesMax: number;
  segmentMsMax: number;
  batchBytesMax: number;
  /** -1 = unbounded. */
  retentionBytes: number;
  /** -1 = forever. */
  retentionMs: number;
}

/** What admin views and tests may know of a replica's stored copy, read at call time. */
export interface ReplicaStorageView {
  readonly sizeBytes: number;
  readonly segmentCount: number;
  readonly settings: Readonly<ReplicaStorageSettings>;
}
