/**
 * PartitionLog: the journal of one partition, and the one class others use. A folder of segments
 * (segment.ts, segment-list.ts), appended to by a single write pipeline with group commit
 * (write-pipeline.ts), read through the node's shared PageCache (log-reader.ts, cache.ts). Knows
 * nothing of the network. Opening and crash recovery: open-log.ts, recovery.ts, corruption.ts;
 * rolls: segment-roll.ts; truncation and retention: truncation.ts, retention.ts; small state
 * files: state-files.ts, clean-shutdown.ts.
 *
 * Appends, truncateFrom, deleteBefore, retention, flush and close are exclusive operations in one
 * chain (operation-chain.ts), so they are ordered with appends by call order.
 *
 * logEndOffset advances when bytes are written (before fsync); callers expose data to consumers
 * only up to the highWatermark they set.
 */
import { join } from 'node:path';
import { AssertionError } from '../util/assert.js';
import { validateBatches } from './batch-validation.js';
import { CACHE_BYTES_MAX_DEFAULT, PageCache } from './cache.js';
import { encodeCleanShutdownMarker } from './clean-shutdown.js';
import { validateJournalConfig, type JournalConfig } from './config.js';
import { JournalError, storageError } from './errors.js';
import { NODE_FILE_LAYER, type FileLayer } from './file-layer.js';
import { CLEAN_SHUTDOWN_FILE } from './file-names.js';
import { NOOP_LOGGER, type JournalLogger } from './journal-logger.js';
import { findByTimestamp, readBatches, type ReadResult } from './log-reader.js';
import { openLog } from './open-log.js';
import { OperationChain } from './operation-chain.js';
import { deleteBefore, enforceRetention } from './retention.js';
import { SegmentList } from './segment-list.js';
import { SegmentRoller } from './segment-roll.js';
import { StateFiles } from './state-files.js';
import type { TrimContext } from './trim-context.js';
import { truncateLog } from './truncation.js';
import { WritePipeline, type AppendResult } from './write-pipeline.js';

export type { FsyncPolicy, JournalConfig } from './config.js';
export { DEFAULT_JOURNAL_CONFIG, parseFsyncPolicy } from './config.js';
export { JournalError } from './errors.js';
export { CorruptLogError } from './corruption.js';
export { PageCache } from './cache.js';
export type { FileLayer, JournalFile } from './file-layer.js';
export type { JournalLogger } from './journal-logger.js';
export type { ReadResult } from './log-reader.js';
export { PRELOAD_PAGES, PRELOAD_TRIGGER_BYTES } from './log-reader.js';
export type { AppendResult } from './write-pipeline.js';
export { FLUSH_AHEAD_BYTES } from './write-pipeline.js';

export interface PartitionLogDeps { cache?: PageCache; fs?: FileLayer; logger?: JournalLogger; clock?: () => number }

let defaultCache: PageCache | null = null;
/**
 * The cache used when open() gets none: one per process, so partitions opened without an explicit
 * cache still share one budget (CACHE_BYTES_MAX_DEFAULT) rather than each getting its own.
 */
export function sharedDefaultCache(): PageCache {
  defaultCache ??= new PageCache({ cacheBytesMax: CACHE_BYTES_MAX_DEFAULT });
  return defaultCache;
}

/** What open() builds before the log exists: the collaborators that recovery fills. */
interface Parts { fs: FileLayer; cache: PageCache; logger: JournalLogger; clock: () => number; segments: SegmentList; state: StateFiles }

export class PartitionLog {
  #hw = 0;
  #closing = false;
  #closed = false;
  #timers: NodeJS.Timeout[] = [];
  #currentConfig: JournalConfig;
  readonly #fs: FileLayer;
  readonly #logger: JournalLogger;
  readonly #clock: () => number;
  readonly #segments: SegmentList;
  readonly #state: StateFiles;
  readonly #chain = new OperationChain();
  readonly #roller: SegmentRoller;
  readonly #pipeline: WritePipeline;
  readonly #trim: TrimContext;
  readonly cache: PageCache;

