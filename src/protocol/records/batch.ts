/**
 * RecordBatch v2 bodies: decoding a batch into records (decompressing as needed), building valid
 * CRC'd batches, and the one in-place rewrite the broker does besides offset/epoch assignment
 * (LogAppendTime). The 61-byte header itself lives in batch-header.ts.
 */
import { Int64RangeError, writeInt64 } from '../../util/int64.js';
import { assert } from '../../util/assert.js';
import { codecFor, CompressionError } from '../compression/index.js';
import {
  ATTR_COMPRESSION_MASK,
  ATTR_CONTROL,
  ATTR_TIMESTAMP_LOG_APPEND,
  ATTR_TRANSACTIONAL,
  BATCH_HEADER_BYTES,
  BATCH_LENGTH_PREFIX_BYTES,
  Compression,
  MAGIC_V2,
  OFFSET_ATTRIBUTES,
  OFFSET_BASE_OFFSET,
  OFFSET_BASE_SEQUENCE,
  OFFSET_BASE_TIMESTAMP,
  OFFSET_BATCH_LENGTH,
  OFFSET_LAST_OFFSET_DELTA,
  OFFSET_MAGIC,
  OFFSET_MAX_TIMESTAMP,
  OFFSET_PARTITION_LEADER_EPOCH,
  OFFSET_PRODUCER_EPOCH,
  OFFSET_PRODUCER_ID,
  OFFSET_RECORD_COUNT,
  readBatchHeader,
  verifyBatchCrc,
  writeBatchCrc,
  type BatchHeader,
} from './batch-header.js';
import { RecordDecodeError } from './errors.js';
import { planRecord, readRecord, writeRecord, RECORD_BYTES_MIN, type KafkaRecord, type RecordInput } from './record.js';
import type { Cursor } from './varint.js';

/** Highest codec id Kafka defines (zstd). */
const COMPRESSION_ID_MAX = Compression.Zstd;

export interface DecodeBatchOptions {
  /** Bound on the decompressed records section; see compression/codec.ts. */
  decompressedBytesMax?: number;
  /** Check the CRC-32C first (default true). Skip only for bytes checkBatch() has just passed. */
  verifyCrc?: boolean;
}

/** The header of the single batch at the start of `batch`, checked structurally. */
function checkedHeader(batch: Buffer, verifyCrc: boolean): BatchHeader {
  if (batch.length < BATCH_HEADER_BYTES) throw new RecordDecodeError('truncated', `${batch.length} bytes, a batch header needs ${BATCH_HEADER_BYTES}`);
  const batchLength = batch.readInt32BE(OFFSET_BATCH_LENGTH);
  if (batchLength < BATCH_HEADER_BYTES - BATCH_LENGTH_PREFIX_BYTES) throw new RecordDecodeError('bad-length', `batchLength ${batchLength}`);
  if (batchLength + BATCH_LENGTH_PREFIX_BYTES > batch.length) throw new RecordDecodeError('truncated', `batch of ${batchLength + BATCH_LENGTH_PREFIX_BYTES} bytes, ${batch.length} present`);
  const magic = batch.readInt8(OFFSET_MAGIC);
  if (magic !== MAGIC_V2) throw new RecordDecodeError('bad-magic', `magic ${magic}`);
  if (verifyCrc && !verifyBatchCrc(batch, 0)) throw new RecordDecodeError('bad-crc', 'CRC-32C mismatch');
  try {
    return readBatchHeader(batch, 0);
  } catch (error) {
    if (error instanceof Int64RangeError) throw new RecordDecodeError('bad-record', error.message, { cause: error });
    throw error;
  }
}

function compressionError(error: CompressionError): RecordDecodeError {
  const reason = error.reason === 'too-large' ? 'too-large' : error.reason === 'unsupported' ? 'unsupported-compression' : 'compression-corrupt';
  return new RecordDecodeError(reason, error.message, { cause: error });
}

/** The records section of the batch at the start of `batch`, decompressed. */
export async function batchRecordsSection(batch: Buffer, header: BatchHeader, options: DecodeBatchOptions = {}): Promise<Buffer> {
  const payload = batch.subarray(BATCH_HEADER_BYTES, header.batchLength + BATCH_LENGTH_PREFIX_BYTES);
  const compression = header.attributes & ATTR_COMPRESSION_MASK;
  if (compression > COMPRESSION_ID_MAX) throw new RecordDecodeError('unsupported-compression', `codec id ${compression}`);
  if (compression === Compression.None) return payload;
  // An emptied batch (compaction, filters) has no payload at all, even when its codec bits are set.
  if (header.recordCount === 0 && payload.length === 0) return payload;
  try {
    return await codecFor(compression as Compression, { decompressedBytesMax: options.decompressedBytesMax }).decompress(payload);
  } catch (error) {
    if (error instanceof CompressionError) throw compressionError(error);
    throw error;
  }
}

