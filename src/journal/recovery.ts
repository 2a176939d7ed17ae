/**
 * Segment scan: walks a .log file batch by batch, checking length, magic, CRC-32C, offset
 * continuity and epoch order, and rebuilds the offset and time indexes as it goes. Recovery uses
 * it on segments written since the last clean shutdown and truncates at `validBytes` (a torn or
 * damaged tail); open uses it to rebuild a missing or damaged index.
 */
import { crc32c } from '@node-rs/crc32';
import {
  MAGIC_V2, BATCH_HEADER_BYTES, OFFSET_BATCH_LENGTH, BATCH_LENGTH_PREFIX_BYTES, OFFSET_ATTRIBUTES, OFFSET_BASE_OFFSET, OFFSET_CRC,
  OFFSET_LAST_OFFSET_DELTA, OFFSET_MAGIC, OFFSET_MAX_TIMESTAMP, OFFSET_PARTITION_LEADER_EPOCH,
} from '../protocol/records/batch-header.js';
import { readInt64 } from '../util/int64.js';
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
    // Field by field (no header object): recovery walks about a million batches per GiB.
    if (buf[at + OFFSET_MAGIC] !== MAGIC_V2) { stopReason = `bad magic ${buf[at + OFFSET_MAGIC]} at ${pos}`; break; }
    if (opts.verifyCrc && (crc32c(buf.subarray(at + OFFSET_ATTRIBUTES, at + need)) >>> 0) !== buf.readUInt32BE(at + OFFSET_CRC)) {
      stopReason = `bad-crc at ${pos}: CRC-32C mismatch`;
      break;
    }
    let baseOffset: number, maxTimestamp: number;
    try {
      baseOffset = readInt64(buf, at + OFFSET_BASE_OFFSET);
      maxTimestamp = readInt64(buf, at + OFFSET_MAX_TIMESTAMP);
    } catch (err) {
      // An int64 field outside the safe range (baseOffset is not covered by the CRC).
      stopReason = `unreadable header at ${pos}: ${(err as Error).message}`;
      break;
    }
    const lastOffsetDelta = buf.readInt32BE(at + OFFSET_LAST_OFFSET_DELTA);
    const epoch = buf.readInt32BE(at + OFFSET_PARTITION_LEADER_EPOCH);
    if (baseOffset !== nextOffset) { stopReason = `offset ${baseOffset} at ${pos}, expected ${nextOffset}`; break; }
    if (lastOffsetDelta < 0) { stopReason = `negative lastOffsetDelta at ${pos}`; break; }
    if (epoch < prevEpoch) { stopReason = `epoch ${epoch} < ${prevEpoch} at ${pos}`; break; }
    if (epoch > prevEpoch) { epochs.push({ epoch, startOffset: baseOffset }); prevEpoch = epoch; }
    builder.add(baseOffset, pos, maxTimestamp);
    nextOffset = baseOffset + lastOffsetDelta + 1;
    pos += need;
    batches++;
  }
  return { validBytes: pos, nextOffset, maxTimestamp: builder.maxTimestamp, batches, index, timeIndex, epochs, stopReason };
}
