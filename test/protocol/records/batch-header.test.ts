import t from 'tap';
import { buildBatchUncompressed } from '../../../src/protocol/records/batch.js';
import { crc32c } from '@node-rs/crc32';
import { checkBatch, patchBaseOffsetAndEpoch, readBatchHeader, writeBatchCrc, BATCH_HEADER_BYTES, OFFSET_BASE_TIMESTAMP, OFFSET_MAX_TIMESTAMP, OFFSET_PRODUCER_ID } from '../../../src/protocol/records/batch-header.js';

/** A minimal valid batch: header plus `payload` bytes standing in for records. */
function makeBatch(payload: Buffer): Buffer {
  const buf = Buffer.alloc(BATCH_HEADER_BYTES + payload.length);
  buf.writeInt32BE(buf.length - 12, 8);
  buf.writeInt8(2, 16);
  buf.writeInt32BE(2, 23); // lastOffsetDelta
  buf.writeInt32BE(3, 57); // recordCount
  payload.copy(buf, BATCH_HEADER_BYTES);
  writeBatchCrc(buf, 0);
  return buf;
}

t.test('a well-formed batch passes and its CRC is CRC-32C over attributes..end', async (t) => {
  const b = makeBatch(Buffer.from('hello records'));
  const r = checkBatch(b, 0, 1 << 20);
  t.ok(r.ok);
  t.equal(b.readUInt32BE(17), crc32c(b.subarray(21)) >>> 0);
  // crc32c("123456789") is the standard check value 0xE3069283.
  t.equal(crc32c(Buffer.from('123456789')) >>> 0, 0xe3069283);
});

t.test('patching offset and epoch keeps the CRC valid', async (t) => {
  const b = makeBatch(Buffer.from('x'));
  patchBaseOffsetAndEpoch(b, 0, 123456789012, 7);
  const h = readBatchHeader(b, 0);
  t.equal(h.baseOffset, 123456789012);
  t.equal(h.partitionLeaderEpoch, 7);
  t.ok(checkBatch(b, 0, 1 << 20).ok);
});

t.test('damaged batches are reported with a reason, never thrown', async (t) => {
  const b = makeBatch(Buffer.from('payload'));
  const flipped = Buffer.from(b); flipped[BATCH_HEADER_BYTES + 1] ^= 0x40;
  t.match(checkBatch(flipped, 0, 1 << 20), { ok: false, reason: 'bad-crc' });
  t.match(checkBatch(b.subarray(0, b.length - 1), 0, 1 << 20), { ok: false, reason: 'truncated' });
  t.match(checkBatch(b.subarray(0, 10), 0, 1 << 20), { ok: false, reason: 'truncated' });
  t.match(checkBatch(b, 0, 20), { ok: false, reason: 'too-large' });
  const magic = Buffer.from(b); magic.writeInt8(1, 16);
  t.match(checkBatch(magic, 0, 1 << 20), { ok: false, reason: 'bad-magic' });
  const len = Buffer.from(b); len.writeInt32BE(3, 8);
  t.match(checkBatch(len, 0, 1 << 20), { ok: false, reason: 'bad-length' });
});

t.test('int64 header fields outside the safe integer range are a reason, not a throw', async (t) => {
  const at = (offset: number, reason: string, field: string) => {
    const batch = buildBatchUncompressed([{ key: null, value: Buffer.from('v') }]);
    batch.writeBigInt64BE(1n << 60n, offset);
    writeBatchCrc(batch, 0);
    const r = checkBatch(batch, 0, 1 << 20);
    t.same(r.ok ? null : [r.reason, r.detail], [reason, `${field} is outside the safe integer range`], field);
  };
  at(OFFSET_BASE_TIMESTAMP, 'bad-timestamp', 'baseTimestamp');
  at(OFFSET_MAX_TIMESTAMP, 'bad-timestamp', 'maxTimestamp');
  at(OFFSET_PRODUCER_ID, 'bad-field', 'producerId');
});
