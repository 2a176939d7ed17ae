/**
 * PartitionLog: the journal of one partition. A folder of segments (segment.ts), appended to by a
 * single write pipeline with group commit, read through the node's shared PageCache (cache.ts).
 * Knows nothing of the network. Formats: file-names.ts, offset-index.ts, time-index.ts,
 * leader-epochs.ts; crash handling: recovery.ts.
 *
 * Write pipeline. append() validates every batch synchronously (length, magic, CRC-32C) and queues
 * the records into the open *group*. One group at a time is written by an exclusive operation:
 * offsets are assigned there (baseOffset and partitionLeaderEpoch are patched in the caller's
 * buffer; the CRC does not cover them), all of the group's bytes go to the file in one writev, and
 * under `fsync: always` one fdatasync covers the whole group before any of its appends resolve.
 * Appends arriving meanwhile form the next group. truncateFrom, deleteBefore, retention, flush and
 * close are exclusive operations in the same chain, so they are ordered with appends by call order.
 *
 * logEndOffset advances when bytes are written (before fsync); callers expose data to consumers
 * only up to the highWatermark they set.
 */
import { join } from 'node:path';
import { crc32c } from '@node-rs/crc32';
import {
  checkBatch, patchBaseOffsetAndEpoch, BATCH_HEADER_BYTES, BATCH_LENGTH_PREFIX_BYTES, MAGIC_V2, OFFSET_ATTRIBUTES, OFFSET_BATCH_LENGTH,
  OFFSET_BASE_OFFSET, OFFSET_CRC, OFFSET_LAST_OFFSET_DELTA, OFFSET_MAGIC, OFFSET_MAX_TIMESTAMP, OFFSET_PARTITION_LEADER_EPOCH,
} from '../protocol/records/batch-header.js';
import { readInt64 } from '../util/int64.js';
import { AssertionError } from '../util/assert.js';
import { CACHE_BYTES_MAX_DEFAULT, PageCache } from './cache.js';
import { validateJournalConfig, type JournalConfig } from './config.js';
import { CorruptLogError, findResume } from './corruption.js';
import { JournalError, storageError } from './errors.js';
import { dirOf, NODE_FILE_LAYER, type FileLayer } from './file-layer.js';
import { CLEAN_SHUTDOWN_FILE, INDEX_SUFFIX, LEADER_EPOCHS_FILE, LOG_START_OFFSET_FILE, LOG_SUFFIX, parseSegmentFileName, RECOVERY_POINT_FILE, TIME_INDEX_SUFFIX } from './file-names.js';
import { LeaderEpochs } from './leader-epochs.js';
import { OffsetGaps } from './offset-gaps.js';
import type { ScanResult } from './recovery.js';
import { Segment } from './segment.js';

export type { FsyncPolicy, JournalConfig } from './config.js';
export { DEFAULT_JOURNAL_CONFIG, parseFsyncPolicy } from './config.js';
export { JournalError } from './errors.js';
export { CorruptLogError } from './corruption.js';
export { PageCache } from './cache.js';
export type { FileLayer, JournalFile } from './file-layer.js';

export interface AppendResult { baseOffset: number; lastOffset: number; batchCount: number }
/** Whole batches in offset order; each chunk holds whole batches and can be written to a socket as is. */
export interface ReadResult { chunks: Buffer[]; bytes: number }
export interface JournalLogger { info(o: object, m?: string): void; warn(o: object, m?: string): void }
export interface PartitionLogDeps { cache?: PageCache; fs?: FileLayer; logger?: JournalLogger; clock?: () => number }

/** A sequential reader within this many bytes of a segment's end preloads the next segment. */
export const PRELOAD_TRIGGER_BYTES = 1024 * 1024;
/** Pages of the next segment loaded by a preload. */
export const PRELOAD_PAGES = 4;
/**
 * fsync: always: a group of at least twice this many bytes is written in chunks of about this
 * size, each flushed while the next is written (see writeRun). Small groups are written at once.
 */
export const FLUSH_AHEAD_BYTES = 4 * 1024 * 1024;

const NOOP_LOGGER: JournalLogger = { info() {}, warn() {} };

let defaultCache: PageCache | null = null;
/**
 * The cache used when open() gets none: one per process, so partitions opened without an explicit
 * cache still share one budget (CACHE_BYTES_MAX_DEFAULT) rather than each getting its own.
 */
export function sharedDefaultCache(): PageCache {
  defaultCache ??= new PageCache({ cacheBytesMax: CACHE_BYTES_MAX_DEFAULT });
  return defaultCache;
}

/**
 * One validated batch of an append. `baseOffset` and `epoch` are the batch's own for
 * appendReplicated; for append they are filled in when the group is written, and the same object
 * then goes to Segment.noteAppended (no second per-batch record).
 */
interface PendingBatch { pos: number; totalBytes: number; lastOffsetDelta: number; maxTimestamp: number; baseOffset: number; epoch: number }
interface PendingAppend {
  records: Buffer;
  batches: PendingBatch[];
  leaderEpoch: number;
  /** appendReplicated: keep the batches' own baseOffset and partitionLeaderEpoch. */
  preserve: boolean;
  resolve(r: AppendResult): void;
  reject(e: Error): void;
  result?: AppendResult;
}

export class PartitionLog {
  private segments: Segment[] = [];
  private logStart = 0;
  private hw = 0;
  private group: PendingAppend[] | null = null;
  private chain: Promise<void> = Promise.resolve();
  private awaitingSync: PendingAppend[] = [];
  /** The background sync of the segment rolled last under fsync never/interval (see roll); never rejects. */
  private rollSync: Promise<Error | null> | null = null;
  private epochs = new LeaderEpochs();
  private recoveryPoint = 0;
  private closing = false;
  private closed = false;
  private timers: NodeJS.Timeout[] = [];
  private syncTimer: NodeJS.Timeout | null = null;
  private readonly fs: FileLayer;
  readonly cache: PageCache;
  private readonly logger: JournalLogger;
  private readonly clock: () => number;

