import type { BatchHeader } from '../protocol/records/batch-header.js';
import { iterateBatches } from '../protocol/records/iterate-batches.js';

/** Stored batches as read: whole RecordBatches, concatenated, split into chunks. */
export interface ReadOutcome {
  chunks: Buffer[];
  bytes: number;
}

/** The part of a Partition or Replica a scan needs: committed reads and the commit point. */
export interface CommittedSource {
  readonly logStartOffset: number;
  readonly highWatermark: number;
  read(offset: number, maxBytes: number): Promise<ReadOutcome>;
}

/** One committed batch: its parsed header and its bytes (a view into the read chunk). */
export interface CommittedBatch {
  header: BatchHeader;
  bytes: Buffer;
}

/** Bytes read per step when the caller does not say: bounds the memory a scan holds at once. */
export const SCAN_STEP_BYTES_DEFAULT = 1024 * 1024;

/**
 * Every committed batch holding an offset >= `from`, in offset order, read `stepBytes` at a time
 * (at least one batch per step). The one scan over committed data: group loading replays
 * `__consumer_offsets` with it, a partition rebuilds its producer state with it, and Raft apply
 * will too. `from` below the log start starts at the log start. The scan stops at the high
 * watermark read at each step (never yielding a batch at or past it), so batches committed while
 * it runs are included; it also stops when a step makes no progress (nothing parseable), so it
 * always ends.
 */
export async function* committedBatches(source: CommittedSource, from: number, stepBytes = SCAN_STEP_BYTES_DEFAULT): AsyncGenerator<CommittedBatch> {
  let offset = Math.max(from, source.logStartOffset);
  for (let committed = source.highWatermark; offset < committed; committed = source.highWatermark) {
    const { chunks } = await source.read(offset, stepBytes);
    const before = offset;
    for (const chunk of chunks) {
      for (const { pos, header, totalBytes } of iterateBatches(chunk)) {
        const lastOffset = header.baseOffset + header.lastOffsetDelta;
        if (lastOffset < offset) continue;
        // Raft apply must never see an uncommitted entry, whatever the source's read returned.
        if (header.baseOffset >= committed) return;
        offset = lastOffset + 1;
        yield { header, bytes: chunk.subarray(pos, pos + totalBytes) };
      }
    }
    if (offset === before) return;
  }
}
