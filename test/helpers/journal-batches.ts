/**
 * Test helpers for the journal: a seeded PRNG and a builder of valid RecordBatch v2 bytes. The
 * records region is opaque random bytes: the journal never parses records, only the header and CRC.
 */
import { BATCH_HEADER_BYTES, writeBatchCrc, readBatchHeader } from '../../src/protocol/records/batch-header.js';
import { writeInt64 } from '../../src/util/int64.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BatchSpec { records: number; payloadBytes: number; maxTimestamp: number; seed: number; baseTimestamp?: number }

/** A valid batch (baseOffset 0, epoch -1, as a producer sends it) with seeded payload bytes. */
export function makeBatch(spec: BatchSpec): Buffer {
  const buf = Buffer.alloc(BATCH_HEADER_BYTES + spec.payloadBytes);
  buf.writeInt32BE(buf.length - 12, 8);
  buf.writeInt32BE(-1, 12);
  buf.writeInt8(2, 16);
  buf.writeInt32BE(spec.records - 1, 23);
  writeInt64(buf, 27, spec.baseTimestamp ?? spec.maxTimestamp);
  writeInt64(buf, 35, spec.maxTimestamp);
  writeInt64(buf, 43, -1);
  buf.writeInt16BE(-1, 51);
  buf.writeInt32BE(-1, 53);
  buf.writeInt32BE(spec.records, 57);
  const r = rng(spec.seed);
  for (let i = BATCH_HEADER_BYTES; i < buf.length; i++) buf[i] = (r() * 256) | 0;
  writeBatchCrc(buf, 0);
  return buf;
}

/** Splits concatenated whole batches into one buffer per batch. */
export function splitBatches(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let p = 0; p < data.length;) {
    const n = data.readInt32BE(p + 8) + 12;
    out.push(data.subarray(p, p + n));
    p += n;
  }
  return out;
}

/** Bytes of a batch without the fields the broker rewrites (baseOffset, partitionLeaderEpoch). */
export function batchIdentity(b: Buffer): string {
  return Buffer.concat([b.subarray(8, 12), b.subarray(16)]).toString('base64');
}

export function headerOf(b: Buffer) { return readBatchHeader(b, 0); }
