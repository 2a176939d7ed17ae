/**
 * One segment: a .log file of whole batches plus its offset and time indexes (see offset-index.ts,
 * time-index.ts for the formats, file-names.ts for the names). Reads go through the shared
 * PageCache; the writer (write-pipeline.ts) copies appended bytes into the tail page.
 *
 * Lifetime: the segment's file stays open while reads are in flight even after the segment is
 * deleted (retention), so a reader racing retention gets the bytes it asked for, not EBADF.
 */
import { join } from 'node:path';
import { crc32c } from '@node-rs/crc32';
import { BATCH_HEADER_BYTES, OFFSET_BASE_OFFSET, OFFSET_BATCH_LENGTH, OFFSET_LAST_OFFSET_DELTA, OFFSET_MAX_TIMESTAMP, OFFSET_PARTITION_LEADER_EPOCH, BATCH_LENGTH_PREFIX_BYTES } from '../protocol/records/batch-header.js';
import { readInt64 } from '../util/int64.js';
import type { Page, PageCache, PageOwner } from './cache.js';
import type { FileLayer, JournalFile } from './file-layer.js';
import { INDEX_SUFFIX, LOG_SUFFIX, segmentFileName, TIME_INDEX_SUFFIX } from './file-names.js';
import { OffsetIndex } from './offset-index.js';
import { IndexBuilder, scanSegment, type ScanResult } from './recovery.js';
import { TimeIndex } from './time-index.js';

export interface BatchInfo { baseOffset: number; lastOffset: number; totalBytes: number; maxTimestamp: number; epoch: number }
/** What noteAppended needs of each batch just written. */
export interface AppendedBatch { readonly baseOffset: number; readonly lastOffsetDelta: number; readonly totalBytes: number; readonly maxTimestamp: number }

/** A view of page bytes: either a cached page or a temporary one when the cache is too small. */
interface PageView { buf: Buffer; length: number }

export class Segment implements PageOwner {
  readonly pages = new Map<number, Page>();
  /** Bytes of whole batches written (visible to readers). */
  size: number;
  /** Offset after the last batch. */
  nextOffset: number;
  /** When this segment became the active one (ms, this process's clock). */
  createdMs: number;
  /** Logical position of byte 0 of this segment in the partition (for distance-to-tail). */
  startByte = 0;
  /** Index files on disk differ from memory (active or truncated segment). */
  indexDirty = false;
  /** Bumped on truncation so page loads started before it are not inserted. */
  generation = 0;
  deleted = false;
  /** CRC-32C of the index files as last written or read (recorded in the clean-shutdown marker). */
  indexCrcs: readonly [number, number] | null = null;
  builder: IndexBuilder;
  private refs = 0;
  private closed = false;
  private readonly loads = new Map<number, Promise<PageView>>();

  private constructor(
    readonly dir: string,
    readonly base: number,
    readonly file: JournalFile,
    private readonly fs: FileLayer,
    private readonly cache: PageCache,
    private readonly tailByte: () => number,
    readonly intervalBytes: number,
    size: number,
    public index: OffsetIndex,
    public timeIndex: TimeIndex,
    nowMs: number,
  ) {
    this.size = size;
    this.nextOffset = base;
    this.createdMs = nowMs;
    this.builder = new IndexBuilder(base, index, timeIndex, intervalBytes);
  }

  get maxTimestamp(): number { return this.builder.maxTimestamp; }

  logPath(): string { return join(this.dir, segmentFileName(this.base, LOG_SUFFIX)); }
  indexPath(): string { return join(this.dir, segmentFileName(this.base, INDEX_SUFFIX)); }
  timeIndexPath(): string { return join(this.dir, segmentFileName(this.base, TIME_INDEX_SUFFIX)); }

  static async create(dir: string, base: number, fs: FileLayer, cache: PageCache, tailByte: () => number, intervalBytes: number, nowMs: number): Promise<Segment> {
    const file = await fs.open(join(dir, segmentFileName(base, LOG_SUFFIX)), true);
    await file.truncate(0);
    const s = new Segment(dir, base, file, fs, cache, tailByte, intervalBytes, 0, new OffsetIndex(), new TimeIndex(), nowMs);
    s.indexDirty = true;
    return s;
  }

