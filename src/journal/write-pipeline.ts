/**
 * The write pipeline. append() has validated every batch (batch-validation.ts) and queues the
 * records into the open *group*. One group at a time is written by an exclusive operation: offsets
 * are assigned there (baseOffset and partitionLeaderEpoch are patched in the caller's buffer; the
 * CRC does not cover them), all of the group's bytes go to the file in one writev, segments roll
 * when full or old, and under `fsync: always` one fdatasync covers the whole group before any of
 * its appends resolve. Appends arriving meanwhile form the next group. Under `interval` appends
 * wait for the next periodic fdatasync; under `never` they resolve after the write.
 */
import { patchBaseOffsetAndEpoch } from '../protocol/records/batch-header.js';
import { AssertionError } from '../util/assert.js';
import type { PendingBatch } from './batch-validation.js';
import type { JournalConfig } from './config.js';
import { JournalError, storageError } from './errors.js';
import type { JournalLogger } from './journal-logger.js';
import type { OperationChain } from './operation-chain.js';
import type { SegmentList } from './segment-list.js';
import type { SegmentRoller } from './segment-roll.js';
import type { StateFiles } from './state-files.js';

export interface AppendResult { baseOffset: number; lastOffset: number; batchCount: number }

/**
 * fsync: always: a group of at least twice this many bytes is written in chunks of about this
 * size, each flushed while the next is written (see writeRun). Small groups are written at once.
 */
export const FLUSH_AHEAD_BYTES = 4 * 1024 * 1024;

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

export interface WritePipelineOptions {
  dir: string; chain: OperationChain; segments: SegmentList; state: StateFiles; roller: SegmentRoller;
  logger: JournalLogger; clock: () => number;
  /** Read at each group: sizes and the fsync policy can change while the log is open. */
  config: () => JournalConfig;
  /** Cuts the log back from an offset (truncation), after a failed write or fsync. */
  truncate: (offset: number) => Promise<void>;
  isClosed: () => boolean;
}

export class WritePipeline {
  #group: PendingAppend[] | null = null;
  /** Written appends waiting for the next interval fsync. */
  #awaitingSync: PendingAppend[] = [];
  #syncTimer: NodeJS.Timeout | null = null;
  /**
   * Set when a failed write or fsync could not be cut back out of the log: the file then holds
   * bytes nobody was promised, after which a later group's acknowledged batches would sit behind
   * a region a crash may leave torn (and the partition fenced as corrupt). Every later append
   * fails with this error until the log is reopened, whose recovery re-reads the files.
   */
  #failed: JournalError | null = null;
  readonly #o: WritePipelineOptions;

