/**
 * What Kafka's LogValidator checks in a produced RecordBatch v2 beyond its header, done in one
 * pass over the (decompressed) records without building record objects and without recompressing:
 * the stored bytes stay the client's bytes.
 *
 *   - decompression within `decompressedBytesMax` (a bomb costs a typed error, not memory);
 *   - at most `recordsMax` records, and exactly `recordCount` of them: no record runs past the
 *     section, no bytes follow the last one;
 *   - every record's length equals its fields (varints of legal width, key/value/header lengths
 *     inside the record, header count sane, no null header key);
 *   - offset deltas 0..n-1 in order;
 *   - CreateTime timestamps (baseTimestamp + delta) within [now - before.max, now + after.max] and
 *     not below -1 (-1 means "none", as Kafka allows).
 *
 * The batch's real maxTimestamp (and the offset delta carrying it) comes out of the same pass, so
 * the caller can replace a header value the client got wrong (Sarama writes -1) before it drives
 * the time index and retention. The header itself (CRC, magic, lengths) is checkBatch's job.
 */
import { ATTR_COMPRESSION_MASK, BATCH_HEADER_BYTES, BATCH_LENGTH_PREFIX_BYTES, Compression, type BatchHeader } from './batch-header.js';
import { batchRecordsSection } from './batch.js';
import { RecordDecodeError } from './errors.js';
import { skipRecord, type RecordPosition } from './record.js';
import type { Cursor } from './varint.js';
import { nextTurn, RECORDS_PER_TURN } from './work-budget.js';

export interface ValidateBatchOptions {
  nowMs: number;
  /** LogAppendTime topics: record timestamps are replaced by the broker's, so they are not checked. */
  logAppendTime: boolean;
  /** message.timestamp.before.max.ms; Infinity for no bound. */
  timestampBeforeMaxMs: number;
  /** message.timestamp.after.max.ms; Infinity for no bound. */
  timestampAfterMaxMs: number;
  decompressedBytesMax: number;
  recordsMax: number;
}

/** Produce v8+'s per-record error: the record's index in the batch and why it was refused. */
export interface RecordError {
  batchIndex: number;
  message: string;
}

export type BatchProblem = 'corrupt' | 'invalid-record' | 'invalid-timestamp' | 'too-large';

export type BatchVerdict =
  | { ok: true; maxTimestamp: number; offsetDeltaOfMaxTimestamp: number }
  | { ok: false; problem: BatchProblem; message: string; recordErrors: RecordError[] };

/** Record errors kept per batch (Kafka keeps all; this bounds the response a hostile batch causes). */
export const RECORD_ERRORS_MAX = 100;
/** Kafka's NO_TIMESTAMP: a record without a timestamp. */
const NO_TIMESTAMP = -1;

interface Walk {
  cursor: Cursor;
  index: number;
  maxTimestamp: number;
  offsetDeltaOfMax: number;
  timestampErrors: RecordError[];
  timestampErrorCount: number;
  fields: RecordPosition;
}

function refuse(problem: BatchProblem, message: string, recordErrors: RecordError[] = []): BatchVerdict {
  return { ok: false, problem, message, recordErrors };
}

function invalidRecord(batchIndex: number, message: string): BatchVerdict {
  return refuse('invalid-record', `record ${batchIndex}: ${message}`, [{ batchIndex, message }]);
}

function timestampProblem(timestamp: number, o: ValidateBatchOptions): string | null {
  if (!Number.isSafeInteger(timestamp)) return `timestamp ${timestamp} is outside the int64 range Canopy stores`;
  if (timestamp === NO_TIMESTAMP) return null;
  if (timestamp < 0) return `timestamp ${timestamp} is negative`;
  const lowest = o.nowMs - o.timestampBeforeMaxMs;
  const highest = o.nowMs + o.timestampAfterMaxMs;
  if (timestamp < lowest || timestamp > highest) {
    return `timestamp ${timestamp} is out of range: it must be within [${lowest}, ${highest}] (message.timestamp.before.max.ms / after.max.ms)`;
  }
  return null;
}

/**
 * Walks records [walk.index, stopIndex); returns a refusal, or null to go on. The per-record work
 * is a handful of comparisons on locals: timestampProblem runs only for a record out of range.
 */