  private constructor(readonly dir: string, private currentConfig: JournalConfig, deps: PartitionLogDeps) {
    this.fs = deps.fs ?? NODE_FILE_LAYER;
    this.cache = deps.cache ?? sharedDefaultCache();
    this.logger = deps.logger ?? NOOP_LOGGER;
    this.clock = deps.clock ?? Date.now;
  }

  private get active(): Segment { return this.segments[this.segments.length - 1]!; }
  get config(): JournalConfig { return this.currentConfig; }

  /**
   * Changes settings of an open log (topic AlterConfigs). Every field is read where it is used, so
   * the next append sees new segment/batch sizes and the next enforceRetention the new retention.
   * The background retention timer's interval is fixed at open. Throws an Error naming a bad field.
   */
  reconfigure(changes: Partial<Pick<JournalConfig, 'segmentBytesMax' | 'segmentMsMax' | 'batchBytesMax' | 'retentionBytes' | 'retentionMs'>>): void {
    const next = { ...this.currentConfig, ...changes };
    validateJournalConfig(next);
    this.currentConfig = next;
  }
  get logStartOffset(): number { return this.logStart; }
  get logEndOffset(): number { return this.active.nextOffset; }
  /** Set by the caller (the commit index); clamped to logEndOffset. */
  get highWatermark(): number { return this.hw; }
  set highWatermark(v: number) { this.hw = Math.max(0, Math.min(v, this.logEndOffset)); }
  get sizeBytes(): number { let n = 0; for (const s of this.segments) n += s.size; return n; }
  get segmentCount(): number { return this.segments.length; }
  /** Base offsets of the segments, oldest first (for tests and admin views). */
  segmentBaseOffsets(): number[] { return this.segments.map((s) => s.base); }

  static async open(dir: string, config: JournalConfig, deps: PartitionLogDeps = {}): Promise<PartitionLog> {
    validateJournalConfig(config);
    const log = new PartitionLog(dir, config, deps);
    try {
      await log.load();
    } catch (err) {
      if (err instanceof JournalError || err instanceof AssertionError) throw err;
      throw storageError(`opening ${dir}`, err);
    }
    return log;
  }

  // ------------------------------------------------------------------ open and recovery