  private constructor(readonly dir: string, config: JournalConfig, parts: Parts) {
    this.#currentConfig = config;
    const { fs, cache, logger, clock, segments, state } = parts;
    this.#fs = fs;
    this.cache = cache;
    this.#logger = logger;
    this.#clock = clock;
    this.#segments = segments;
    this.#state = state;
    this.#roller = new SegmentRoller({ dir, fs, segments, state, logger, clock, fsync: () => this.#currentConfig.fsync });
    this.#trim = { dir, fs, segments, state, roller: this.#roller, logger, clock };
    this.#pipeline = new WritePipeline({
      dir, chain: this.#chain, segments, state, roller: this.#roller, logger, clock,
      config: () => this.#currentConfig,
      truncate: (offset) => this.#truncate(offset),
      isClosed: () => this.#closed,
    });
  }

  get config(): JournalConfig { return this.#currentConfig; }

  /**
   * Changes settings of an open log (topic AlterConfigs). Every field is read where it is used, so
   * the next append sees new segment/batch sizes and the next enforceRetention the new retention.
   * The background retention timer's interval is fixed at open. Throws an Error naming a bad field.
   */
  reconfigure(changes: Partial<Pick<JournalConfig, 'segmentBytesMax' | 'segmentMsMax' | 'batchBytesMax' | 'retentionBytes' | 'retentionMs'>>): void {
    const next = { ...this.#currentConfig, ...changes };
    validateJournalConfig(next);
    this.#currentConfig = next;
  }
  get logStartOffset(): number { return this.#state.logStart; }
  get logEndOffset(): number { return this.#segments.logEndOffset; }
  /** Set by the caller (the commit index); clamped to logEndOffset. */
  get highWatermark(): number { return this.#hw; }
  set highWatermark(v: number) { this.#hw = Math.max(0, Math.min(v, this.logEndOffset)); }
  get sizeBytes(): number { return this.#segments.sizeBytes; }
  get segmentCount(): number { return this.#segments.all.length; }
  /** Base offsets of the segments, oldest first (for tests and admin views). */
  segmentBaseOffsets(): number[] { return this.#segments.all.map((s) => s.base); }

  static async open(dir: string, config: JournalConfig, deps: PartitionLogDeps = {}): Promise<PartitionLog> {
    validateJournalConfig(config);
    const fs = deps.fs ?? NODE_FILE_LAYER;
    const cache = deps.cache ?? sharedDefaultCache();
    const logger = deps.logger ?? NOOP_LOGGER;
    const clock = deps.clock ?? Date.now;
    const segments = new SegmentList({ dir, fs, cache, indexIntervalBytes: config.indexIntervalBytes });
    const state = new StateFiles(fs, dir);
    try {
      await openLog({ dir, fs, segments, state, clock, logger });
    } catch (err) {
      if (err instanceof JournalError || err instanceof AssertionError) throw err;
      throw storageError(`opening ${dir}`, err);
    }
    const log = new PartitionLog(dir, config, { fs, cache, logger, clock, segments, state });
    log.#startTimers();
    return log;
  }

  #startTimers(): void {
    const every = this.config.retentionCheckMs ?? 0;
    if (every > 0 && (this.config.retentionBytes >= 0 || this.config.retentionMs >= 0)) {
      const t = setInterval(() => {
        if (this.#closing) return;
        this.enforceRetention(this.#clock()).catch((err: unknown) => this.#logger.warn({ dir: this.dir, err: String(err) }, 'journal retention failed'));
      }, every);
      t.unref();
      this.#timers.push(t);
    }
  }

  #checkOpen(): void {
    if (this.#closing) throw new JournalError('CLOSED', `partition log ${this.dir} is closed`);
  }

  // ------------------------------------------------------------------ append

  /**
   * `records` holds one or more whole v2 batches (a Produce partition's records field). All are
   * validated before any byte is written; offsets are assigned consecutively from logEndOffset.
   * The buffer is patched in place (baseOffset, partitionLeaderEpoch) and must not be reused by
   * the caller until the promise settles.
   */
  append(records: Buffer, opts: { leaderEpoch: number }): Promise<AppendResult> {
    try {
      this.#checkOpen();
      if (!Number.isSafeInteger(opts.leaderEpoch) || opts.leaderEpoch < 0 || opts.leaderEpoch > 0x7fffffff) throw new AssertionError(`leaderEpoch ${opts.leaderEpoch} out of range`);
      return this.#pipeline.enqueue(records, validateBatches(records, this.config.batchBytesMax, false), opts.leaderEpoch, false);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /**
   * A follower's append: the batches keep the baseOffset and partitionLeaderEpoch the leader gave
   * them, so the follower's files hold the leader's bytes. The first batch must start at
   * logEndOffset (when the append is written), offsets must be contiguous and epochs must not go
   * below the log's latest; otherwise the append fails with CORRUPT_BATCH (truncate first).
   */
  appendReplicated(records: Buffer): Promise<AppendResult> {
    try {
      this.#checkOpen();
      const batches = validateBatches(records, this.config.batchBytesMax, true);
      return this.#pipeline.enqueue(records, batches, batches[0]!.epoch, true);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  // ------------------------------------------------------------------ read and lookups

  /**
   * Whole batches from the one containing `offset`, at least one batch, up to maxBytes; never a
   * batch whose baseOffset is >= opts.maxOffset. Chunks are subarrays of cache pages shared with
   * every other reader (a batch that spans pages is copied into its own chunk): never modify them;
   * copy first (e.g. a filter that rewrites a batch).
   */
  async read(offset: number, maxBytes: number, opts: { maxOffset?: number } = {}): Promise<ReadResult> {
    this.#checkOpen();
    const logStart = this.#state.logStart;
    if (!Number.isSafeInteger(offset) || offset < logStart || offset > this.logEndOffset) {
      throw new JournalError('OFFSET_OUT_OF_RANGE', `offset ${offset} outside [${logStart}, ${this.logEndOffset}]`);
    }
    const bound = Math.min(opts.maxOffset ?? Number.MAX_SAFE_INTEGER, this.logEndOffset);
    if (offset >= bound) return { chunks: [], bytes: 0 };
    const segs = this.#segments.all;
    try {
      return await readBatches({ segs, first: this.#segments.indexFor(offset, segs), offset, maxBytes, bound, pageBytes: this.cache.pageBytes });
    } catch (err) {
      if (err instanceof JournalError || err instanceof AssertionError) throw err;
      if (this.#closing) throw new JournalError('CLOSED', `partition log ${this.dir} closed during read`);
      throw storageError(`reading ${this.dir}`, err);
    }
  }

  /** The first batch whose maxTimestamp >= timestampMs: its baseOffset and bytes, or null. */
  async offsetForTimestamp(timestampMs: number): Promise<{ offset: number; batch: Buffer } | null> {
    this.#checkOpen();
    try {
      return await findByTimestamp(this.#segments.all, timestampMs);
    } catch (err) {
      throw storageError(`time lookup in ${this.dir}`, err);
    }
  }

  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } {
    return this.#state.epochs.endOffsetFor(epoch, this.logEndOffset);
  }

  /** Epoch → start offset entries, oldest first. */
  leaderEpochEntries(): { epoch: number; startOffset: number }[] {
    return this.#state.epochs.entries.map((e) => ({ ...e }));
  }

  // ------------------------------------------------------------------ truncation, deletion, retention

  /**
   * Removes everything at and after `offset`. Batches are never split: when `offset` falls inside a
   * batch, that whole batch goes and logEndOffset becomes its baseOffset.
   */
  async truncateFrom(offset: number): Promise<void> {
    this.#checkOpen();
    if (!Number.isSafeInteger(offset) || offset < 0) throw new AssertionError(`truncateFrom(${offset})`);
    this.#pipeline.closeGroup(); // appends called after this go after the truncation
    await this.#chain.run(() => this.#truncate(offset));
  }

  /**
   * Removes every batch; the log restarts empty at `offset` (logStartOffset = logEndOffset =
   * offset), which may be beyond the old end. For a Raft follower reset to its leader's log start.
   */
  async resetTo(offset: number): Promise<void> {
    this.#checkOpen();
    if (!Number.isSafeInteger(offset) || offset < 0) throw new AssertionError(`resetTo(${offset})`);
    this.#pipeline.closeGroup();
    await this.#chain.run(() => this.#truncate(offset, true));
  }

  /** Inside the chain; also the write pipeline's cut-back after a failed write or fsync. */
  #truncate(offset: number, reset = false): Promise<void> {
    return truncateLog(this.#trim, offset, (end) => {
      if (this.#hw > end) this.#hw = end;
      this.#pipeline.rejectCut(end);
    }, { reset });
  }

  /** DeleteRecords: advances the log start offset and deletes segments wholly below it. */
  async deleteBefore(offset: number): Promise<void> {
    this.#checkOpen();
    if (!Number.isSafeInteger(offset) || offset > this.logEndOffset) {
      throw new JournalError('OFFSET_OUT_OF_RANGE', `deleteBefore(${offset}) beyond log end ${this.logEndOffset}`);
    }
    this.#pipeline.closeGroup();
    await this.#chain.run(() => deleteBefore(this.#trim, offset));
  }

  /** Deletes whole segments (never the active one) beyond retentionBytes or older than retentionMs. */
  async enforceRetention(nowMs: number): Promise<{ segmentsDeleted: number }> {
    this.#checkOpen();
    return this.#chain.run(() => enforceRetention(this.#trim, this.config, nowMs));
  }

  // ------------------------------------------------------------------ flush, close, destroy

  /** Waits for queued appends and puts everything written so far on disk. */
  async flush(): Promise<void> {
    this.#checkOpen();
    this.#pipeline.closeGroup();
    await this.#chain.run(async () => {
      try {
        const rolled = await this.#roller.settle();
        if (rolled !== null) throw rolled;
        await this.#segments.active.file.datasync();
      } catch (err) {
        throw err instanceof JournalError ? err : storageError(`fsync ${this.#segments.active.logPath()}`, err);
      }
      this.#pipeline.resolveAwaiting();
    });
  }

  /** Clean shutdown: queued appends finish, indexes are written, and a marker skips recovery next time. */
  async close(): Promise<void> {
    if (this.#closing) { await this.#chain.idle(); return; }
    this.#closing = true;
    this.#pipeline.closeGroup();
    for (const t of this.#timers) clearInterval(t);
    this.#pipeline.stopTimer();
    await this.#chain.run(async () => {
      let clean = true;
      try {
        const rolled = await this.#roller.settle();
        if (rolled !== null) throw rolled;
        await this.#segments.active.file.datasync();
        this.#pipeline.resolveAwaiting();
        for (const s of this.#segments.all) if (s.indexDirty) await s.writeIndexes(true);
        await this.#fs.writeFileAtomic(join(this.dir, CLEAN_SHUTDOWN_FILE), encodeCleanShutdownMarker(this.#segments.all));
      } catch (err) {
        clean = false;
        this.#pipeline.rejectAwaiting('fsync on close', err);
        this.#logger.warn({ dir: this.dir, err: String(err) }, 'journal: unclean close; recovery will run on next open');
      }
      for (const s of this.#segments.all) await s.closeFile().catch(() => undefined);
      this.#closed = true;
      if (!clean) throw new JournalError('STORAGE', `closing ${this.dir} failed; recovery runs on next open`);
    });
  }

  /** Removes the whole partition folder (DeleteTopics). */
  async destroy(): Promise<void> {
    await this.close().catch(() => undefined);
    await this.#fs.rmrf(this.dir);
  }
}