/**
 * Decodes every record of the single batch at the start of `batch` (bytes after it are ignored).
 * Offsets are absolute (baseOffset + offsetDelta); timestamps are baseTimestamp + delta, or the
 * batch's maxTimestamp for every record when the LogAppendTime bit is set. Control batches decode
 * like any other (see control-batch.ts to read their keys). Throws RecordDecodeError on bad input.
 */
export async function decodeBatchRecords(batch: Buffer, options: DecodeBatchOptions = {}): Promise<KafkaRecord[]> {
  const header = checkedHeader(batch, options.verifyCrc ?? true);
  const section = await batchRecordsSection(batch, header, options);
  if (header.recordCount < 0 || header.recordCount > section.length / RECORD_BYTES_MIN) {
    throw new RecordDecodeError('bad-record', `recordCount ${header.recordCount} with ${section.length} bytes of records`);
  }
  const base = {
    baseOffset: header.baseOffset,
    baseTimestamp: header.baseTimestamp,
    timestampOverride: (header.attributes & ATTR_TIMESTAMP_LOG_APPEND) !== 0 ? header.maxTimestamp : null,
  };
  const cursor: Cursor = { buf: section, pos: 0, end: section.length };
  const records: KafkaRecord[] = [];
  for (let i = 0; i < header.recordCount; i++) records.push(readRecord(cursor, base));
  if (cursor.pos !== cursor.end) throw new RecordDecodeError('trailing-bytes', `${cursor.end - cursor.pos} bytes after ${header.recordCount} records`);
  return records;
}

export interface BuildBatchOptions {
  baseOffset?: number;
  compression?: Compression;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  control?: boolean;
  transactional?: boolean;
  partitionLeaderEpoch?: number;
  /**
   * Defaults to the last record's offsetDelta. Set it (with explicit record offsetDeltas, or no
   * records at all) to keep a batch's offset range when a filter drops records from it.
   */
  lastOffsetDelta?: number;
}

/** The uncompressed records section for `records`, with the header fields it determines. */
export function encodeRecords(
  records: RecordInput[],
  nowMs: number,
  lastOffsetDeltaOverride?: number,
): { section: Buffer; baseTimestamp: number; maxTimestamp: number; lastOffsetDelta: number } {
  assert(records.length > 0 || lastOffsetDeltaOverride !== undefined, 'an empty batch needs an explicit lastOffsetDelta');
  const baseTimestamp = records[0]?.timestamp ?? nowMs;
  let maxTimestamp = baseTimestamp;
  let previousOffsetDelta = -1;
  const planned = records.map((r, i) => {
    const timestamp = r.timestamp ?? nowMs;
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    const offsetDelta = r.offsetDelta ?? i;
    assert(Number.isInteger(offsetDelta) && offsetDelta > previousOffsetDelta, `offset deltas increase (${previousOffsetDelta} then ${offsetDelta})`);
    previousOffsetDelta = offsetDelta;
    return planRecord(r, timestamp - baseTimestamp, offsetDelta);
  });
  const lastOffsetDelta = lastOffsetDeltaOverride ?? previousOffsetDelta;
  assert(lastOffsetDelta >= previousOffsetDelta, `lastOffsetDelta ${lastOffsetDelta} is below the last record's ${previousOffsetDelta}`);
  let bytes = 0;
  for (const p of planned) bytes += p.totalBytes;
  const section = Buffer.allocUnsafe(bytes);
  let pos = 0;
  for (const p of planned) pos = writeRecord(section, pos, p);
  assert(pos === bytes, 'planned record sizes match what was written');
  return { section, baseTimestamp, maxTimestamp, lastOffsetDelta };
}