  private async load(): Promise<void> {
    const { fs, dir } = this;
    if (!(await fs.exists(dir))) {
      // The new folder's name lives in the parent: without this fsync a power loss can take the
      // whole partition, acknowledged appends included.
      await fs.mkdirp(dir);
      await fs.fsyncDir(dirOf(dir));
    }
    const names = await fs.readdir(dir);
    const clean = names.includes(CLEAN_SHUTDOWN_FILE);
    const bases = names.map((n) => parseSegmentFileName(n, LOG_SUFFIX)).filter((b): b is number => b !== null).sort((a, b) => a - b);
    const baseSet = new Set(bases);
    for (const n of names) {
      const orphan = [INDEX_SUFFIX, TIME_INDEX_SUFFIX].some((suf) => { const b = parseSegmentFileName(n, suf); return b !== null && !baseSet.has(b); });
      if (orphan || n.endsWith('.tmp')) await fs.unlink(join(dir, n));
    }
    const recoveryPointFile = await this.readNumberFile(RECOVERY_POINT_FILE);
    const logStartFile = await this.readNumberFile(LOG_START_OFFSET_FILE);
    let epochsFile: LeaderEpochs | null = null;
    let epochsBytes: Buffer | null = null;
    if (names.includes(LEADER_EPOCHS_FILE)) { epochsBytes = await fs.readFile(join(dir, LEADER_EPOCHS_FILE)); epochsFile = LeaderEpochs.decode(epochsBytes); }
    const now = this.clock();
    const tail = (): number => this.tailByte();

    if (bases.length === 0) {
      const base = logStartFile ?? 0;
      this.segments = [await Segment.create(dir, base, fs, this.cache, tail, this.config.indexIntervalBytes, now)];
      await this.active.writeIndexes(true);
      await fs.fsyncDir(dir);
      this.logStart = base;
      await this.writeNumberFile(RECOVERY_POINT_FILE, base);
      this.recoveryPoint = base;
      if (logStartFile === null) await this.writeNumberFile(LOG_START_OFFSET_FILE, base);
      await this.writeEpochs();
      if (clean) { await fs.unlink(join(dir, CLEAN_SHUTDOWN_FILE)); await fs.fsyncDir(dir); }
      this.startTimers();
      return;
    }

    // The clean-shutdown marker records each segment's index checksums, so a damaged index is
    // caught on open, not only when a lookup lands on a wrong entry.
    const markerCrcs = clean ? parseMarker(await fs.readFile(join(dir, CLEAN_SHUTDOWN_FILE)).catch(() => Buffer.alloc(0))) : new Map<number, [number, number]>();
    const recoveryPoint = clean ? Number.MAX_SAFE_INTEGER : (recoveryPointFile ?? 0);
    const gaps = await OffsetGaps.read(dir, fs);
    const segs: Segment[] = [];
    for (const b of bases) segs.push(await Segment.openFile(dir, b, fs, this.cache, tail, this.config.indexIntervalBytes, now));
    const scannedEpochs: { epoch: number; startOffset: number }[] = [];
    let firstRecoveredBase = -1;
    let prevEpoch = -1;
    let keep = segs.length;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i]!;
      const expectedBase = i === 0 ? seg.base : segs[i - 1]!.nextOffset;
      let truncated = false;
      if (seg.base >= recoveryPoint) {
        if (firstRecoveredBase < 0) firstRecoveredBase = seg.base;
        if (prevEpoch < 0 && epochsFile) prevEpoch = epochBefore(epochsFile, seg.base);
        const r = await seg.scan(true, prevEpoch);
        seg.adoptScan(r);
        scannedEpochs.push(...r.epochs);
        if (r.epochs.length > 0) prevEpoch = r.epochs[r.epochs.length - 1]!.epoch;
        if (r.validBytes < seg.size) {
          await refuseCorruption(segs, i, r);
          this.logger.warn({ dir, segment: seg.base, sizeBytes: seg.size, validBytes: r.validBytes, droppedBytes: seg.size - r.validBytes, reason: r.stopReason }, 'journal recovery: truncating segment at the first invalid byte');
          await seg.file.truncate(r.validBytes);
          seg.size = r.validBytes;
          truncated = true;
        }
        await seg.file.datasync();
        await seg.writeIndexes(true);
      } else {
        const why = await seg.loadIndexes(markerCrcs.get(seg.base));
        if (why !== null) {
          this.logger.warn({ dir, segment: seg.base, reason: why }, 'journal: rebuilding segment index');
          const r = await seg.scan(true, -1);
          seg.adoptScan(r);
          if (r.validBytes < seg.size) {
            await refuseCorruption(segs, i, r);
            this.logger.warn({ dir, segment: seg.base, sizeBytes: seg.size, validBytes: r.validBytes, reason: r.stopReason }, 'journal: damaged batch in a closed segment; truncating the log there');
            await seg.file.truncate(r.validBytes);
            seg.size = r.validBytes;
            truncated = true;
          }
          await seg.writeIndexes(true);
        }
      }
      if (seg.base !== expectedBase && !gaps.allows(expectedBase, seg.base)) {
        this.logger.warn({ dir, segment: seg.base, expectedBase }, 'journal recovery: segment does not continue the log; dropping it and later segments');
        keep = i;
        break;
      }
      if (truncated) {
        keep = i + 1;
        // An emptied segment that is not the first would leave a name that no batch backs.
        if (seg.size === 0 && i > 0) keep = i;
        break;
      }
    }
    for (const dropped of segs.slice(keep)) {
      this.logger.warn({ dir, segment: dropped.base, sizeBytes: dropped.size }, 'journal recovery: deleting segment after the truncation point');
      await dropped.delete();
    }
    this.segments = segs.slice(0, keep);
    this.assignStartBytes();

    // Leader epochs: trust the file for what was not recovered, rebuild the rest from headers.
    if (epochsFile === null) {
      this.epochs = new LeaderEpochs();
      let prev = -1;
      for (const seg of this.segments) {
        const r = firstRecoveredBase >= 0 && seg.base >= firstRecoveredBase ? null : await seg.scan(false, prev);
        const list = r ? r.epochs : scannedEpochs.filter((e) => e.startOffset >= seg.base && e.startOffset < seg.nextOffset);
        for (const e of list) { this.epochs.assign(e.epoch, e.startOffset); prev = e.epoch; }
      }
    } else {
      this.epochs = epochsFile;
      if (firstRecoveredBase >= 0) {
        this.epochs.truncateFrom(firstRecoveredBase);
        for (const e of scannedEpochs) this.epochs.assign(e.epoch, e.startOffset);
      }
    }
    this.epochs.truncateFrom(this.logEndOffset);

    this.logStart = Math.min(Math.max(logStartFile ?? this.segments[0]!.base, this.segments[0]!.base), this.logEndOffset);
    // Segments wholly below the log start (a crash during deleteBefore or retention) go now.
    while (this.segments.length > 1 && this.segments[1]!.base <= this.logStart) {
      const s = this.segments[0]!;
      this.segments = this.segments.slice(1);
      await s.delete();
    }
    this.epochs.trimBefore(this.logStart);
    // Small files are rewritten only when they changed: opening many partitions stays cheap.
    if (epochsBytes === null || !this.epochs.encode().equals(epochsBytes)) await this.writeEpochs();
    this.active.createdMs = now;
    this.active.indexDirty = true;
    if (clean) await fs.unlink(join(dir, CLEAN_SHUTDOWN_FILE));
    await fs.fsyncDir(dir);
    if (recoveryPointFile !== this.active.base) await this.writeNumberFile(RECOVERY_POINT_FILE, this.active.base);
    this.recoveryPoint = this.active.base;
    this.startTimers();
  }

  private startTimers(): void {
    const every = this.config.retentionCheckMs ?? 0;
    if (every > 0 && (this.config.retentionBytes >= 0 || this.config.retentionMs >= 0)) {
      const t = setInterval(() => {
        if (this.closing) return;
        this.enforceRetention(this.clock()).catch((err: unknown) => this.logger.warn({ dir: this.dir, err: String(err) }, 'journal retention failed'));
      }, every);
      t.unref();
      this.timers.push(t);
    }
  }

  private assignStartBytes(): void {
    let at = 0;
    for (const s of this.segments) { s.startByte = at; at += s.size; }
  }

  private tailByte(): number {
    const a = this.segments[this.segments.length - 1];
    return a === undefined ? 0 : a.startByte + a.size;
  }

  private async readNumberFile(name: string): Promise<number | null> {
    try {
      const text = (await this.fs.readFile(join(this.dir, name))).toString('utf8').trim();
      if (!/^\d+$/.test(text)) return null;
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : null;
    } catch {
      return null;
    }
  }

  private writeNumberFile(name: string, n: number): Promise<void> {
    return this.fs.writeFileAtomic(join(this.dir, name), Buffer.from(`${n}\n`));
  }

  private writeEpochs(): Promise<void> {
    return this.fs.writeFileAtomic(join(this.dir, LEADER_EPOCHS_FILE), this.epochs.encode());
  }

  // ------------------------------------------------------------------ exclusive operations

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    this.chain = run.then(() => undefined, () => undefined);
    return run;
  }

  private checkOpen(): void {
    if (this.closing) throw new JournalError('CLOSED', `partition log ${this.dir} is closed`);
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
      this.checkOpen();
      if (!Number.isSafeInteger(opts.leaderEpoch) || opts.leaderEpoch < 0 || opts.leaderEpoch > 0x7fffffff) throw new AssertionError(`leaderEpoch ${opts.leaderEpoch} out of range`);
      return this.enqueue(records, this.validateAll(records, false), opts.leaderEpoch, false);
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
      this.checkOpen();
      const batches = this.validateAll(records, true);
      return this.enqueue(records, batches, batches[0]!.epoch, true);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /** Checks every batch (length, magic, CRC-32C) before anything is queued; throws JournalError. */
  private validateAll(records: Buffer, replicated: boolean): PendingBatch[] {
    if (records.length === 0) throw new JournalError('CORRUPT_BATCH', 'no batches in records');
    const batches: PendingBatch[] = [];
    const batchBytesMax = this.config.batchBytesMax;
    for (let pos = 0; pos < records.length;) {
      const b = validateBatch(records, pos, batchBytesMax, replicated);
      if (typeof b === 'string') {
        // Let the shared checker name the problem precisely.
        const r = checkBatch(records, pos, this.config.batchBytesMax);
        const reason = r.ok ? b : `${r.reason} (${r.detail})`;
        throw new JournalError(!r.ok && r.reason === 'too-large' ? 'BATCH_TOO_LARGE' : 'CORRUPT_BATCH', `batch ${batches.length} at byte ${pos}: ${reason}`);
      }
      batches.push(b);
      pos += b.totalBytes;
    }
    return batches;
  }

  private enqueue(records: Buffer, batches: PendingBatch[], leaderEpoch: number, preserve: boolean): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      const item: PendingAppend = { records, batches, leaderEpoch, preserve, resolve, reject };
      if (this.group === null) {
        const g: PendingAppend[] = [];
        this.group = g;
        void this.exclusive(() => this.writeGroup(g));
      }
      this.group.push(item);
    });
  }

  /**
   * Writes one run of whole batches at the end of the active segment and records them there.
   * Under `fsync: always` a large run is written in FLUSH_AHEAD_BYTES chunks, and an fdatasync of
   * what is written so far runs while the next chunk is written, so the device flushes while the
   * rest is copied into the OS page cache. That only starts writeback early: the group's appends
   * still resolve after the group's own fdatasync (writeGroup), which starts after all of this.
   * A failed early fdatasync fails the run like a failed write.
   */
  private async writeRun(bufs: Buffer[], batches: PendingBatch[], runBytes: number): Promise<void> {
    const seg = this.active, pos = seg.size;
    const chunked = runBytes >= 2 * FLUSH_AHEAD_BYTES && bufs.length > 1 && this.config.fsync.mode === 'always';
    let first = bufs, rest: Buffer[] = [];
    if (chunked) {
      let n = 0, bytes = 0;
      while (n < bufs.length && bytes < FLUSH_AHEAD_BYTES) bytes += bufs[n++]!.length;
      first = bufs.slice(0, n); rest = bufs.slice(n);
    }
    const writing = seg.file.writeAll(first, pos);
    // Fill the tail pages while the write is in flight (it runs on libuv's thread pool). Readers
    // never see these bytes before seg.size covers them, which happens only after the write.
    seg.copyToPages(pos, bufs);
    try {
      await writing;
      let at = pos;
      for (const b of first) at += b.length;
      let flushing: Promise<void> | null = null;
      for (let i = 0; i < rest.length;) {
        let n = i, bytes = 0;
        while (n < rest.length && bytes < FLUSH_AHEAD_BYTES) bytes += rest[n++]!.length;
        if (flushing !== null) await flushing;
        flushing = seg.file.datasync();
        flushing.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
        await seg.file.writeAll(i === 0 && n === rest.length ? rest : rest.slice(i, n), at);
        at += bytes;
        i = n;
      }
      if (flushing !== null) await flushing;
    } catch (err) {
      seg.dropPagesFrom(pos);
      // Best effort: cut partial bytes; positional writes would overwrite them anyway.
      await seg.file.truncate(pos).catch(() => undefined);
      throw storageError(`writing ${seg.logPath()}`, err);
    }
    seg.noteAppended(pos, batches);
  }

  /** Why a replicated append cannot go at `next`, or null. */
  private replicatedProblem(item: PendingAppend, next: number): string | null {
    let offset = next, epoch = this.epochs.latestEpoch;
    for (const b of item.batches) {
      if (b.baseOffset !== offset) return `batch at offset ${b.baseOffset} where ${offset} was expected`;
      if (b.epoch < epoch) return `epoch ${b.epoch} below ${epoch}`;
      epoch = b.epoch;
      offset += b.lastOffsetDelta + 1;
    }
    return null;
  }

  private async writeGroup(items: PendingAppend[]): Promise<void> {
    if (this.group === items) this.group = null;
    const { segmentBytesMax, segmentMsMax } = this.config;
    const written: PendingAppend[] = [];
    let failedAt = -1;
    let failure: Error | null = null;
    let epochsChanged = false;
    // A run: contiguous bytes for the active segment, written with one writev (writeRun).
    let bufs: Buffer[] = [];
    let infos: PendingBatch[] = [];
    let runBytes = 0;
    let next = this.active.nextOffset; // offset for the next batch of this group
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      try {
        if (item.preserve) {
          const problem = this.replicatedProblem(item, next);
          if (problem !== null) { item.reject(new JournalError('CORRUPT_BATCH', `replicated append: ${problem}`)); continue; }
        } else if (item.leaderEpoch < this.epochs.latestEpoch) {
          item.reject(new AssertionError(`append with leaderEpoch ${item.leaderEpoch} below the log's latest epoch ${this.epochs.latestEpoch}`));
          continue;
        }
        let offset = next;
        const base = offset;
        item.result = { baseOffset: base, lastOffset: base - 1, batchCount: item.batches.length };
        if (!item.preserve && this.epochs.assign(item.leaderEpoch, base)) epochsChanged = true;
        const now = this.clock();
        const itemBytes = item.records.length;
        const fits = this.active.size + runBytes + itemBytes <= segmentBytesMax && now - this.active.createdMs < segmentMsMax;
        // Bytes [pendingFrom, pendingTo) of this item are not yet in bufs: consecutive batches of
        // one append go out as one iovec (the common case: the whole append).
        let pendingFrom = 0, pendingTo = 0;
        const itemBatches = item.batches;
        for (let bi = 0; bi < itemBatches.length; bi++) {
          const b = itemBatches[bi]!;
          if (!fits) {
            const seg = this.active;
            const fill = seg.size + runBytes;
            if (fill > 0 && (fill + b.totalBytes > segmentBytesMax || now - seg.createdMs >= segmentMsMax)) {
              if (pendingTo > pendingFrom) bufs.push(item.records.subarray(pendingFrom, pendingTo));
              pendingFrom = pendingTo = b.pos;
              if (runBytes > 0) { await this.writeRun(bufs, infos, runBytes); bufs = []; infos = []; runBytes = 0; }
              // The roll moves the recovery point past the old segment, which is then never
              // rescanned: the epochs its batches started must be on disk first.
              if (epochsChanged) { await this.writeEpochs(); epochsChanged = false; }
              await this.roll(true);
            }
          }
          if (item.preserve) {
            if (this.epochs.assign(b.epoch, offset)) epochsChanged = true;
          } else {
            patchBaseOffsetAndEpoch(item.records, b.pos, offset, item.leaderEpoch);
            b.baseOffset = offset;
            b.epoch = item.leaderEpoch;
          }
          pendingTo = b.pos + b.totalBytes;
          infos.push(b);
          runBytes += b.totalBytes;
          offset += b.lastOffsetDelta + 1;
        }
        if (pendingTo > pendingFrom) bufs.push(pendingFrom === 0 && pendingTo === item.records.length ? item.records : item.records.subarray(pendingFrom, pendingTo));
        next = offset;
        item.result.lastOffset = offset - 1;
        written.push(item);
      } catch (err) {
        failedAt = i;
        failure = err instanceof JournalError ? err : storageError('append', err);
        break;
      }
    }
    if (failure === null && runBytes > 0) {
      try { await this.writeRun(bufs, infos, runBytes); } catch (err) { failure = err as Error; failedAt = items.length; }
    }
    if (failure !== null) {
      // Items whose bytes did not all reach the file fail, and so does everything after them; the
      // log is cut back to the first of them so that the next append reuses its offsets.
      const end = this.active.nextOffset;
      const ok = written.filter((w) => w.result!.lastOffset < end);
      const bad = [...written.filter((w) => w.result!.lastOffset >= end), ...items.slice(Math.max(0, failedAt))];
      const cut = bad.reduce((m, w) => Math.min(m, w.result?.baseOffset ?? Number.MAX_SAFE_INTEGER), end);
      if (cut < end) await this.truncateInternal(cut).catch(() => undefined);
      this.epochs.truncateFrom(this.logEndOffset);
      for (const w of new Set(bad)) w.reject(failure);
      written.length = 0;
      written.push(...ok);
      this.logger.warn({ dir: this.dir, err: failure.message, failedAppends: bad.length }, 'journal append failed');
    }
    if (epochsChanged) {
      await this.writeEpochs().catch((err: unknown) => this.logger.warn({ dir: this.dir, err: String(err) }, 'journal: writing leader-epochs failed (rebuilt on open)'));
    }
    if (written.length === 0) return;
    const mode = this.config.fsync.mode;
    if (mode === 'always') {
      try {
        await this.active.file.datasync();
      } catch (err) {
        await this.failUnsynced(written, err);
        return;
      }
      for (const w of written) w.resolve(w.result!);
    } else if (mode === 'interval') {
      this.awaitingSync.push(...written);
      // One fsync per interval while appends wait; the timer keeps the process alive until they resolve.
      if (this.syncTimer === null && this.config.fsync.mode === 'interval') {
        this.syncTimer = setTimeout(() => {
          this.syncTimer = null;
          if (!this.closed) void this.exclusive(() => this.syncAwaiting());
        }, this.config.fsync.intervalMs);
      }
    } else {
      for (const w of written) w.resolve(w.result!);
    }
  }

  /** Resolves interval-mode appends once their bytes are on disk. */
  private async syncAwaiting(): Promise<void> {
    const items = this.awaitingSync.splice(0);
    try {
      const rolled = await this.settleRollSync(); // some of these appends may be in the rolled segment
      if (rolled !== null) throw rolled;
      await this.active.file.datasync();
    } catch (err) {
      await this.failUnsynced(items, err);
      return;
    }
    for (const w of items) w.resolve(w.result!);
  }

  /**
   * An fsync failed: the bytes of these appends may or may not be on disk (and Linux may already
   * have marked the pages clean). Fail the appends and cut the log back to the first of them, so a
   * failed append never stays in the log for a retry to duplicate.
   */
  private async failUnsynced(items: PendingAppend[], err: unknown): Promise<void> {
    const e = storageError(`fsync ${this.active.logPath()}`, err);
    const cut = items.reduce((m, w) => Math.min(m, w.result!.baseOffset), Number.MAX_SAFE_INTEGER);
    if (cut < this.logEndOffset) {
      await this.truncateInternal(cut).catch((terr: unknown) => this.logger.warn({ dir: this.dir, err: String(terr) }, 'journal: could not cut back after a failed fsync'));
    }
    for (const w of items) w.reject(e);
    this.logger.warn({ dir: this.dir, err: e.message, failedAppends: items.length }, 'journal fsync failed');
  }

  /**
   * Closes the active segment and starts a new one. Under `fsync: always` (and when `background`
   * is false) the old segment's log and indexes are synced before the new one is created, as
   * before. Under `never` and `interval` that sync (which can flush a whole segment of dirty pages,
   * far longer than any append) runs in the background instead, outside the append chain: the
   * recovery point moves to the new segment only after the old one is on disk, so a crash meanwhile
   * rescans the old segment too. Every other operation that touches old segments, the recovery
   * point or durability (truncation, deletion, retention, flush, interval syncs, close, the next
   * roll) first waits for it (settleRollSync).
   */
  private async roll(background = false): Promise<void> {
    const prior = await this.settleRollSync();
    if (prior !== null) this.logger.warn({ dir: this.dir, err: prior.message }, 'journal: syncing a rolled segment failed; recovery will rescan it');
    const old = this.active;
    const deferSync = background && this.config.fsync.mode !== 'always';
    if (!deferSync) {
      await old.writeIndexes(true);
      await old.file.datasync();
    }
    const seg = await Segment.create(this.dir, old.nextOffset, this.fs, this.cache, () => this.tailByte(), this.config.indexIntervalBytes, this.clock());
    seg.startByte = old.startByte + old.size;
    await seg.writeIndexes(false);
    await this.fs.fsyncDir(this.dir);
    this.segments = [...this.segments, seg];
    if (!deferSync) {
      // Segments before the new one are on disk: recovery after a crash starts here.
      await this.writeNumberFile(RECOVERY_POINT_FILE, seg.base);
      this.recoveryPoint = seg.base;
      return;
    }
    this.rollSync = (async (): Promise<Error | null> => {
      try {
        await old.file.datasync();
        await old.writeIndexes(true);
        await this.writeNumberFile(RECOVERY_POINT_FILE, seg.base);
        this.recoveryPoint = seg.base;
        return null;
      } catch (err) {
        return storageError(`syncing rolled segment ${old.logPath()}`, err);
      }
    })();
  }

  /** Waits for a background roll sync (see roll); its error (the old segment may not be on disk) or null. */
  private async settleRollSync(): Promise<Error | null> {
    const p = this.rollSync;
    if (p === null) return null;
    const err = await p;
    if (this.rollSync === p) this.rollSync = null;
    return err;
  }

  // ------------------------------------------------------------------ read

  private segmentIndexFor(offset: number, segs: Segment[]): number {
    let lo = 0, hi = segs.length - 1, ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (segs[mid]!.base <= offset) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  }

  /**
   * Whole batches from the one containing `offset`, at least one batch, up to maxBytes; never a
   * batch whose baseOffset is >= opts.maxOffset. Chunks are subarrays of cache pages shared with
   * every other reader (a batch that spans pages is copied into its own chunk): never modify them;
   * copy first (e.g. a filter that rewrites a batch).
   */
  async read(offset: number, maxBytes: number, opts: { maxOffset?: number } = {}): Promise<ReadResult> {
    this.checkOpen();
    if (!Number.isSafeInteger(offset) || offset < this.logStart || offset > this.logEndOffset) {
      throw new JournalError('OFFSET_OUT_OF_RANGE', `offset ${offset} outside [${this.logStart}, ${this.logEndOffset}]`);
    }
    const bound = Math.min(opts.maxOffset ?? Number.MAX_SAFE_INTEGER, this.logEndOffset);
    const chunks: Buffer[] = [];
    let bytes = 0;
    if (offset >= bound) return { chunks, bytes };
    const segs = this.segments;
    const pb = this.cache.pageBytes;
    let done = false;
    try {
      for (let si = this.segmentIndexFor(offset, segs); si < segs.length && !done; si++) {
        const seg = segs[si]!;
        seg.retain();
        try {
          const end = seg.size;
          let p = chunks.length === 0 && bytes === 0 ? await seg.findPosition(offset) : 0;
          let runStart = -1, runEnd = -1, runPage = -1;
          const flushRun = async (): Promise<void> => {
            if (runPage >= 0) chunks.push(seg.cachedBytes(runStart, runEnd - runStart, true) ?? await seg.readBytes(runStart, runEnd - runStart));
            runPage = -1;
          };
          while (p < end) {
            const h = seg.cachedHeaderAt(p) ?? await seg.headerAt(p);
            if (h.baseOffset >= bound || (bytes > 0 && bytes + h.totalBytes > maxBytes)) { done = true; break; }
            const first = Math.floor(p / pb), last = Math.floor((p + h.totalBytes - 1) / pb);
            if (first === last && runPage === first && runEnd === p) {
              runEnd += h.totalBytes;
            } else {
              await flushRun();
              if (first === last) { runPage = first; runStart = p; runEnd = p + h.totalBytes; } else chunks.push(await seg.readBytes(p, h.totalBytes));
            }
            bytes += h.totalBytes;
            p += h.totalBytes;
          }
          await flushRun();
          // A reader near the end of a segment will want the next one soon: start loading it.
          const next = segs[si + 1];
          if (next !== undefined && end - p <= PRELOAD_TRIGGER_BYTES) for (let i = 0; i < PRELOAD_PAGES; i++) next.preload(i);
        } finally {
          seg.release();
        }
      }
    } catch (err) {
      if (err instanceof JournalError || err instanceof AssertionError) throw err;
      if (this.closing) throw new JournalError('CLOSED', `partition log ${this.dir} closed during read`);
      throw storageError(`reading ${this.dir}`, err);
    }
    return { chunks, bytes };
  }

  // ------------------------------------------------------------------ lookups

  /** The first batch whose maxTimestamp >= timestampMs: its baseOffset and bytes, or null. */
  async offsetForTimestamp(timestampMs: number): Promise<{ offset: number; batch: Buffer } | null> {
    this.checkOpen();
    for (const seg of this.segments) {
      if (seg.size === 0 || seg.maxTimestamp < timestampMs) continue;
      seg.retain();
      try {
        const r = await seg.findTimestamp(timestampMs);
        if (r !== null) return { offset: r.h.baseOffset, batch: await seg.readBytes(r.pos, r.h.totalBytes) };
      } catch (err) {
        throw storageError(`time lookup in ${this.dir}`, err);
      } finally {
        seg.release();
      }
    }
    return null;
  }

  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } {
    return this.epochs.endOffsetFor(epoch, this.logEndOffset);
  }

  /** Epoch → start offset entries, oldest first. */
  leaderEpochEntries(): { epoch: number; startOffset: number }[] {
    return this.epochs.entries.map((e) => ({ ...e }));
  }

  // ------------------------------------------------------------------ truncation, deletion, retention

  /**
   * Removes everything at and after `offset`. Batches are never split: when `offset` falls inside a
   * batch, that whole batch goes and logEndOffset becomes its baseOffset.
   */
  async truncateFrom(offset: number): Promise<void> {
    this.checkOpen();
    if (!Number.isSafeInteger(offset) || offset < 0) throw new AssertionError(`truncateFrom(${offset})`);
    this.group = null; // appends called after this go after the truncation
    await this.exclusive(() => this.truncateInternal(offset));
  }

  private async truncateInternal(offset: number): Promise<void> {
    if (offset >= this.logEndOffset) return;
    const rolled = await this.settleRollSync();
    if (rolled !== null) this.logger.warn({ dir: this.dir, err: rolled.message }, 'journal: syncing a rolled segment failed; recovery will rescan it');
    const segs = this.segments;
    let keep: number; // segments kept
    let cutPos = -1;
    if (offset <= segs[0]!.base) {
      keep = 0;
    } else {
      const si = this.segmentIndexFor(offset, segs);
      const seg = segs[si]!;
      const pos = await seg.findPosition(offset);
      if (pos === 0 && si > 0) keep = si;
      else { keep = si + 1; cutPos = pos; }
    }
    try {
      for (const s of segs.slice(keep)) await s.delete();
      if (keep === 0) {
        const seg = await Segment.create(this.dir, offset, this.fs, this.cache, () => this.tailByte(), this.config.indexIntervalBytes, this.clock());
        await seg.writeIndexes(false);
        this.segments = [seg];
        this.logStart = offset;
        await this.writeNumberFile(LOG_START_OFFSET_FILE, offset);
      } else {
        this.segments = segs.slice(0, keep);
        if (cutPos >= 0 && cutPos < this.active.size) await this.active.truncate(cutPos);
        this.active.indexDirty = true;
        this.active.createdMs = this.clock();
      }
      await this.active.file.datasync();
      await this.fs.fsyncDir(this.dir);
      if (this.recoveryPoint > this.active.base) {
        await this.writeNumberFile(RECOVERY_POINT_FILE, this.active.base);
        this.recoveryPoint = this.active.base;
      }
    } finally {
      this.assignStartBytes();
      const end = this.logEndOffset;
      if (this.epochs.truncateFrom(end)) await this.writeEpochs().catch(() => undefined);
      if (this.hw > end) this.hw = end;
      if (this.logStart > end) this.logStart = end;
      // Interval-mode appends not yet synced whose bytes were cut can no longer succeed.
      const gone = this.awaitingSync.filter((w) => w.result!.lastOffset >= end);
      if (gone.length > 0) {
        this.awaitingSync = this.awaitingSync.filter((w) => w.result!.lastOffset < end);
        for (const w of gone) w.reject(new JournalError('STORAGE', `append at ${w.result!.baseOffset} was truncated before it was synced`));
      }
    }
  }

  /** DeleteRecords: advances the log start offset and deletes segments wholly below it. */
  async deleteBefore(offset: number): Promise<void> {
    this.checkOpen();
    if (!Number.isSafeInteger(offset) || offset > this.logEndOffset) {
      throw new JournalError('OFFSET_OUT_OF_RANGE', `deleteBefore(${offset}) beyond log end ${this.logEndOffset}`);
    }
    this.group = null;
    await this.exclusive(async () => {
      if (offset <= this.logStart) return;
      try {
        const rolled = await this.settleRollSync();
        if (rolled !== null) throw rolled;
        this.logStart = offset;
        await this.writeNumberFile(LOG_START_OFFSET_FILE, offset);
        if (this.active.size > 0 && this.active.nextOffset <= offset) await this.roll(false);
        await this.dropSegmentsBelow(offset);
      } catch (err) {
        throw err instanceof JournalError ? err : storageError(`deleteBefore in ${this.dir}`, err);
      }
    });
  }

  private async dropSegmentsBelow(offset: number): Promise<number> {
    let n = 0;
    while (this.segments.length > 1 && this.segments[1]!.base <= offset) {
      const s = this.segments[0]!;
      this.segments = this.segments.slice(1);
      await s.delete();
      n++;
    }
    if (n > 0) await this.fs.fsyncDir(this.dir);
    if (this.epochs.trimBefore(offset)) await this.writeEpochs();
    return n;
  }

  /** Deletes whole segments (never the active one) beyond retentionBytes or older than retentionMs. */
  async enforceRetention(nowMs: number): Promise<{ segmentsDeleted: number }> {
    this.checkOpen();
    return this.exclusive(async () => {
      const { retentionBytes, retentionMs } = this.config;
      const segs = this.segments;
      let drop = 0;
      let total = this.sizeBytes;
      while (drop < segs.length - 1) {
        const s = segs[drop]!;
        const expired = retentionMs >= 0 && s.maxTimestamp < nowMs - retentionMs;
        const tooBig = retentionBytes >= 0 && total - s.size >= retentionBytes;
        if (!expired && !tooBig) break;
        total -= s.size;
        drop++;
      }
      if (drop === 0) return { segmentsDeleted: 0 };
      const newStart = segs[drop]!.base;
      try {
        const rolled = await this.settleRollSync(); // a segment being synced is not deleted under it
        if (rolled !== null) throw rolled;
        if (newStart > this.logStart) {
          this.logStart = newStart;
          await this.writeNumberFile(LOG_START_OFFSET_FILE, newStart);
        }
        const n = await this.dropSegmentsBelow(newStart);
        this.logger.info({ dir: this.dir, segmentsDeleted: n, logStartOffset: this.logStart }, 'journal retention deleted segments');
        return { segmentsDeleted: n };
      } catch (err) {
        throw storageError(`retention in ${this.dir}`, err);
      }
    });
  }

  // ------------------------------------------------------------------ flush, close, destroy

  /** Waits for queued appends and puts everything written so far on disk. */
  async flush(): Promise<void> {
    this.checkOpen();
    this.group = null;
    await this.exclusive(async () => {
      try {
        const rolled = await this.settleRollSync();
        if (rolled !== null) throw rolled;
        await this.active.file.datasync();
      } catch (err) {
        throw err instanceof JournalError ? err : storageError(`fsync ${this.active.logPath()}`, err);
      }
      const items = this.awaitingSync.splice(0);
      for (const w of items) w.resolve(w.result!);
    });
  }

  /** Clean shutdown: queued appends finish, indexes are written, and a marker skips recovery next time. */
  async close(): Promise<void> {
    if (this.closing) { await this.chain; return; }
    this.closing = true;
    this.group = null;
    for (const t of this.timers) clearInterval(t);
    if (this.syncTimer !== null) { clearTimeout(this.syncTimer); this.syncTimer = null; }
    await this.exclusive(async () => {
      let clean = true;
      try {
        const rolled = await this.settleRollSync();
        if (rolled !== null) throw rolled;
        await this.active.file.datasync();
        for (const w of this.awaitingSync.splice(0)) w.resolve(w.result!);
        for (const s of this.segments) if (s.indexDirty) await s.writeIndexes(true);
        const lines = this.segments.filter((s) => s.indexCrcs !== null).map((s) => `${s.base} ${s.indexCrcs![0]} ${s.indexCrcs![1]}`);
        await this.fs.writeFileAtomic(join(this.dir, CLEAN_SHUTDOWN_FILE), Buffer.from(['v1', ...lines].join('\n') + '\n'));
      } catch (err) {
        clean = false;
        for (const w of this.awaitingSync.splice(0)) w.reject(storageError('fsync on close', err));
        this.logger.warn({ dir: this.dir, err: String(err) }, 'journal: unclean close; recovery will run on next open');
      }
      for (const s of this.segments) await s.closeFile().catch(() => undefined);
      this.closed = true;
      if (!clean) throw new JournalError('STORAGE', `closing ${this.dir} failed; recovery runs on next open`);
    });
  }

  /** Removes the whole partition folder (DeleteTopics). */
  async destroy(): Promise<void> {
    await this.close().catch(() => undefined);
    await this.fs.rmrf(this.dir);
  }
}

