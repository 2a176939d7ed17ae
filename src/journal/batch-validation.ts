/**
 * The produce-path check of appended batches (length, magic, CRC-32C, lastOffsetDelta). It runs
 * when append is called, before anything is queued, so a bad batch never reaches the write pipeline.
 */
import { crc32c } from '@node-rs/crc32';
import {
  checkBatch, BATCH_HEADER_BYTES, BATCH_LENGTH_PREFIX_BYTES, MAGIC_V2, OFFSET_ATTRIBUTES, OFFSET_BATCH_LENGTH,
  OFFSET_BASE_OFFSET, OFFSET_CRC, OFFSET_LAST_OFFSET_DELTA, OFFSET_MAGIC, OFFSET_MAX_TIMESTAMP, OFFSET_PARTITION_LEADER_EPOCH,
} from '../protocol/records/batch-header.js';
import { readInt64 } from '../util/int64.js';
import { JournalError } from './errors.js';

/**
 * One validated batch of an append. `baseOffset` and `epoch` are the batch's own for
 * appendReplicated; for append they are filled in when the group is written, and the same object
 * then goes to Segment.noteAppended (no second per-batch record).
 */
export interface PendingBatch { pos: number; totalBytes: number; lastOffsetDelta: number; maxTimestamp: number; baseOffset: number; epoch: number }

/** Checks every batch in `records` (whole v2 batches back to back); throws JournalError naming the first bad one. */
export function validateBatches(records: Buffer, batchBytesMax: number, replicated: boolean): PendingBatch[] {
  if (records.length === 0) throw new JournalError('CORRUPT_BATCH', 'no batches in records');
  const batches: PendingBatch[] = [];
  for (let pos = 0; pos < records.length;) {
    const b = validateBatch(records, pos, batchBytesMax, replicated);
    if (typeof b === 'string') {
      // Let the shared checker name the problem precisely.
      const r = checkBatch(records, pos, batchBytesMax);
      const reason = r.ok ? b : `${r.reason} (${r.detail})`;
      throw new JournalError(!r.ok && r.reason === 'too-large' ? 'BATCH_TOO_LARGE' : 'CORRUPT_BATCH', `batch ${batches.length} at byte ${pos}: ${reason}`);
    }
    batches.push(b);
    pos += b.totalBytes;
  }
  return batches;
}

/**
 * One batch, reading only the fields append needs: checkBatch's rules without building a whole
 * header object per batch. Returns a reason string on any problem; the caller then asks checkBatch
 * for the precise one.
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