  constructor(opts: WritePipelineOptions) { this.#o = opts; }

  enqueue(records: Buffer, batches: PendingBatch[], leaderEpoch: number, preserve: boolean): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      const item: PendingAppend = { records, batches, leaderEpoch, preserve, resolve, reject };
      if (this.#group === null) {
        const g: PendingAppend[] = [];
        this.#group = g;
        void this.#o.chain.run(() => this.#writeGroup(g));
      }
      this.#group.push(item);
    });
  }

  /** Appends called from now on form a new group, queued after whatever is queued next. */
  closeGroup(): void { this.#group = null; }

  stopTimer(): void {
    if (this.#syncTimer !== null) { clearTimeout(this.#syncTimer); this.#syncTimer = null; }
  }

  /** Everything written is on disk (the caller synced): resolve the interval-mode appends. */
  resolveAwaiting(): void {
    for (const w of this.#awaitingSync.splice(0)) w.resolve(w.result!);
  }

  /** The final sync failed: the interval-mode appends fail. */
  rejectAwaiting(what: string, err: unknown): void {
    for (const w of this.#awaitingSync.splice(0)) w.reject(storageError(what, err));
  }

  /** Interval-mode appends not yet synced whose bytes a truncation cut can no longer succeed. */
  rejectCut(end: number): void {
    const gone = this.#awaitingSync.filter((w) => w.result!.lastOffset >= end);
    if (gone.length === 0) return;
    this.#awaitingSync = this.#awaitingSync.filter((w) => w.result!.lastOffset < end);
    for (const w of gone) w.reject(new JournalError('STORAGE', `append at ${w.result!.baseOffset} was truncated before it was synced`));
  }

  /**
   * Writes one run of whole batches at the end of the active segment and records them there.
   * Under `fsync: always` a large run is written in FLUSH_AHEAD_BYTES chunks, and an fdatasync of
   * what is written so far runs while the next chunk is written, so the device flushes while the
   * rest is copied into the OS page cache. That only starts writeback early: the group's appends
   * still resolve after the group's own fdatasync (writeGroup), which starts after all of this.
   * A failed early fdatasync fails the run like a failed write.
   */
  async #writeRun(bufs: Buffer[], batches: PendingBatch[], runBytes: number): Promise<void> {
    const seg = this.#o.segments.active, pos = seg.size;
    const chunked = runBytes >= 2 * FLUSH_AHEAD_BYTES && bufs.length > 1 && this.#o.config().fsync.mode === 'always';
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
      // Cut partial bytes. Positional writes would overwrite them, but a shorter next write could
      // leave whole batches of this failed run after it, which recovery would take for valid data.
      await seg.file.truncate(pos).catch((terr: unknown) => this.#failLog(`cutting a failed write: ${String(terr)}`));
      throw storageError(`writing ${seg.logPath()}`, err);
    }
    seg.noteAppended(pos, batches);
  }

  /** Why a replicated append cannot go at `next`, or null. */
  #replicatedProblem(item: PendingAppend, next: number): string | null {
    let offset = next, epoch = this.#o.state.epochs.latestEpoch;
    for (const b of item.batches) {
      if (b.baseOffset !== offset) return `batch at offset ${b.baseOffset} where ${offset} was expected`;
      if (b.epoch < epoch) return `epoch ${b.epoch} below ${epoch}`;
      epoch = b.epoch;
      offset += b.lastOffsetDelta + 1;
    }
    return null;
  }

  async #writeGroup(items: PendingAppend[]): Promise<void> {
    if (this.#group === items) this.#group = null;
    if (this.#failed !== null) {
      for (const item of items) item.reject(this.#failed);
      return;
    }
    const { segments, state, logger, dir } = this.#o;
    const { segmentBytesMax, segmentMsMax } = this.#o.config();
    const written: PendingAppend[] = [];
    let failedAt = -1;
    let failure: Error | null = null;
    let epochsChanged = false;
    // A run: contiguous bytes for the active segment, written with one writev (writeRun).
    let bufs: Buffer[] = [];
    let infos: PendingBatch[] = [];
    let runBytes = 0;
    let next = segments.active.nextOffset; // offset for the next batch of this group
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      try {
        if (item.preserve) {
          const problem = this.#replicatedProblem(item, next);
          if (problem !== null) { item.reject(new JournalError('CORRUPT_BATCH', `replicated append: ${problem}`)); continue; }
        } else if (item.leaderEpoch < state.epochs.latestEpoch) {
          item.reject(new AssertionError(`append with leaderEpoch ${item.leaderEpoch} below the log's latest epoch ${state.epochs.latestEpoch}`));
          continue;
        }
        let offset = next;
        const base = offset;
        item.result = { baseOffset: base, lastOffset: base - 1, batchCount: item.batches.length };
        if (!item.preserve && state.epochs.assign(item.leaderEpoch, base)) epochsChanged = true;
        const now = this.#o.clock();
        const itemBytes = item.records.length;
        const fits = segments.active.size + runBytes + itemBytes <= segmentBytesMax && now - segments.active.createdMs < segmentMsMax;
        // Bytes [pendingFrom, pendingTo) of this item are not yet in bufs: consecutive batches of
        // one append go out as one iovec (the common case: the whole append).
        let pendingFrom = 0, pendingTo = 0;
        const itemBatches = item.batches;
        for (let bi = 0; bi < itemBatches.length; bi++) {
          const b = itemBatches[bi]!;
          if (!fits) {
            const seg = segments.active;
            const fill = seg.size + runBytes;
            if (fill > 0 && (fill + b.totalBytes > segmentBytesMax || now - seg.createdMs >= segmentMsMax)) {
              if (pendingTo > pendingFrom) bufs.push(item.records.subarray(pendingFrom, pendingTo));
              pendingFrom = pendingTo = b.pos;
              if (runBytes > 0) { await this.#writeRun(bufs, infos, runBytes); bufs = []; infos = []; runBytes = 0; }
              // The roll moves the recovery point past the old segment, which is then never
              // rescanned: the epochs its batches started must be on disk first.
              if (epochsChanged) { await state.writeEpochs(); epochsChanged = false; }
              await this.#o.roller.roll(true);
            }
          }
          if (item.preserve) {
            if (state.epochs.assign(b.epoch, offset)) epochsChanged = true;
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
      try { await this.#writeRun(bufs, infos, runBytes); } catch (err) { failure = err as Error; failedAt = items.length; }
    }
    if (failure !== null) {
      // Items whose bytes did not all reach the file fail, and so does everything after them; the
      // log is cut back to the first of them so that the next append reuses its offsets.
      const end = segments.logEndOffset;
      const ok = written.filter((w) => w.result!.lastOffset < end);
      const bad = [...written.filter((w) => w.result!.lastOffset >= end), ...items.slice(Math.max(0, failedAt))];
      const cut = bad.reduce((m, w) => Math.min(m, w.result?.baseOffset ?? Number.MAX_SAFE_INTEGER), end);
      if (cut < end) await this.#cutBack(cut, 'a failed append');
      state.epochs.truncateFrom(segments.logEndOffset);
      for (const w of new Set(bad)) w.reject(failure);
      written.length = 0;
      written.push(...ok);
      logger.warn({ dir, err: failure.message, failedAppends: bad.length }, 'journal append failed');
    }
    if (epochsChanged) {
      await state.writeEpochs().catch((err: unknown) => logger.warn({ dir, err: String(err) }, 'journal: writing leader-epochs failed (rebuilt on open)'));
    }
    if (written.length === 0) return;
    const mode = this.#o.config().fsync.mode;
    if (mode === 'always') {
      try {
        await segments.active.file.datasync();
      } catch (err) {
        await this.#failUnsynced(written, err);
        return;
      }
      for (const w of written) w.resolve(w.result!);
    } else if (mode === 'interval') {
      this.#awaitingSync.push(...written);
      // One fsync per interval while appends wait; the timer keeps the process alive until they resolve.
      const fsync = this.#o.config().fsync;
      if (this.#syncTimer === null && fsync.mode === 'interval') {
        this.#syncTimer = setTimeout(() => {
          this.#syncTimer = null;
          if (!this.#o.isClosed()) void this.#o.chain.run(() => this.#syncAwaiting());
        }, fsync.intervalMs);
      }
    } else {
      for (const w of written) w.resolve(w.result!);
    }
  }

  /** Resolves interval-mode appends once their bytes are on disk. */
  async #syncAwaiting(): Promise<void> {
    const items = this.#awaitingSync.splice(0);
    try {
      const rolled = await this.#o.roller.settle(); // some of these appends may be in the rolled segment
      if (rolled !== null) throw rolled;
      await this.#o.segments.active.file.datasync();
    } catch (err) {
      await this.#failUnsynced(items, err);
      return;
    }
    for (const w of items) w.resolve(w.result!);
  }

  /**
   * Truncates the failed appends away. A truncation that failed only in its final fsync has cut
   * them (a crash may bring them back: an ambiguous append, as after any failed fsync); one that
   * left the log longer than `cut` fails the log.
   */
  async #cutBack(cut: number, what: string): Promise<void> {
    const { segments, logger, dir } = this.#o;
    await this.#o.truncate(cut).catch((terr: unknown) => {
      if (segments.logEndOffset > cut) this.#failLog(`cutting back ${what}: ${String(terr)}`);
      else logger.warn({ dir, err: String(terr) }, `journal: cut back ${what}, but syncing the cut failed`);
    });
  }

  /** The log can take no more appends until it is reopened (see #failed). */
  #failLog(why: string): void {
    const { logger, dir } = this.#o;
    this.#failed ??= new JournalError('STORAGE', `journal ${dir} refuses appends after a storage failure it could not undo (${why}); restart the node to recover the log from disk`);
    logger.warn({ dir, err: why }, 'journal: appends refused until the log is reopened');
  }

  /**
   * An fsync failed: the bytes of these appends may or may not be on disk (and Linux may already
   * have marked the pages clean). Fail the appends and cut the log back to the first of them, so a
   * failed append never stays in the log for a retry to duplicate.
   */
  async #failUnsynced(items: PendingAppend[], err: unknown): Promise<void> {
    const { segments, logger, dir } = this.#o;
    const e = storageError(`fsync ${segments.active.logPath()}`, err);
    const cut = items.reduce((m, w) => Math.min(m, w.result!.baseOffset), Number.MAX_SAFE_INTEGER);
    if (cut < segments.logEndOffset) await this.#cutBack(cut, 'a failed fsync');
    for (const w of items) w.reject(e);
    logger.warn({ dir, err: e.message, failedAppends: items.length }, 'journal fsync failed');
  }
}
