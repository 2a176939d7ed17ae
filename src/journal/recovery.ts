/**
 * Segment scan: walks a .log file batch by batch, checking length, magic, CRC-32C, offset
 * continuity and epoch order, and rebuilds the offset and time indexes as it goes. Recovery uses
 * it on segments written since the last clean shutdown and truncates at `validBytes` (a torn or
 * damaged tail); open uses it to rebuild a missing or damaged index.
 */
import { checkBatch, readBatchHeader, MAGIC_V2, BATCH_HEADER_BYTES, OFFSET_BATCH_LENGTH, BATCH_LENGTH_PREFIX_BYTES } from '../protocol/records/batch-header.js';
import type { JournalFile } from './file-layer.js';
import { OffsetIndex } from './offset-index.js';
import { TimeIndex } from './time-index.js';

/** Bytes read from disk per step of a scan (a larger batch is read whole). */
export const SCAN_CHUNK_BYTES = 4 * 1024 * 1024;

export interface ScanResult {
  /** Bytes from the start that hold whole valid batches. */
  validBytes: number;
  nextOffset: number;
  maxTimestamp: number;
  batches: number;
  index: OffsetIndex;
  timeIndex: TimeIndex;
  /** First epoch change points seen (epoch, start offset), in order. */
  epochs: { epoch: number; startOffset: number }[];
  /** Why the scan stopped before the end of the file, or null. */
  stopReason: string | null;
}

/** Index bookkeeping shared by the append path and the scan, so both build identical indexes. */
export class IndexBuilder {
  lastIndexedPos = -Infinity;
  lastTimeIndexedPos = -Infinity;
  maxTimestamp = -1;
  constructor(readonly base: number, readonly index: OffsetIndex, readonly timeIndex: TimeIndex, readonly intervalBytes: number) {
    if (index.length > 0) this.lastIndexedPos = index.lastPosition;
    if (timeIndex.length > 0) { this.lastTimeIndexedPos = timeIndex.lastPosition; this.maxTimestamp = timeIndex.lastTimestamp; }
  }
  add(baseOffset: number, position: number, maxTimestamp: number): void {
    const rel = baseOffset - this.base;
    if (this.index.length === 0 || position - this.lastIndexedPos >= this.intervalBytes) {
      this.index.add(rel, position);
      this.lastIndexedPos = position;
    }
    if (maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = maxTimestamp;
      if (this.timeIndex.length === 0 || position - this.lastTimeIndexedPos >= this.intervalBytes) {
        this.timeIndex.add(maxTimestamp, rel, position);
        this.lastTimeIndexedPos = position;
      }
    }
  }
}

export async function scanSegment(file: JournalFile, fileBytes: number, baseOffset: number, opts: {
  intervalBytes: number; verifyCrc: boolean; prevEpoch: number;
}): Promise<ScanResult> {
  const index = new OffsetIndex(), timeIndex = new TimeIndex();
  const builder = new IndexBuilder(baseOffset, index, timeIndex, opts.intervalBytes);
  const epochs: { epoch: number; startOffset: number }[] = [];
  let prevEpoch = opts.prevEpoch;
  let pos = 0, nextOffset = baseOffset, batches = 0;
  let stopReason: string | null = null;
  let buf = Buffer.alloc(0), bufStart = 0; // buf holds file bytes [bufStart, bufStart + buf.length)
  outer: while (pos < fileBytes) {
    // Make sure the header, then the whole batch, is in buf.
    let need = Math.min(BATCH_HEADER_BYTES, fileBytes - pos);
    for (let round = 0; round < 2; round++) {
      if (pos + need > bufStart + buf.length) {
        const want = Math.min(Math.max(need, SCAN_CHUNK_BYTES), fileBytes - pos);
        const fresh = Buffer.allocUnsafe(want);
        const got = await file.read(fresh, 0, want, pos);
        buf = fresh.subarray(0, got); bufStart = pos;
        if (got < need) { stopReason = `short read at ${pos}`; break outer; }
      }
      if (round === 0) {
        if (need < BATCH_HEADER_BYTES) { stopReason = `torn header at ${pos} (${need} bytes)`; break outer; }
        const batchLength = buf.readInt32BE(pos - bufStart + OFFSET_BATCH_LENGTH);
        const total = batchLength + BATCH_LENGTH_PREFIX_BYTES;
        if (batchLength < BATCH_HEADER_BYTES - BATCH_LENGTH_PREFIX_BYTES) { stopReason = `bad length ${batchLength} at ${pos}`; break outer; }
        if (total > fileBytes - pos) { stopReason = `torn batch at ${pos} (${fileBytes - pos} of ${total} bytes)`; break outer; }
        need = total;
      }
    }
    const at = pos - bufStart;
    let header;
    try {
      if (opts.verifyCrc) {
        const r = checkBatch(buf.subarray(at, at + need), 0, need);
        if (!r.ok) { stopReason = `${r.reason} at ${pos}: ${r.detail}`; break; }
        header = r.header;
      } else {
        header = readBatchHeader(buf, at);
        if (header.magic !== MAGIC_V2) { stopReason = `bad magic ${header.magic} at ${pos}`; break; }
      }
    } catch (err) {
      // An int64 field outside the safe range (baseOffset is not covered by the CRC).
      stopReason = `unreadable header at ${pos}: ${(err as Error).message}`;
      break;
    }
    if (header.baseOffset !== nextOffset) { stopReason = `offset ${header.baseOffset} at ${pos}, expected ${nextOffset}`; break; }
    if (header.lastOffsetDelta < 0) { stopReason = `negative lastOffsetDelta at ${pos}`; break; }
    if (header.partitionLeaderEpoch < prevEpoch) { stopReason = `epoch ${header.partitionLeaderEpoch} < ${prevEpoch} at ${pos}`; break; }
    if (header.partitionLeaderEpoch > prevEpoch) { epochs.push({ epoch: header.partitionLeaderEpoch, startOffset: header.baseOffset }); prevEpoch = header.partitionLeaderEpoch; }
    builder.add(header.baseOffset, pos, header.maxTimestamp);
    nextOffset = header.baseOffset + header.lastOffsetDelta + 1;
    pos += need;
    batches++;
  }
  return { validBytes: pos, nextOffset, maxTimestamp: builder.maxTimestamp, batches, index, timeIndex, epochs, stopReason };
}