  static async openFile(dir: string, base: number, fs: FileLayer, cache: PageCache, tailByte: () => number, intervalBytes: number, nowMs: number): Promise<Segment> {
    const file = await fs.open(join(dir, segmentFileName(base, LOG_SUFFIX)), false);
    const size = await file.size();
    return new Segment(dir, base, file, fs, cache, tailByte, intervalBytes, size, new OffsetIndex(), new TimeIndex(), nowMs);
  }

  /** Loads the index files; returns why they cannot be trusted, or null when they were loaded. */
  async loadIndexes(expectCrcs?: readonly [number, number]): Promise<string | null> {
    let idxBuf: Buffer, tBuf: Buffer;
    try {
      idxBuf = await this.fs.readFile(this.indexPath());
      tBuf = await this.fs.readFile(this.timeIndexPath());
    } catch (err) {
      return `index missing (${(err as { code?: string }).code ?? String(err)})`;
    }
    const crcs = [crc32c(idxBuf) >>> 0, crc32c(tBuf) >>> 0] as const;
    if (expectCrcs !== undefined && (expectCrcs[0] !== crcs[0] || expectCrcs[1] !== crcs[1])) return 'index checksum differs from the one recorded at clean shutdown';
    this.indexCrcs = crcs;
    const idx = OffsetIndex.decode(idxBuf, this.size);
    if (typeof idx === 'string') return `offset index: ${idx}`;
    const tidx = TimeIndex.decode(tBuf, this.size);
    if (typeof tidx === 'string') return `time index: ${tidx}`;
    this.index = idx; this.timeIndex = tidx;
    this.builder = new IndexBuilder(this.base, idx, tidx, this.intervalBytes);
    // The last index entry must point at a batch with the offset it names, and the batches after it
    // must run exactly to the end of the file.
    if (this.size > 0) {
      const lastPos = idx.lastPosition;
      const h = await this.headerAt(lastPos).catch(() => null);
      if (h === null) return 'offset index points at an unreadable header';
      if (h.baseOffset !== this.base + idx.rel[idx.length - 1]!) return `offset index entry points at offset ${h.baseOffset}`;
      const tail = await this.walkFrom(lastPos, h.baseOffset);
      if (tail === null) return 'batches after the last index entry do not end at the end of the file';
      this.nextOffset = tail.nextOffset;
      if (tail.maxTimestamp > this.builder.maxTimestamp) this.builder.maxTimestamp = tail.maxTimestamp;
    }
    return null;
  }

  /** Adopts a scan's results (recovery or index rebuild). */
  adoptScan(r: ScanResult): void {
    this.index = r.index; this.timeIndex = r.timeIndex;
    this.builder = new IndexBuilder(this.base, r.index, r.timeIndex, this.intervalBytes);
    this.builder.maxTimestamp = r.maxTimestamp;
    this.nextOffset = r.nextOffset;
    this.indexDirty = true;
  }

  async scan(verifyCrc: boolean, prevEpoch: number): Promise<ScanResult> {
    return scanSegment(this.file, this.size, this.base, { intervalBytes: this.intervalBytes, verifyCrc, prevEpoch });
  }

  // ---- PageOwner ----
  distanceToTailBytes(index: number): number {
    return this.tailByte() - (this.startByte + index * this.cache.pageBytes);
  }

  retain(): void { this.refs++; }
  release(): void {
    this.refs--;
    if (this.refs === 0 && this.deleted) void this.closeFile();
  }

  /** A page with at least the bytes up to `needEnd` (segment position), from cache or disk. */
  private async page(index: number, needEnd: number): Promise<PageView> {
    const pb = this.cache.pageBytes;
    const need = needEnd - index * pb;
    const hit = this.cache.lookup(this, index, need);
    if (hit !== undefined) return hit;
    const pending = this.loads.get(index);
    if (pending !== undefined) {
      const v = await pending;
      if (v.length >= need) return v;
    }
    const load = this.loadPage(index);
    this.loads.set(index, load);
    try {
      return await load;
    } finally {
      if (this.loads.get(index) === load) this.loads.delete(index);
    }
  }

