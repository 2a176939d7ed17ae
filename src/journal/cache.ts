/**
 * PageCache: fixed-size pages of segment files, shared by all partitions of a node, bounded in bytes.
 *
 * - Read-write shared pages: the writer copies what it has just appended into the tail page, so
 *   readers near the tail are served from memory written moments ago, without a disk read.
 * - Eviction weighs recency AND distance from the partition's tail:
 *     score = (1 + lookups since last use) × (1 + pages between this page and its partition's tail × DISTANCE_WEIGHT)
 *   The highest score goes first. Multiplying (rather than adding) keeps the two scales apart: a
 *   consumer replaying old data churns through its own far-from-tail pages, whose scores grow with
 *   their distance, and leaves the tail pages (which tail readers and followers use) in place even
 *   when they were touched less recently than the replayed ones.
 * - Buffers handed to readers are subarrays of page buffers. A page's bytes below its `length`
 *   never change after they are written: truncation drops pages instead of overwriting them, so a
 *   subarray that is still being written to a socket stays intact.
 */
import { assert } from '../util/assert.js';

/** Default page size: large enough for few syscalls on cold reads, small enough to keep hot sets fine-grained. */
export const PAGE_BYTES_DEFAULT = 256 * 1024;
/** Default cache budget per node. */
export const CACHE_BYTES_MAX_DEFAULT = 256 * 1024 * 1024;
/** How much one page of distance from the tail multiplies a page's eviction score. */
export const DISTANCE_WEIGHT = 1;
/** When over budget, evict down to this fraction of the budget, so the scoring pass is amortised. */
const EVICT_TO_FRACTION = 15 / 16;
/**
 * Buffers of evicted pages that no reader ever saw are kept for reuse, up to this many: a write-heavy
 * partition then recycles its tail pages instead of allocating (and page-faulting) fresh memory for
 * every appended byte. Pages lent to readers are never recycled, so a chunk still being written to
 * a socket cannot change underneath it.
 */
export const FREE_PAGES_MAX = 64;

/** A file whose pages the cache holds (a segment). */
export interface PageOwner {
  readonly pages: Map<number, Page>;
  /** Bytes between the start of page `index` and the tail (end) of the owner's partition log. */
  distanceToTailBytes(index: number): number;
}

export interface Page {
  readonly owner: PageOwner;
  readonly index: number;
  readonly buf: Buffer;
  /** Valid bytes from the page start; only grows, by appends at exactly this position. */
  length: number;
  lastUse: number;
  /** A subarray of buf was handed to a reader: the buffer may never be reused for another page. */
  lent: boolean;
}

export interface PageCacheStats {
  hits: number; misses: number; hitRatio: number; pages: number; bytes: number; cacheBytesMax: number;
  pageBytes: number; evictions: number; preloads: number;
}

export class PageCache {
  readonly cacheBytesMax: number;
  readonly pageBytes: number;
  private readonly all = new Set<Page>();
  private tick = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;
  private preloads = 0;
  private readonly free: Buffer[] = [];

  constructor(opts: { cacheBytesMax: number; pageBytes?: number }) {
    const pageBytes = opts.pageBytes ?? PAGE_BYTES_DEFAULT;
    if (!Number.isSafeInteger(opts.cacheBytesMax) || opts.cacheBytesMax < 0) throw new Error(`cacheBytesMax must be >= 0, got ${opts.cacheBytesMax}`);
    if (!Number.isSafeInteger(pageBytes) || pageBytes < 4096) throw new Error(`pageBytes must be >= 4096, got ${pageBytes}`);
    this.cacheBytesMax = opts.cacheBytesMax;
    this.pageBytes = pageBytes;
  }

  get bytes(): number { return this.all.size * this.pageBytes; }

  /** Fraction of page lookups served from memory since creation (0 when there were none). */
  hitRatio(): number {
    const n = this.hits + this.misses;
    return n === 0 ? 0 : this.hits / n;
  }

  stats(): PageCacheStats {
    return {
      hits: this.hits, misses: this.misses, hitRatio: this.hitRatio(), pages: this.all.size, bytes: this.bytes,
      cacheBytesMax: this.cacheBytesMax, pageBytes: this.pageBytes, evictions: this.evictions, preloads: this.preloads,
    };
  }

  /** A page holding at least `needBytes` valid bytes, counted as a hit; undefined (a miss) otherwise. */
  lookup(owner: PageOwner, index: number, needBytes: number): Page | undefined {
    const p = owner.pages.get(index);
    if (p !== undefined && p.length >= needBytes) {
      this.hits++;
      p.lastUse = ++this.tick;
      return p;
    }
    this.misses++;
    return undefined;
  }

  /** Peek without counting (the writer uses it to extend the tail page). */
  peek(owner: PageOwner, index: number): Page | undefined {
    return owner.pages.get(index);
  }

  /** Inserts (or replaces) a page; `buf` must be pageBytes long and is owned by the cache from now on. */
  insert(owner: PageOwner, index: number, buf: Buffer, length: number): Page | undefined {
    if (this.cacheBytesMax < this.pageBytes) return undefined;
    assert(buf.length === this.pageBytes && length <= buf.length, 'page buffer size');
    const old = owner.pages.get(index);
    if (old !== undefined) this.remove(old);
    const page: Page = { owner, index, buf, length, lastUse: ++this.tick, lent: false };
    owner.pages.set(index, page);
    this.all.add(page);
    if (this.bytes > this.cacheBytesMax) this.evict(page);
    return page;
  }

  /** A page buffer, recycled or new (uninitialised: only bytes below a page's `length` are read). */
  allocPage(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(this.pageBytes);
  }

  remove(page: Page): void {
    if (page.owner.pages.get(page.index) === page) page.owner.pages.delete(page.index);
    if (this.all.delete(page) && !page.lent && this.free.length < FREE_PAGES_MAX) this.free.push(page.buf);
  }

  /** Like lookup, but a miss is not counted (the caller falls back to a counted lookup). */
  peekFor(owner: PageOwner, index: number, needBytes: number): Page | undefined {
    const p = owner.pages.get(index);
    if (p === undefined || p.length < needBytes) return undefined;
    this.hits++;
    p.lastUse = ++this.tick;
    return p;
  }

  /** Drops the owner's pages with index >= fromIndex (truncation, deletion). */
  dropFrom(owner: PageOwner, fromIndex: number): void {
    for (const p of [...owner.pages.values()]) if (p.index >= fromIndex) this.remove(p);
  }

  notePreload(): void { this.preloads++; }

  private evict(keep: Page): void {
    const target = Math.floor(this.cacheBytesMax * EVICT_TO_FRACTION);
    const scored: { p: Page; score: number }[] = [];
    for (const p of this.all) {
      if (p === keep) continue;
      const distancePages = Math.max(0, p.owner.distanceToTailBytes(p.index)) / this.pageBytes;
      scored.push({ p, score: (1 + this.tick - p.lastUse) * (1 + distancePages * DISTANCE_WEIGHT) });
    }
    scored.sort((a, b) => b.score - a.score);
    for (const { p } of scored) {
      if (this.bytes <= target) break;
      this.remove(p);
      this.evictions++;
    }
  }
}
