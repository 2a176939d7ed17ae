/**
 * The segments of one partition, oldest first; the last one is the active segment appends go to.
 * The array is replaced, never changed in place, so a reader that took it keeps a consistent list
 * while truncation, rolls or retention run.
 */
import type { PageCache } from './cache.js';
import type { FileLayer } from './file-layer.js';
import { Segment } from './segment.js';

export interface SegmentListOptions { dir: string; fs: FileLayer; cache: PageCache; indexIntervalBytes: number }

export class SegmentList {
  #segments: Segment[] = [];
  readonly #opts: SegmentListOptions;

  constructor(opts: SegmentListOptions) { this.#opts = opts; }

  get all(): readonly Segment[] { return this.#segments; }
  get active(): Segment { return this.#segments[this.#segments.length - 1]!; }
  get logEndOffset(): number { return this.active.nextOffset; }
  get sizeBytes(): number { let n = 0; for (const s of this.#segments) n += s.size; return n; }

  /** Replaces the list; call assignStartBytes when sizes before the end changed. */
  replace(segments: Segment[]): void { this.#segments = segments; }

  /** A new empty segment file at `base` (not yet in the list). */
  create(base: number, nowMs: number): Promise<Segment> {
    const { dir, fs, cache, indexIntervalBytes } = this.#opts;
    return Segment.create(dir, base, fs, cache, () => this.tailByte(), indexIntervalBytes, nowMs);
  }

  /** An existing segment file at `base` (not yet in the list). */
  openFile(base: number, nowMs: number): Promise<Segment> {
    const { dir, fs, cache, indexIntervalBytes } = this.#opts;
    return Segment.openFile(dir, base, fs, cache, () => this.tailByte(), indexIntervalBytes, nowMs);
  }

  /** Index of the segment holding `offset`: the last one whose base is <= offset (0 if none). */
  indexFor(offset: number, segs: readonly Segment[] = this.#segments): number {
    let lo = 0, hi = segs.length - 1, ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (segs[mid]!.base <= offset) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  }

  /** Each segment's logical position in the partition, which the cache uses as distance to the tail. */
  assignStartBytes(): void {
    let at = 0;
    for (const s of this.#segments) { s.startByte = at; at += s.size; }
  }

  tailByte(): number {
    const a = this.#segments[this.#segments.length - 1];
    return a === undefined ? 0 : a.startByte + a.size;
  }
}
