import { ATTR_TIMESTAMP_LOG_APPEND, OFFSET_LAST_OFFSET_DELTA, isControlBatch, readBatchHeader, BATCH_HEADER_BYTES, type BatchHeader } from '../protocol/records/batch-header.js';
import { setCreateTimeMaxTimestamp, setLogAppendTime } from '../protocol/records/batch.js';
import { findRecord } from '../protocol/records/find-record.js';
import { validateBatchRecords, type BatchProblem, type BatchVerdict } from '../protocol/records/validate-batch.js';
import { assert } from '../util/assert.js';
import { PartitionError, type PartitionErrorCode } from './errors.js';
import { ProducerState, nextSequence, type RememberedBatch } from './producer-state.js';
import { committedBatches, type CommittedBatch, type ReadOutcome } from './committed-batches.js';
import type { Replica, ReplicaStorageSettings, ReplicaStorageView } from './replica.js';

// The door's own vocabulary, so callers import partition.ts only.
export { PartitionError, type PartitionErrorCode, type PartitionRecordError } from './errors.js';
export type { CommittedBatch, ReadOutcome } from './committed-batches.js';
export type { ReplicaStorageSettings, ReplicaStorageView } from './replica.js';

/**
 * Partition: the only door to a partition's data from outside replication/ (api/, groups/,
 * admin/). It keeps Kafka's rules (record validation, idempotent producers, timeouts, Fetch
 * long-polls) and delegates storage and commitment to a Replica (replica.ts): today a LocalReplica
 * over one journal; later a Raft replica behind the same methods (append answers after commit,
 * reads stop at the commit index). Created and closed by PartitionManager.
 *
 * Invariants: logStartOffset <= highWatermark <= logEndOffset; highWatermark never decreases while
 * the partition is open; read() returns only batches below highWatermark.
 */
/**
 * How callers outside replication/ find partitions (api/ handlers, groups/); PartitionManager
 * implements it. An offline partition (damaged journal) is absent from get/forTopic and reported
 * by offline/offlineError.
 */
export interface PartitionDirectory {
  get(topic: string, index: number): Partition | undefined;
  /** The open partitions of a topic, by index. */
  forTopic(topic: string): readonly Partition[];
  /** Why `topic`-`index` is offline, or undefined when it is open or does not exist. */
  offline(topic: string, index: number): { message: string } | undefined;
  /** The error requests for an offline partition get (STORAGE). */
  offlineError(topic: string, index: number): PartitionError | undefined;
}

export interface AppendOptions {
  /** 0, 1 or -1; single node: 1 and -1 both answer after the local append (after fsync under fsync=always). */
  acks: number;
  timeoutMs: number;
}

export interface AppendOutcome {
  baseOffset: number;
  /** The broker's timestamp when the topic uses LogAppendTime, else -1. */
  logAppendTimeMs: number;
  logStartOffset: number;
  /** True when an idempotent producer resent a batch we already hold; nothing was appended. */
  duplicate: boolean;
}

/** Settings the partition reads from its topic's configs on every append (they may change). */
export interface PartitionSettings {
  logAppendTime: boolean;
  batchBytesMax: number;
  /** message.timestamp.before.max.ms / after.max.ms (difference.max.ms folded in); Infinity = none. */
  timestampBeforeMaxMs: number;
  timestampAfterMaxMs: number;
  /** Bound on one batch's decompressed records (limits.batchDecompressedBytesMax, or the topic's batch size). */
  decompressedBytesMax: number;
  /** limits.batchRecordsMax. */
  recordsMax: number;
}

const PARTITION_ERROR_OF_PROBLEM: Readonly<Record<BatchProblem, PartitionErrorCode>> = {
  'corrupt': 'CORRUPT',
  'invalid-record': 'INVALID_RECORD',
  'invalid-timestamp': 'INVALID_TIMESTAMP',
  'too-large': 'TOO_LARGE',
};

/** Leader epoch stamped into batches; a single node never changes leader (Raft terms come later). */
export const SINGLE_NODE_LEADER_EPOCH = 0;
/** Kafka's NO_TIMESTAMP: a record without a timestamp. */
const NO_TIMESTAMP = -1;
/** Smallest timestamp a record can carry (-1 means "none" in Kafka). */
const TIMESTAMP_MIN = 0;
/** Binary search over [0, 2^53): 54 halvings always suffice. */
const TIMESTAMP_SEARCH_STEPS_MAX = 54;

interface Waiter {
  offset: number;
  resolve: () => void;
}

