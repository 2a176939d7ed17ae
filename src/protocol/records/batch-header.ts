/**
 * The fixed 61-byte header of a Kafka RecordBatch (magic v2), read and patched in place.
 *
 * Layout (big-endian), from the public protocol guide:
 *
 *   off  size  field
 *     0     8  baseOffset             rewritten by the broker on append (not covered by the CRC)
 *     8     4  batchLength            bytes after this field (total batch bytes = batchLength + 12)
 *    12     4  partitionLeaderEpoch   rewritten on append: the Raft term (not covered by the CRC)
 *    16     1  magic                  must be 2
 *    17     4  crc                    CRC-32C (Castagnoli) of bytes [21, end of batch)
 *    21     2  attributes             bits 0-2 compression, 3 timestamp type, 4 transactional, 5 control
 *    23     4  lastOffsetDelta
 *    27     8  baseTimestamp
 *    35     8  maxTimestamp
 *    43     8  producerId
 *    51     2  producerEpoch
 *    53     4  baseSequence
 *    57     4  recordCount
 *    61     …  records (possibly compressed)
 *
 * Because the CRC does not cover baseOffset or partitionLeaderEpoch, the broker can assign offsets
 * and epochs by patching those two fields without recomputing anything (DESIGN decision 1).
 * int64 fields are read as JS numbers; see src/util/int64.ts for why that is safe here.
 */
import { crc32c } from '@node-rs/crc32';
import { isSafeInt64At, readInt64, writeInt64 } from '../../util/int64.js';

export const BATCH_HEADER_BYTES = 61;

/** Bytes before and including batchLength: the length field counts what follows it. */
export const BATCH_LENGTH_PREFIX_BYTES = 12;
export const MAGIC_V2 = 2;

export const OFFSET_BASE_OFFSET = 0;
export const OFFSET_BATCH_LENGTH = 8;
export const OFFSET_PARTITION_LEADER_EPOCH = 12;
export const OFFSET_MAGIC = 16;
export const OFFSET_CRC = 17;
export const OFFSET_ATTRIBUTES = 21;
export const OFFSET_LAST_OFFSET_DELTA = 23;
export const OFFSET_BASE_TIMESTAMP = 27;
export const OFFSET_MAX_TIMESTAMP = 35;
export const OFFSET_PRODUCER_ID = 43;
export const OFFSET_PRODUCER_EPOCH = 51;
export const OFFSET_BASE_SEQUENCE = 53;
export const OFFSET_RECORD_COUNT = 57;

export const ATTR_COMPRESSION_MASK = 0x07;
export const ATTR_TIMESTAMP_LOG_APPEND = 0x08;
export const ATTR_TRANSACTIONAL = 0x10;
export const ATTR_CONTROL = 0x20;

export const enum Compression {
  None = 0,
  Gzip = 1,
  Snappy = 2,
  Lz4 = 3,
  Zstd = 4,
}