/** Marker file `.clean-shutdown`: "v1", then "<segment base> <index crc32c> <timeindex crc32c>" lines. */
function parseMarker(buf: Buffer): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  const lines = buf.toString('utf8').split('\n');
  if (lines[0] !== 'v1') return out;
  for (const line of lines.slice(1)) {
    const m = /^(\d+) (\d+) (\d+)$/.exec(line);
    if (m) out.set(Number(m[1]), [Number(m[2]), Number(m[3])]);
  }
  return out;
}

/**
 * The produce-path check of one batch (length, magic, CRC-32C, lastOffsetDelta), reading only the
 * fields append needs: checkBatch's rules without building a whole header object per batch.
 * Returns a reason string on any problem; the caller then asks checkBatch for the precise one.
 */
function validateBatch(buf: Buffer, pos: number, batchBytesMax: number, replicated: boolean): PendingBatch | string {
  if (buf.length - pos < BATCH_HEADER_BYTES) return 'truncated';
  const totalBytes = buf.readInt32BE(pos + OFFSET_BATCH_LENGTH) + BATCH_LENGTH_PREFIX_BYTES;
  if (totalBytes < BATCH_HEADER_BYTES || totalBytes > batchBytesMax || totalBytes > buf.length - pos) return 'bad length';
  if (buf[pos + OFFSET_MAGIC] !== MAGIC_V2) return 'bad magic';
  if ((crc32c(buf.subarray(pos + OFFSET_ATTRIBUTES, pos + totalBytes)) >>> 0) !== buf.readUInt32BE(pos + OFFSET_CRC)) return 'bad crc';
  const lastOffsetDelta = buf.readInt32BE(pos + OFFSET_LAST_OFFSET_DELTA);
  if (lastOffsetDelta < 0) return 'negative lastOffsetDelta';
  let maxTimestamp: number;
  try { maxTimestamp = readInt64(buf, pos + OFFSET_MAX_TIMESTAMP); } catch { return 'maxTimestamp out of range'; }
  // Only appendReplicated keeps baseOffset and epoch (append assigns both when writing). An
  // unreadable baseOffset is NaN, which fails the replicated contiguity check.
  if (!replicated) return { pos, totalBytes, lastOffsetDelta, maxTimestamp, baseOffset: -1, epoch: -1 };
  let baseOffset: number;
  try { baseOffset = readInt64(buf, pos + OFFSET_BASE_OFFSET); } catch { baseOffset = Number.NaN; }
  return { pos, totalBytes, lastOffsetDelta, maxTimestamp, baseOffset, epoch: buf.readInt32BE(pos + OFFSET_PARTITION_LEADER_EPOCH) };
}

/**
 * A scan of segs[i] stopped before its end. A torn tail (nothing valid after it) returns and is
 * truncated by the caller. Damage followed by valid batches throws CorruptLogError after closing
 * every file, before anything on disk is changed.
 */
async function refuseCorruption(segs: Segment[], i: number, r: ScanResult): Promise<void> {
  const resume = await findResume(segs, i, r.validBytes, r.nextOffset);
  if (resume === null) return;
  for (const s of segs) await s.closeFile().catch(() => undefined);
  throw new CorruptLogError({ file: segs[i]!.logPath(), position: r.validBytes, offset: r.nextOffset, reason: r.stopReason ?? 'invalid batch' }, resume);
}

function epochBefore(epochs: LeaderEpochs, offset: number): number {
  let e = -1;
  for (const x of epochs.entries) if (x.startOffset < offset) e = x.epoch;
  return e;
}