export class Partition {
  readonly topic: string;
  readonly index: number;
  settings: PartitionSettings;
  readonly #replica: Replica;
  readonly #producersMax: number;
  #producers: ProducerState;
  /** The leader epoch #producers is complete for; an idempotent append in another epoch waits for a rebuild. */
  #producersEpoch: number;
  /** The rebuild started when this node became a ready leader (replica.onLeaderReady). */
  #rebuilding: { epoch: number; done: Promise<void> } | null = null;
  /** The bound the opener gave rebuildProducerState, used again when leadership moves here. */
  #rebuildRecordsMax = 0;
  #waiters = new Set<Waiter>();
  #inflight = new Set<Promise<unknown>>();
  /** Appends whose records are still being validated (asynchronously), and the last of them. */
  #validating = 0;
  #validated: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: { topic: string; index: number; replica: Replica; settings: PartitionSettings; producersMax: number }) {
    this.topic = options.topic;
    this.index = options.index;
    this.#replica = options.replica;
    this.settings = options.settings;
    this.#producersMax = options.producersMax;
    this.#producers = new ProducerState(options.producersMax);
    this.#producersEpoch = this.#replica.leaderEpoch;
    this.#replica.onCommit((next) => {
      for (const w of [...this.#waiters]) if (next > w.offset) w.resolve();
    });
    // A follower's producer state was not kept while others led: the new leader rebuilds it from
    // the committed log, which now holds every batch earlier leaders acknowledged.
    this.#replica.onLeaderReady((epoch) => {
      const done = this.#rebuildForEpoch(epoch);
      this.#rebuilding = { epoch, done };
      done.catch(() => undefined);
    });
  }

  get highWatermark(): number {
    return this.#replica.highWatermark;
  }

  get logStartOffset(): number {
    return this.#replica.logStartOffset;
  }

  get logEndOffset(): number {
    return this.#replica.logEndOffset;
  }

  get sizeBytes(): number {
    return this.#replica.storage.sizeBytes;
  }

  /** Read-only facts about the stored data (size, segments, storage settings) for admin views. */
  get storage(): ReplicaStorageView {
    return this.#replica.storage;
  }

  /**
   * Appends one RecordBatch (its header already checked for magic/CRC/size by the caller). The
   * records are validated first (validate-batch.ts: refused with INVALID_RECORD, CORRUPT,
   * INVALID_TIMESTAMP or TOO_LARGE and per-record errors) and the header's maxTimestamp is set
   * from them. Validation, producer sequence checks and offset assignment happen in call order;
   * the promise resolves once the batch is committed (single node: once the journal's append
   * resolved, i.e. after fsync under fsync=always). Throws PartitionError.
   */
  append(batch: Buffer, options: AppendOptions): Promise<AppendOutcome> {
    if (this.#closed) return Promise.reject(new PartitionError('SHUTTING_DOWN', `${this.#name()} is closed`));
    const settings = this.settings;
    if (batch.length > settings.batchBytesMax) {
      return Promise.reject(new PartitionError('TOO_LARGE', `${batch.length} bytes > max.message.bytes ${settings.batchBytesMax}`));
    }
    assert(batch.length >= BATCH_HEADER_BYTES, 'caller checked the batch header');
    let header: BatchHeader;
    try {
      header = readBatchHeader(batch, 0);
    } catch (err) {
      return Promise.reject(new PartitionError('INVALID_RECORD', `${this.#name()}: batch header: ${(err as Error).message}`));
    }
    const nowMs = Date.now();
    let verdict: BatchVerdict | Promise<BatchVerdict> = validateBatchRecords(batch, header, {
      nowMs,
      logAppendTime: settings.logAppendTime,
      timestampBeforeMaxMs: settings.timestampBeforeMaxMs,
      timestampAfterMaxMs: settings.timestampAfterMaxMs,
      decompressedBytesMax: settings.decompressedBytesMax,
      recordsMax: settings.recordsMax,
    });
    const gate = this.#producerGate(header);
    if (gate instanceof PartitionError) return Promise.reject(gate);
    if (gate !== null) {
      const checked = verdict;
      verdict = gate.then(() => checked);
    }
    if (!(verdict instanceof Promise) && this.#validating === 0) return this.#appendValidated(batch, header, verdict, nowMs, settings, options);
    // A batch still being decompressed or walked keeps its place: appends behind it wait, so the
    // partition appends in call order (idempotent producers pipeline several batches).
    this.#validating++;
    const turn = Promise.all([this.#validated, verdict])
      .then(([, v]) => ({ outcome: this.#appendValidated(batch, header, v, nowMs, settings, options) }))
      .finally(() => { this.#validating--; });
    this.#validated = turn.then(() => undefined, () => undefined);
    this.#track(turn);
    return turn.then((t) => t.outcome);
  }

  /** The rest of append once the records are validated: timestamps, producer checks, the journal. */
  #appendValidated(batch: Buffer, header: BatchHeader, verdict: BatchVerdict, nowMs: number, settings: PartitionSettings, options: AppendOptions): Promise<AppendOutcome> {
    if (!verdict.ok) {
      return Promise.reject(new PartitionError(PARTITION_ERROR_OF_PROBLEM[verdict.problem], `${this.#name()}: ${verdict.message}`, { recordErrors: verdict.recordErrors }));
    }
    let logAppendTimeMs = -1;
    if (settings.logAppendTime) {
      logAppendTimeMs = nowMs;
      setLogAppendTime(batch, logAppendTimeMs);
    } else {
      // The header's value is the client's claim; the time index and retention use the records'
      // own. A batch whose records carry no timestamp (-1) is indexed at its append time, the role
      // a segment file's mtime plays in Kafka's retention for such data.
      const maxTimestamp = verdict.maxTimestamp === NO_TIMESTAMP ? nowMs : verdict.maxTimestamp;
      if (header.maxTimestamp !== maxTimestamp || (header.attributes & ATTR_TIMESTAMP_LOG_APPEND) !== 0) setCreateTimeMaxTimestamp(batch, maxTimestamp);
    }

    const idempotent = header.producerId >= 0;
    if (idempotent && header.baseSequence < 0) {
      return Promise.reject(new PartitionError('INVALID_RECORD', `producerId ${header.producerId} with baseSequence ${header.baseSequence}`));
    }
    const lastSequence = idempotent ? nextSequence(header.baseSequence, header.lastOffsetDelta) : -1;
    if (idempotent) {
      const check = this.#producers.check(header.producerId, header.producerEpoch, header.baseSequence, lastSequence);
      if (check.kind === 'error') return Promise.reject(new PartitionError(check.code, `${this.#name()} producer ${header.producerId}: ${check.detail}`));
      if (check.kind === 'duplicate') {
        return check.batch.baseOffset.then(
          (baseOffset) => ({ baseOffset, logAppendTimeMs: -1, logStartOffset: this.logStartOffset, duplicate: true }),
          () => Promise.reject(new PartitionError('STORAGE', `${this.#name()}: the original of a resent batch failed`)),
        );
      }
    }

    let remembered: RememberedBatch | null = null;
    const appended = this.#replica.append(batch, { leaderEpoch: this.#replica.leaderEpoch }).then(
      (result) => result.baseOffset,
      (err: unknown) => {
        if (remembered !== null) this.#producers.failed(header.producerId, remembered);
        throw err;
      },
    );
    if (idempotent) {
      remembered = { firstSequence: header.baseSequence, lastSequence, baseOffset: appended };
      this.#producers.record(header.producerId, header.producerEpoch, remembered);
    }
    this.#track(appended);
    const outcome = appended.then((baseOffset) => ({ baseOffset, logAppendTimeMs, logStartOffset: this.logStartOffset, duplicate: false }));
    return withTimeout(outcome, options.timeoutMs, this.#name());
  }

  /**
   * Committed batches from `offset` (the first may start below it), at most about `maxBytes`
   * (at least one whole batch when any is available). Throws PartitionError(OFFSET_OUT_OF_RANGE)
   * outside [logStartOffset, logEndOffset].
   */
  async read(offset: number, maxBytes: number): Promise<ReadOutcome> {
    if (offset < this.logStartOffset || offset > this.logEndOffset) {
      throw new PartitionError('OFFSET_OUT_OF_RANGE', `${this.#name()}: offset ${offset} outside [${this.logStartOffset}, ${this.logEndOffset}]`);
    }
    if (offset >= this.highWatermark) return { chunks: [], bytes: 0 };
    return this.#replica.read(offset, maxBytes);
  }

  /**
   * Every committed batch holding an offset >= `from`, in offset order, read `stepBytes` at a
   * time (committed-batches.ts): group loading and the producer-state rebuild use it.
   */
  committedBatches(from: number, stepBytes?: number): AsyncGenerator<CommittedBatch> {
    return committedBatches(this, from, stepBytes);
  }

  /**
   * The first committed record whose timestamp is >= `timestampMs` (ListOffsets by time): the
   * journal finds the batch by its time index, then its records are walked in place (no record
   * objects) for the exact one.
   * Null when no such record exists below the high watermark.
   */
  async offsetForTimestamp(timestampMs: number): Promise<{ offset: number; timestamp: number } | null> {
    const found = await this.#replica.offsetForTimestamp(timestampMs);
    if (found === null || found.offset >= this.highWatermark) return null;
    const r = await this.#findRecord(found.batch, found.offset, { timestampMin: timestampMs, offsetMin: found.offset });
    if (r !== null) return r.offset < this.highWatermark ? r : null;
    // The batch's maxTimestamp qualified but no record did (clock skew inside the batch): Kafka
    // then answers with the next batch; a later batch must qualify too, so report its start.
    const next = found.offset + found.batch.readInt32BE(OFFSET_LAST_OFFSET_DELTA) + 1;
    return next < this.highWatermark ? this.#firstRecordFrom(next) : null;
  }

  /** findRecord over a stored batch, with undecodable bytes reported as CORRUPT. */
  async #findRecord(batch: Buffer, at: number, wanted: { timestampMin: number; offsetMin: number }): Promise<{ offset: number; timestamp: number } | null> {
    try {
      return await findRecord(batch, { ...wanted, decompressedBytesMax: this.settings.decompressedBytesMax });
    } catch (err) {
      throw new PartitionError('CORRUPT', `${this.#name()}: batch at ${at} does not decode: ${(err as Error).message}`, { cause: err });
    }
  }

  /**
   * ListOffsets -3: the first committed record carrying the partition's largest timestamp, or
   * null when the partition is empty. The journal answers "first batch with maxTimestamp >= t"
   * from its time indexes without reading data, so the largest timestamp is found by binary
   * search over t (at most TIMESTAMP_SEARCH_STEPS_MAX lookups), then one batch is walked.
   */
  async maxTimestampRecord(): Promise<{ offset: number; timestamp: number } | null> {
    const committed = async (t: number): Promise<boolean> => {
      const found = await this.#replica.offsetForTimestamp(t);
      return found !== null && found.offset < this.highWatermark;
    };
    if (!(await committed(TIMESTAMP_MIN))) return null;
    let lo = TIMESTAMP_MIN; // invariant: some committed batch has maxTimestamp >= lo
    let hi = Number.MAX_SAFE_INTEGER; // invariant: none has maxTimestamp >= hi + 1 (or hi is the max)
    for (let step = 0; lo < hi && step < TIMESTAMP_SEARCH_STEPS_MAX; step++) {
      const mid = lo + Math.ceil((hi - lo) / 2);
      if (await committed(mid)) lo = mid;
      else hi = mid - 1;
    }
    return this.offsetForTimestamp(lo);
  }

  /**
   * The timestamp of the first committed record at or after `offset` (from the log start when
   * retention deleted it): how old the oldest record a consumer at `offset` has not read is.
   * Null when nothing is committed at or after it.
   */
  async recordTimestampFrom(offset: number): Promise<number | null> {
    const from = Math.max(offset, this.logStartOffset);
    if (from >= this.highWatermark) return null;
    return (await this.#firstRecordFrom(from))?.timestamp ?? null;
  }

  async #firstRecordFrom(offset: number): Promise<{ offset: number; timestamp: number } | null> {
    const { chunks } = await this.read(offset, 1);
    const first = chunks[0];
    if (!first) return null;
    return this.#findRecord(first, offset, { timestampMin: Number.NEGATIVE_INFINITY, offsetMin: offset });
  }

  /**
   * DeleteRecords: makes `offset` the log start offset (segments wholly below it are deleted).
   * -1 means the high watermark. Throws PartitionError(OFFSET_OUT_OF_RANGE) for an offset beyond
   * the high watermark or below -1. Returns the new log start offset (the low watermark).
   */
  async deleteBefore(offset: number): Promise<number> {
    if (this.#closed) throw new PartitionError('SHUTTING_DOWN', `${this.#name()} is closed`);
    const target = offset === -1 ? this.highWatermark : offset;
    if (!Number.isSafeInteger(target) || target < 0 || target > this.highWatermark) {
      throw new PartitionError('OFFSET_OUT_OF_RANGE', `${this.#name()}: offset ${offset} is beyond the high watermark ${this.highWatermark}`);
    }
    await this.#replica.deleteBefore(target);
    return this.logStartOffset;
  }

  /** OffsetForLeaderEpoch: the largest epoch <= `epoch` this log holds and the offset where it ends. */
  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } {
    return this.#replica.endOffsetForEpoch(epoch);
  }

  /** Applies a topic's changed storage settings (segment size and age, batch size, retention). */
  reconfigureStorage(settings: ReplicaStorageSettings): void {
    this.#replica.reconfigure(settings);
  }

  /** Deletes whole segments past retention at `nowMs`; returns how many went. Throws PartitionError. */
  enforceRetention(nowMs: number): Promise<number> {
    if (this.#closed) return Promise.reject(new PartitionError('SHUTTING_DOWN', `${this.#name()} is closed`));
    return this.#replica.enforceRetention(nowMs);
  }

  /**
   * Resolves when committed data exists at or after `offset` (highWatermark > offset), when
   * `deadlineMs` (epoch ms) passes, or when `signal` aborts, whichever is first. Never rejects.
   */
  waitForData(offset: number, deadlineMs: number, signal?: AbortSignal): Promise<void> {
    if (this.highWatermark > offset || this.#closed || signal?.aborted) return Promise.resolve();
    const delay = deadlineMs - Date.now();
    if (delay <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.#waiters.delete(waiter);
        resolve();
      };
      const waiter: Waiter = { offset, resolve: done };
      const timer = setTimeout(done, delay);
      signal?.addEventListener('abort', done, { once: true });
      this.#waiters.add(waiter);
    });
  }

  /** The leader epoch batches are stamped with now (a replicated partition: the Raft term). */
  get leaderEpoch(): number {
    return this.#replica.leaderEpoch;
  }

  /** Waits for appends already started (graceful shutdown), then flushes and closes the log. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#inflight]);
    for (const w of [...this.#waiters]) w.resolve();
    await this.#replica.close();
  }

  /** Closes and deletes the partition's files (topic deletion). */
  async destroy(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#inflight]);
    for (const w of [...this.#waiters]) w.resolve();
    await this.#replica.destroy();
  }

  /** Rebuilds idempotent-producer state from the committed batches holding the last `recordsMax` records. */
  async rebuildProducerState(recordsMax: number): Promise<number> {
    this.#rebuildRecordsMax = recordsMax;
    // Into the state that was current at the start: a newer rebuild (leadership moved again) has its own.
    const producers = this.#producers;
    let batches = 0;
    for await (const { header: h } of this.committedBatches(this.highWatermark - recordsMax)) {
      batches++;
      // Control batches carry no sequence (a transaction marker names its producer with -1):
      // taken as the producer's latest batch, they would make it expect sequence 0 next.
      if (h.producerId < 0 || isControlBatch(h.attributes)) continue;
      const lastSequence = nextSequence(h.baseSequence, h.lastOffsetDelta);
      producers.record(h.producerId, h.producerEpoch, { firstSequence: h.baseSequence, lastSequence, baseOffset: Promise.resolve(h.baseOffset) });
    }
    return batches;
  }

  /**
   * Null when an idempotent append may be checked now; a promise when producer state for this
   * leader epoch is being rebuilt (the append waits, keeping call order); NOT_LEADER when this node
   * does not lead, or leads but earlier leaders' batches are not all committed here yet (retry).
   */
  #producerGate(header: BatchHeader): Promise<void> | PartitionError | null {
    const epoch = this.#replica.leaderEpoch;
    if (header.producerId < 0 || epoch === this.#producersEpoch) return null;
    if (this.#rebuilding?.epoch === epoch) return this.#rebuilding.done;
    return new PartitionError('NOT_LEADER', `${this.#name()}: not a ready leader in epoch ${epoch} (producer state not rebuilt)`);
  }

  async #rebuildForEpoch(epoch: number): Promise<void> {
    this.#producers = new ProducerState(this.#producersMax);
    await this.rebuildProducerState(this.#rebuildRecordsMax);
    if (this.#rebuilding?.epoch === epoch) this.#producersEpoch = epoch;
  }

  #track(p: Promise<unknown>): void {
    const settled = p.then(() => undefined, () => undefined);
    this.#inflight.add(settled);
    void settled.then(() => this.#inflight.delete(settled));
  }

  #name(): string {
    return `${this.topic}-${this.index}`;
  }
}

function withTimeout<T>(p: Promise<T>, timeoutMs: number, name: string): Promise<T> {
  if (!(timeoutMs > 0)) return p;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PartitionError('TIMEOUT', `${name}: append not committed within ${timeoutMs} ms`)), timeoutMs);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e as Error); });
  });
}