export interface BatchHeader {
  baseOffset: number;
  /** Bytes after the batchLength field; the whole batch is batchLength + 12 bytes. */
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  attributes: number;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

/** Reads the header at `pos`. The caller guarantees BATCH_HEADER_BYTES are available. */
export function readBatchHeader(buf: Buffer, pos = 0): BatchHeader {
  return {
    baseOffset: readInt64(buf, pos + OFFSET_BASE_OFFSET),
    batchLength: buf.readInt32BE(pos + OFFSET_BATCH_LENGTH),
    partitionLeaderEpoch: buf.readInt32BE(pos + OFFSET_PARTITION_LEADER_EPOCH),
    magic: buf.readInt8(pos + OFFSET_MAGIC),
    crc: buf.readUInt32BE(pos + OFFSET_CRC),
    attributes: buf.readInt16BE(pos + OFFSET_ATTRIBUTES),
    lastOffsetDelta: buf.readInt32BE(pos + OFFSET_LAST_OFFSET_DELTA),
    baseTimestamp: readInt64(buf, pos + OFFSET_BASE_TIMESTAMP),
    maxTimestamp: readInt64(buf, pos + OFFSET_MAX_TIMESTAMP),
    producerId: readInt64(buf, pos + OFFSET_PRODUCER_ID),
    producerEpoch: buf.readInt16BE(pos + OFFSET_PRODUCER_EPOCH),
    baseSequence: buf.readInt32BE(pos + OFFSET_BASE_SEQUENCE),
    recordCount: buf.readInt32BE(pos + OFFSET_RECORD_COUNT),
  };
}

/** Total bytes of the batch starting at `pos` (length prefix included), from its batchLength. */
export function batchTotalBytes(buf: Buffer, pos = 0): number {
  return buf.readInt32BE(pos + OFFSET_BATCH_LENGTH) + BATCH_LENGTH_PREFIX_BYTES;
}

/** CRC-32C over [attributes, end of batch), as the header's crc field must hold. */
export function computeBatchCrc(buf: Buffer, pos = 0): number {
  const end = pos + batchTotalBytes(buf, pos);
  return crc32c(buf.subarray(pos + OFFSET_ATTRIBUTES, end)) >>> 0;
}

export function verifyBatchCrc(buf: Buffer, pos = 0): boolean {
  return computeBatchCrc(buf, pos) === buf.readUInt32BE(pos + OFFSET_CRC);
}

/** Writes the CRC field from the batch's current bytes (used by code that builds batches). */
export function writeBatchCrc(buf: Buffer, pos = 0): void {
  buf.writeUInt32BE(computeBatchCrc(buf, pos), pos + OFFSET_CRC);
}

/** Assigns offset and epoch in place; the CRC stays valid because it does not cover them. */
export function patchBaseOffsetAndEpoch(buf: Buffer, pos: number, baseOffset: number, partitionLeaderEpoch: number): void {
  writeInt64(buf, pos + OFFSET_BASE_OFFSET, baseOffset);
  buf.writeInt32BE(partitionLeaderEpoch, pos + OFFSET_PARTITION_LEADER_EPOCH);
}

export function compressionOf(attributes: number): Compression {
  return (attributes & ATTR_COMPRESSION_MASK) as Compression;
}

export function isControlBatch(attributes: number): boolean {
  return (attributes & ATTR_CONTROL) !== 0;
}

export type BatchCheck =
  | { ok: true; header: BatchHeader; totalBytes: number }
  | { ok: false; reason: 'truncated' | 'bad-length' | 'bad-magic' | 'bad-crc' | 'too-large' | 'bad-timestamp' | 'bad-field'; detail: string };

/** The int64 header fields, by position, to name the one outside the safe integer range. */
const INT64_FIELDS: ReadonlyArray<readonly [number, string]> = [
  [OFFSET_BASE_OFFSET, 'baseOffset'], [OFFSET_BASE_TIMESTAMP, 'baseTimestamp'], [OFFSET_MAX_TIMESTAMP, 'maxTimestamp'], [OFFSET_PRODUCER_ID, 'producerId'],
];

/**
 * Validates one batch at `pos` of untrusted bytes: enough bytes for the header, a sane length,
 * magic 2 and a matching CRC-32C. Returns an error value, never throws, so both the produce path
 * and recovery use it (TigerStyle's paired check: before append and when read back).
 */
export function checkBatch(buf: Buffer, pos: number, batchBytesMax: number): BatchCheck {
  const available = buf.length - pos;
  if (available < BATCH_HEADER_BYTES) return { ok: false, reason: 'truncated', detail: `${available} bytes, header needs ${BATCH_HEADER_BYTES}` };
  const batchLength = buf.readInt32BE(pos + OFFSET_BATCH_LENGTH);
  const totalBytes = batchLength + BATCH_LENGTH_PREFIX_BYTES;
  if (batchLength < BATCH_HEADER_BYTES - BATCH_LENGTH_PREFIX_BYTES) return { ok: false, reason: 'bad-length', detail: `batchLength ${batchLength}` };
  if (totalBytes > batchBytesMax) return { ok: false, reason: 'too-large', detail: `${totalBytes} bytes > ${batchBytesMax}` };
  if (totalBytes > available) return { ok: false, reason: 'truncated', detail: `${available} of ${totalBytes} bytes` };
  const magic = buf.readInt8(pos + OFFSET_MAGIC);
  if (magic !== MAGIC_V2) return { ok: false, reason: 'bad-magic', detail: `magic ${magic}` };
  if (!verifyBatchCrc(buf, pos)) return { ok: false, reason: 'bad-crc', detail: 'CRC-32C mismatch' };
  // A value past 2^53 cannot be held exactly (src/util/int64.ts): refuse it here, never throw.
  for (const [offset, name] of INT64_FIELDS) {
    if (!isSafeInt64At(buf, pos + offset)) {
      const reason = offset === OFFSET_BASE_TIMESTAMP || offset === OFFSET_MAX_TIMESTAMP ? 'bad-timestamp' : 'bad-field';
      return { ok: false, reason, detail: `${name} is outside the safe integer range` };
    }
  }
  return { ok: true, header: readBatchHeader(buf, pos), totalBytes };
}
