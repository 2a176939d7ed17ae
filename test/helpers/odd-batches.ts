/**
 * Record batches with a valid CRC but contents or headers a well-behaved client would not write,
 * for produce-validation tests: explicit offset deltas, timestamp deltas and header fields.
 */
import { assembleBatch } from '../../src/protocol/records/batch.js';
import { planRecord, writeRecord } from '../../src/protocol/records/record.js';
import { Compression, writeBatchCrc, OFFSET_BASE_TIMESTAMP } from '../../src/protocol/records/batch-header.js';
import { codecFor } from '../../src/protocol/compression/index.js';

export interface OddRecord {
  value: string;
  offsetDelta: number;
  timestampDelta?: number;
}

/** The uncompressed records section, written exactly as given (no ordering checks). */
export function recordsSection(records: OddRecord[]): Buffer {
  const planned = records.map((r) => planRecord({ key: null, value: Buffer.from(r.value) }, r.timestampDelta ?? 0, r.offsetDelta));
  const section = Buffer.alloc(planned.reduce((n, p) => n + p.totalBytes, 0));
  let pos = 0;
  for (const p of planned) pos = writeRecord(section, pos, p);
  return section;
}

export interface OddHeader {
  baseTimestamp: number;
  maxTimestamp: number;
  recordCount: number;
  lastOffsetDelta: number;
  compression?: Compression;
}

/** A batch around `payload` (already compressed if `compression` says so), CRC'd. */
export function oddBatch(payload: Buffer, h: OddHeader): Buffer {
  return assembleBatch(payload, { ...h, attributes: h.compression ?? Compression.None }, {});
}

export async function compressed(section: Buffer, compression: Compression): Promise<Buffer> {
  return codecFor(compression).compress(section);
}

/** Records 0..n-1 with values v0.., all at `timestamp` (a well-formed body). */
export function plainRecords(n: number): OddRecord[] {
  return Array.from({ length: n }, (_, i) => ({ value: `v${i}`, offsetDelta: i }));
}

/** Overwrites baseTimestamp with a raw int64 (even one outside the safe range) and re-CRCs. */
export function withRawBaseTimestamp(batch: Buffer, raw: bigint): Buffer {
  batch.writeBigInt64BE(raw, OFFSET_BASE_TIMESTAMP);
  writeBatchCrc(batch, 0);
  return batch;
}
