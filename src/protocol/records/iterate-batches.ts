/**
 * Walks a buffer of concatenated RecordBatches (a Produce or Fetch `records` field, or a
 * segment read). A partial batch at the end is normal — Kafka fetch responses may end with one
 * when maxBytes cuts a batch — so iteration stops there cleanly. A length or magic that cannot be
 * a v2 batch throws RecordDecodeError: nothing after it can be trusted. CRCs are not checked here;
 * use checkBatch (batch-header.ts) where the bytes are untrusted.
 */
import { BATCH_HEADER_BYTES, BATCH_LENGTH_PREFIX_BYTES, MAGIC_V2, OFFSET_BATCH_LENGTH, OFFSET_MAGIC, readBatchHeader, type BatchHeader } from './batch-header.js';
import { RecordDecodeError } from './errors.js';

export interface BatchPosition {
  pos: number;
  header: BatchHeader;
  totalBytes: number;
}

export function* iterateBatches(records: Buffer): Generator<BatchPosition> {
  let pos = 0;
  while (records.length - pos >= BATCH_HEADER_BYTES) {
    const batchLength = records.readInt32BE(pos + OFFSET_BATCH_LENGTH);
    if (batchLength < BATCH_HEADER_BYTES - BATCH_LENGTH_PREFIX_BYTES) throw new RecordDecodeError('bad-length', `batchLength ${batchLength} at ${pos}`);
    const totalBytes = batchLength + BATCH_LENGTH_PREFIX_BYTES;
    if (totalBytes > records.length - pos) return;
    const magic = records.readInt8(pos + OFFSET_MAGIC);
    if (magic !== MAGIC_V2) throw new RecordDecodeError('bad-magic', `magic ${magic} at ${pos}`);
    let header: BatchHeader;
    try {
      header = readBatchHeader(records, pos);
    } catch (error) {
      throw new RecordDecodeError('bad-record', `batch header at ${pos}: ${(error as Error).message}`, { cause: error });
    }
    yield { pos, header, totalBytes };
    pos += totalBytes;
  }
}