  private async loadPage(index: number): Promise<PageView> {
    const pb = this.cache.pageBytes;
    const start = index * pb;
    const gen = this.generation;
    const want = Math.max(0, Math.min(pb, this.size - start));
    const buf = this.cache.allocPage();
    const got = await this.file.read(buf, 0, want, start);
    if (gen === this.generation && !this.deleted) {
      const existing = this.cache.peek(this, index);
      if (existing !== undefined && existing.length >= got) return existing;
      const p = this.cache.insert(this, index, buf, got);
      if (p !== undefined) return p;
    }
    return { buf, length: got };
  }

  /** Starts loading page `index` into the cache if it is not there (sequential-read preload). */
  preload(index: number): void {
    if (this.pages.has(index) || this.loads.has(index) || index * this.cache.pageBytes >= this.size) return;
    this.cache.notePreload();
    const load = this.loadPage(index);
    this.loads.set(index, load);
    load.catch(() => undefined).finally(() => { if (this.loads.get(index) === load) this.loads.delete(index); });
  }

  /** Bytes [pos, pos+len) from a cached page without waiting, or null (a span or a miss). */
  cachedBytes(pos: number, len: number, lend: boolean): Buffer | null {
    const pb = this.cache.pageBytes;
    const first = Math.floor(pos / pb);
    if (first !== Math.floor((pos + len - 1) / pb)) return null;
    const p = this.cache.peekFor(this, first, pos + len - first * pb);
    if (p === undefined) return null;
    if (lend) p.lent = true;
    return p.buf.subarray(pos - first * pb, pos - first * pb + len);
  }

  /**
   * Bytes [pos, pos+len): a subarray of one page, or a copy when they span pages. `lend` marks
   * the page as handed out (its buffer is then never recycled); internal header reads pass false.
   */
  async readBytes(pos: number, len: number, lend = true): Promise<Buffer> {
    const fast = this.cachedBytes(pos, len, lend);
    if (fast !== null) return fast;
    const pb = this.cache.pageBytes;
    const first = Math.floor(pos / pb), last = Math.floor((pos + len - 1) / pb);
    if (first === last) {
      const p = await this.page(first, pos + len);
      if (lend && 'lent' in p) p.lent = true;
      return p.buf.subarray(pos - first * pb, pos - first * pb + len);
    }
    const out = Buffer.allocUnsafe(len);
    let done = 0;
    for (let i = first; i <= last; i++) {
      const pageStart = i * pb;
      const from = Math.max(pos, pageStart), to = Math.min(pos + len, pageStart + pb);
      const p = await this.page(i, to);
      p.buf.copy(out, done, from - pageStart, to - pageStart);
      done += to - from;
    }
    return out;
  }

  async headerAt(pos: number): Promise<BatchInfo> {
    return parseHeader(this.cachedBytes(pos, BATCH_HEADER_BYTES, false) ?? await this.readBytes(pos, BATCH_HEADER_BYTES, false));
  }

  /** The header at `pos` when its page is cached, without waiting; null otherwise. */
  cachedHeaderAt(pos: number): BatchInfo | null {
    const b = this.cachedBytes(pos, BATCH_HEADER_BYTES, false);
    return b === null ? null : parseHeader(b);
  }

  /** Walks headers from `pos` (a batch with `expectOffset`) to the end; null when they do not chain. */
  private async walkFrom(pos: number, expectOffset: number): Promise<{ nextOffset: number; maxTimestamp: number } | null> {
    let p = pos, next = expectOffset, maxTs = -1;
    while (p < this.size) {
      if (this.size - p < BATCH_HEADER_BYTES) return null;
      // Garbage can hold an int64 outside the safe range: that is "does not chain", not a failure.
      const h = await this.headerAt(p).catch(() => null);
      if (h === null || h.baseOffset !== next || h.totalBytes < BATCH_HEADER_BYTES || p + h.totalBytes > this.size || h.lastOffset < h.baseOffset) return null;
      next = h.lastOffset + 1;
      if (h.maxTimestamp > maxTs) maxTs = h.maxTimestamp;
      p += h.totalBytes;
    }
    return { nextOffset: next, maxTimestamp: maxTs };
  }