/** Lays out a batch around an already encoded (and possibly compressed) records section. */
export function assembleBatch(
  payload: Buffer,
  fields: { recordCount: number; lastOffsetDelta: number; baseTimestamp: number; maxTimestamp: number; attributes: number },
  options: BuildBatchOptions,
): Buffer {
  const batch = Buffer.allocUnsafe(BATCH_HEADER_BYTES + payload.length);
  writeInt64(batch, OFFSET_BASE_OFFSET, options.baseOffset ?? 0);
  batch.writeInt32BE(batch.length - BATCH_LENGTH_PREFIX_BYTES, OFFSET_BATCH_LENGTH);
  batch.writeInt32BE(options.partitionLeaderEpoch ?? -1, OFFSET_PARTITION_LEADER_EPOCH);
  batch.writeInt8(MAGIC_V2, OFFSET_MAGIC);
  batch.writeInt16BE(fields.attributes, OFFSET_ATTRIBUTES);
  batch.writeInt32BE(fields.lastOffsetDelta, OFFSET_LAST_OFFSET_DELTA);
  writeInt64(batch, OFFSET_BASE_TIMESTAMP, fields.baseTimestamp);
  writeInt64(batch, OFFSET_MAX_TIMESTAMP, fields.maxTimestamp);
  writeInt64(batch, OFFSET_PRODUCER_ID, options.producerId ?? -1);
  batch.writeInt16BE(options.producerEpoch ?? -1, OFFSET_PRODUCER_EPOCH);
  batch.writeInt32BE(options.baseSequence ?? -1, OFFSET_BASE_SEQUENCE);
  batch.writeInt32BE(fields.recordCount, OFFSET_RECORD_COUNT);
  payload.copy(batch, BATCH_HEADER_BYTES);
  writeBatchCrc(batch, 0);
  return batch;
}

function attributesOf(compression: Compression, options: BuildBatchOptions): number {
  return compression | (options.transactional === true ? ATTR_TRANSACTIONAL : 0) | (options.control === true ? ATTR_CONTROL : 0);
}

/**
 * Builds a valid v2 batch (CreateTime) holding `records`, with offset deltas 0..n-1 unless the
 * records carry their own. A record without a timestamp gets the current time; baseTimestamp is
 * the first record's. Producer fields default to -1 (no idempotence).
 */
export async function buildBatch(records: RecordInput[], options: BuildBatchOptions = {}): Promise<Buffer> {
  const compression = options.compression ?? Compression.None;
  const { section, ...fields } = encodeRecords(records, Date.now(), options.lastOffsetDelta);
  // No records: no payload, as Java writes empty batches, rather than an empty compressed stream.
  const payload = compression === Compression.None || records.length === 0 ? section : await codecFor(compression).compress(section);
  return assembleBatch(payload, { recordCount: records.length, ...fields, attributes: attributesOf(compression, options) }, options);
}

/** buildBatch without compression, synchronously (for control batches and the Raft layer). */
export function buildBatchUncompressed(records: RecordInput[], options: Omit<BuildBatchOptions, 'compression'> = {}): Buffer {
  const { section, ...fields } = encodeRecords(records, Date.now(), options.lastOffsetDelta);
  return assembleBatch(section, { recordCount: records.length, ...fields, attributes: attributesOf(Compression.None, options) }, options);
}

/**
 * For topics with message.timestamp.type=LogAppendTime: marks the batch at `pos` as LogAppendTime
 * and sets maxTimestamp (and baseTimestamp) to `nowMs`, in place, then recomputes the CRC, which
 * covers both fields. Records are untouched (no recompression): with the bit set, every record's
 * timestamp reads as maxTimestamp. The caller has validated the batch (checkBatch).
 */
export function setLogAppendTime(batch: Buffer, nowMs: number, pos = 0): void {
  batch.writeInt16BE(batch.readInt16BE(pos + OFFSET_ATTRIBUTES) | ATTR_TIMESTAMP_LOG_APPEND, pos + OFFSET_ATTRIBUTES);
  writeInt64(batch, pos + OFFSET_BASE_TIMESTAMP, nowMs);
  writeInt64(batch, pos + OFFSET_MAX_TIMESTAMP, nowMs);
  writeBatchCrc(batch, pos);
}

/**
 * For CreateTime topics: sets the batch's maxTimestamp to the one computed from its records and
 * clears a LogAppendTime bit the client had no business setting, in place, then recomputes the
 * CRC (as Kafka's LogValidator does). A header rewrite, never a recompression.
 */
export function setCreateTimeMaxTimestamp(batch: Buffer, maxTimestamp: number, pos = 0): void {
  batch.writeInt16BE(batch.readInt16BE(pos + OFFSET_ATTRIBUTES) & ~ATTR_TIMESTAMP_LOG_APPEND, pos + OFFSET_ATTRIBUTES);
  writeInt64(batch, pos + OFFSET_MAX_TIMESTAMP, maxTimestamp);
  writeBatchCrc(batch, pos);
}
