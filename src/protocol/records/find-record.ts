/**
 * Finds one record in a stored batch without decoding the batch into objects: the records are
 * walked in place (skipRecord), RECORDS_PER_TURN at a time with a turn of the event loop between,
 * so a batch of a million tiny records costs one decompression and a bounded pause per turn,
 * never a million objects (ListOffsets by timestamp).
 */
import { ATTR_TIMESTAMP_LOG_APPEND, readBatchHeader } from './batch-header.js';
import { batchRecordsSection } from './batch.js';
import { RecordDecodeError } from './errors.js';
import { skipRecord, type RecordPosition } from './record.js';
import type { Cursor } from './varint.js';
import { nextTurn, RECORDS_PER_TURN } from './work-budget.js';

export interface RecordWanted {
  /** The record's timestamp must be >= this. */
  timestampMin: number;
  /** The record's offset must be >= this. */
  offsetMin: number;
  decompressedBytesMax: number;
}

/**
 * The first record of the batch at the start of `batch` matching `wanted`, as its absolute offset
 * and timestamp (LogAppendTime batches: every record's timestamp is maxTimestamp), or null.
 * Throws RecordDecodeError on bytes that do not walk.
 */
export async function findRecord(batch: Buffer, wanted: RecordWanted): Promise<{ offset: number; timestamp: number } | null> {
  const header = readBatchHeader(batch, 0);
  const section = await batchRecordsSection(batch, header, { decompressedBytesMax: wanted.decompressedBytesMax });
  const logAppendTime = (header.attributes & ATTR_TIMESTAMP_LOG_APPEND) !== 0;
  const cursor: Cursor = { buf: section, pos: 0, end: section.length };
  const fields: RecordPosition = { timestampDelta: 0, offsetDelta: 0 };
  for (let i = 0; i < header.recordCount; i++) {
    if (i > 0 && i % RECORDS_PER_TURN === 0) await nextTurn();
    skipRecord(cursor, fields);
    const offset = header.baseOffset + fields.offsetDelta;
    const timestamp = logAppendTime ? header.maxTimestamp : header.baseTimestamp + fields.timestampDelta;
    if (timestamp >= wanted.timestampMin && offset >= wanted.offsetMin) return { offset, timestamp };
  }
  if (cursor.pos !== cursor.end) throw new RecordDecodeError('trailing-bytes', `${cursor.end - cursor.pos} bytes after ${header.recordCount} records`);
  return null;
}