function walkRecords(walk: Walk, header: BatchHeader, o: ValidateBatchOptions, stopIndex: number): BatchVerdict | null {
  const { cursor, fields } = walk;
  const checkTimestamps = !o.logAppendTime;
  const lowest = Math.max(0, o.nowMs - o.timestampBeforeMaxMs);
  const highest = Math.min(Number.MAX_SAFE_INTEGER, o.nowMs + o.timestampAfterMaxMs);
  const baseTimestamp = header.baseTimestamp;
  let maxTimestamp = walk.maxTimestamp;
  let offsetDeltaOfMax = walk.offsetDeltaOfMax;
  let i = walk.index;
  try {
    for (; i < stopIndex; i++) {
      skipRecord(cursor, fields);
      if (fields.offsetDelta !== i) return invalidRecord(i, `offsetDelta ${fields.offsetDelta}, expected ${i}`);
      if (!checkTimestamps) continue;
      const timestamp = baseTimestamp + fields.timestampDelta;
      if (timestamp > maxTimestamp) {
        maxTimestamp = timestamp;
        offsetDeltaOfMax = i;
      }
      if ((timestamp < lowest || timestamp > highest) && timestamp !== NO_TIMESTAMP) {
        const problem = timestampProblem(timestamp, o);
        if (problem !== null && walk.timestampErrorCount++ < RECORD_ERRORS_MAX) walk.timestampErrors.push({ batchIndex: i, message: problem });
      }
    }
  } catch (error) {
    if (error instanceof RecordDecodeError) return invalidRecord(i, error.message);
    throw error;
  } finally {
    walk.index = i;
    walk.maxTimestamp = maxTimestamp;
    walk.offsetDeltaOfMax = offsetDeltaOfMax;
  }
  return null;
}

function finish(walk: Walk, header: BatchHeader, o: ValidateBatchOptions): BatchVerdict {
  const left = walk.cursor.end - walk.cursor.pos;
  if (left !== 0) return invalidRecord(header.recordCount, `${left} bytes follow the last of recordCount ${header.recordCount} records`);
  if (walk.timestampErrorCount > 0) {
    const first = walk.timestampErrors[0]!;
    return refuse('invalid-timestamp', `${walk.timestampErrorCount} record(s) with an invalid timestamp; record ${first.batchIndex}: ${first.message}`, walk.timestampErrors);
  }
  if (o.logAppendTime) return { ok: true, maxTimestamp: o.nowMs, offsetDeltaOfMaxTimestamp: 0 };
  return { ok: true, maxTimestamp: walk.maxTimestamp, offsetDeltaOfMaxTimestamp: walk.offsetDeltaOfMax };
}

/** A walk over `section`; a record count that cannot fit is left for the walk to name the record. */
function startWalk(section: Buffer): Walk {
  return {
    cursor: { buf: section, pos: 0, end: section.length },
    index: 0,
    maxTimestamp: NO_TIMESTAMP,
    offsetDeltaOfMax: -1,
    timestampErrors: [],
    timestampErrorCount: 0,
    fields: { timestampDelta: 0, offsetDelta: 0 },
  };
}

async function walkInTurns(walk: Walk, header: BatchHeader, o: ValidateBatchOptions): Promise<BatchVerdict> {
  while (walk.index < header.recordCount) {
    const refused = walkRecords(walk, header, o, Math.min(header.recordCount, walk.index + RECORDS_PER_TURN));
    if (refused !== null) return refused;
    if (walk.index < header.recordCount) await nextTurn();
  }
  return finish(walk, header, o);
}

async function validateCompressed(batch: Buffer, header: BatchHeader, o: ValidateBatchOptions): Promise<BatchVerdict> {
  let section: Buffer;
  try {
    section = await batchRecordsSection(batch, header, { decompressedBytesMax: o.decompressedBytesMax });
  } catch (error) {
    if (!(error instanceof RecordDecodeError)) throw error;
    if (error.reason === 'too-large') return refuse('too-large', `records section ${error.message} (limits.batchDecompressedBytesMax)`);
    return refuse('corrupt', `records section does not decompress: ${error.message}`);
  }
  return walkInTurns(startWalk(section), header, o);
}

/**
 * Validates the records of the single batch at the start of `batch`, whose header checkBatch has
 * accepted. Synchronous for uncompressed batches small enough for one turn; otherwise a promise.
 * Never throws for bad input: every problem is a refusal naming the record.
 */
export function validateBatchRecords(batch: Buffer, header: BatchHeader, o: ValidateBatchOptions): BatchVerdict | Promise<BatchVerdict> {
  if (header.recordCount > o.recordsMax) return refuse('too-large', `recordCount ${header.recordCount} exceeds limits.batchRecordsMax ${o.recordsMax}`);
  if ((header.attributes & ATTR_COMPRESSION_MASK) !== Compression.None) return validateCompressed(batch, header, o);
  const walk = startWalk(batch.subarray(BATCH_HEADER_BYTES, header.batchLength + BATCH_LENGTH_PREFIX_BYTES));
  if (header.recordCount > RECORDS_PER_TURN) return walkInTurns(walk, header, o);
  return walkRecords(walk, header, o, header.recordCount) ?? finish(walk, header, o);
}
