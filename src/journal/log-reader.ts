/**
 * Reads: whole batches from an offset through the shared PageCache, and the lookup by timestamp.
 * Both take the segment list as it is when they start; a segment deleted meanwhile (retention)
 * stays readable while retained (segment.ts).
 */
import type { Segment } from './segment.js';

/** Whole batches in offset order; each chunk holds whole batches and can be written to a socket as is. */
export interface ReadResult { chunks: Buffer[]; bytes: number }

/** A sequential reader within this many bytes of a segment's end preloads the next segment. */
export const PRELOAD_TRIGGER_BYTES = 1024 * 1024;
/** Pages of the next segment loaded by a preload. */
export const PRELOAD_PAGES = 4;

export interface ReadInput {
  segs: readonly Segment[];
  /** Index in segs of the segment holding `offset`. */
  first: number;
  offset: number;
  maxBytes: number;
  /** No batch whose baseOffset is at or beyond this is returned. */
  bound: number;
  pageBytes: number;
}

/**
 * Batches that lie on one cache page next to each other go out as one chunk (a subarray of that
 * page); a batch that spans pages is copied into its own chunk. Throws what the segment reads throw.
 */
export async function readBatches(input: ReadInput): Promise<ReadResult> {
  const { segs, offset, maxBytes, bound, pageBytes: pb } = input;
  const chunks: Buffer[] = [];
  let bytes = 0;
  let done = false;
  for (let si = input.first; si < segs.length && !done; si++) {
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
  return { chunks, bytes };
}

/** The first batch whose maxTimestamp >= timestampMs: its baseOffset and bytes, or null. Throws what the segment reads throw. */
export async function findByTimestamp(segs: readonly Segment[], timestampMs: number): Promise<{ offset: number; batch: Buffer } | null> {
  for (const seg of segs) {
    if (seg.size === 0 || seg.maxTimestamp < timestampMs) continue;
    seg.retain();
    try {
      const r = await seg.findTimestamp(timestampMs);
      if (r !== null) return { offset: r.h.baseOffset, batch: await seg.readBytes(r.pos, r.h.totalBytes) };
    } finally {
      seg.release();
    }
  }
  return null;
}