  /**
   * Position of the batch holding `offset` (or the first batch after it), or `size` when the
   * segment has none. Binary search over the index, then a walk over at most an index interval.
   * An index entry that does not point at the batch it names means the index is damaged: rebuild.
   */
  async findPosition(offset: number): Promise<number> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const i = this.index.floor(offset - this.base);
      let p = i < 0 ? 0 : this.index.pos[i]!;
      const expect = i < 0 ? this.base : this.base + this.index.rel[i]!;
      let ok = true;
      let first = true;
      while (p < this.size) {
        const h = first ? await this.headerAt(p).catch(() => null) : (this.cachedHeaderAt(p) ?? await this.headerAt(p));
        if (h === null || (first && h.baseOffset !== expect)) { ok = false; break; }
        first = false;
        if (h.lastOffset >= offset) return p;
        p += h.totalBytes;
      }
      if (ok) return this.size;
      await this.rebuildIndexes();
    }
    return this.size;
  }

  /** Position of the first batch with maxTimestamp >= t, with its header, or null. */
  async findTimestamp(t: number): Promise<{ pos: number; h: BatchInfo } | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const i = this.timeIndex.lastBefore(t);
      let p = i < 0 ? 0 : this.timeIndex.pos[i]!;
      if (i >= 0 && p < this.size && (await this.headerAt(p).catch(() => null))?.baseOffset !== this.base + this.timeIndex.rel[i]!) {
        await this.rebuildIndexes(); // the entry does not point at the batch it names
        continue;
      }
      while (p < this.size) {
        const h = await this.headerAt(p);
        if (h.maxTimestamp >= t) return { pos: p, h };
        p += h.totalBytes;
      }
      return null;
    }
    return null;
  }

  async rebuildIndexes(): Promise<void> {
    const r = await this.scan(false, -1);
    this.adoptScan(r);
  }

  /** Bookkeeping after `batches` were written back to back at `pos`: index entries, size, next offset. */
  noteAppended(pos: number, batches: readonly AppendedBatch[]): void {
    let p = pos;
    for (let i = 0; i < batches.length; i++) {
      const b = batches[i]!;
      this.builder.add(b.baseOffset, p, b.maxTimestamp);
      p += b.totalBytes;
    }
    const last = batches[batches.length - 1];
    if (last !== undefined) this.nextOffset = last.baseOffset + last.lastOffsetDelta + 1;
    this.size = p;
    this.indexDirty = true;
  }

  /** After a failed write: pages from the one holding `pos` may hold bytes the file does not. */
  dropPagesFrom(pos: number): void {
    this.cache.dropFrom(this, Math.floor(pos / this.cache.pageBytes));
  }

  /**
   * Read-write shared pages: bytes being appended at `pos` go into the tail pages so tail reads
   * skip the disk. Called before the write completes; readers are bounded by `size`.
   */
  copyToPages(pos: number, buffers: Buffer[]): void {
    const pb = this.cache.pageBytes;
    let at = pos;
    for (const src of buffers) {
      let off = 0;
      while (off < src.length) {
        const index = Math.floor(at / pb), inPage = at - index * pb;
        const n = Math.min(src.length - off, pb - inPage);
        let page = this.cache.peek(this, index);
        if (page !== undefined && page.length !== inPage) { this.cache.remove(page); page = undefined; }
        if (page === undefined && inPage === 0) page = this.cache.insert(this, index, this.cache.allocPage(), 0);
        if (page !== undefined) {
          src.copy(page.buf, inPage, off, off + n);
          page.length = inPage + n;
        }
        off += n; at += n;
      }
    }
  }

  /** Cuts the segment at `pos` (a batch boundary). */
  async truncate(pos: number): Promise<void> {
    this.generation++;
    // Pages from the one holding `pos` are dropped, never overwritten: readers may hold subarrays of them.
    this.cache.dropFrom(this, Math.floor(pos / this.cache.pageBytes));
    await this.file.truncate(pos);
    this.size = pos;
    this.index.truncateAtPosition(pos);
    this.timeIndex.truncateAtPosition(pos);
    this.builder = new IndexBuilder(this.base, this.index, this.timeIndex, this.intervalBytes);
    this.builder.maxTimestamp = this.timeIndex.lastTimestamp;
    // Recompute the tail (next offset, max timestamp) by walking from the earlier of the two last
    // index entries: batches after it may have raised the maximum without an entry.
    let p = 0, next = this.base;
    const oi = this.index.length - 1, ti = this.timeIndex.length - 1;
    if (oi >= 0 && ti >= 0) {
      if (this.timeIndex.pos[ti]! < this.index.pos[oi]!) { p = this.timeIndex.pos[ti]!; next = this.base + this.timeIndex.rel[ti]!; }
      else { p = this.index.pos[oi]!; next = this.base + this.index.rel[oi]!; }
    }
    while (p < this.size) {
      const h = await this.headerAt(p);
      if (h.maxTimestamp > this.builder.maxTimestamp) this.builder.maxTimestamp = h.maxTimestamp;
      next = h.lastOffset + 1;
      p += h.totalBytes;
    }
    this.nextOffset = next;
    this.indexDirty = true;
  }

  /** Writes both index files whole (with a final time entry carrying the segment's max timestamp). */
  async writeIndexes(sync: boolean): Promise<void> {
    if (this.size > 0 && this.maxTimestamp > this.timeIndex.lastTimestamp) {
      // The final entry names the last indexed batch: safe, since lookups walk forward from it.
      const oi = this.index.length - 1, ti = this.timeIndex.length - 1;
      const useTime = ti >= 0 && this.timeIndex.pos[ti]! > this.index.pos[oi]!;
      const rel = useTime ? this.timeIndex.rel[ti]! : this.index.rel[oi]!;
      const pos = useTime ? this.timeIndex.pos[ti]! : this.index.pos[oi]!;
      this.timeIndex.add(this.maxTimestamp, rel, pos);
      this.builder.lastTimeIndexedPos = pos;
    }
    const files = [[this.indexPath(), this.index.encode()], [this.timeIndexPath(), this.timeIndex.encode()]] as const;
    this.indexCrcs = [crc32c(files[0][1]) >>> 0, crc32c(files[1][1]) >>> 0];
    for (const [path, data] of files) {
      const f = await this.fs.open(path, true);
      try {
        await f.truncate(0);
        await f.writeAll([data], 0);
        if (sync) await f.datasync();
      } finally {
        await f.close();
      }
    }
    this.indexDirty = false;
  }

  async closeFile(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cache.dropFrom(this, 0);
    await this.file.close();
  }

  /** Removes the files; the descriptor closes when the last in-flight read releases it. */
  async delete(): Promise<void> {
    this.deleted = true;
    this.cache.dropFrom(this, 0);
    for (const p of [this.logPath(), this.indexPath(), this.timeIndexPath()]) {
      await this.fs.unlink(p).catch((err: { code?: string }) => { if (err.code !== 'ENOENT') throw err; });
    }
    if (this.refs === 0) await this.closeFile();
  }
}

function parseHeader(h: Buffer): BatchInfo {
  const baseOffset = readInt64(h, OFFSET_BASE_OFFSET);
  return {
    baseOffset,
    lastOffset: baseOffset + h.readInt32BE(OFFSET_LAST_OFFSET_DELTA),
    totalBytes: h.readInt32BE(OFFSET_BATCH_LENGTH) + BATCH_LENGTH_PREFIX_BYTES,
    maxTimestamp: readInt64(h, OFFSET_MAX_TIMESTAMP),
    epoch: h.readInt32BE(OFFSET_PARTITION_LEADER_EPOCH),
  };
}
