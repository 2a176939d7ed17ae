import t from 'tap';
import { createRequire } from 'node:module';
import { buildBatch, decodeBatchRecords, setLogAppendTime } from '../../../src/protocol/records/batch.js';
import { checkBatch, Compression, readBatchHeader, writeBatchCrc, ATTR_CONTROL, ATTR_TIMESTAMP_LOG_APPEND, ATTR_TRANSACTIONAL, BATCH_HEADER_BYTES } from '../../../src/protocol/records/batch-header.js';
import { RecordDecodeError } from '../../../src/protocol/records/errors.js';
import type { RecordInput } from '../../../src/protocol/records/record.js';
import { jsonish, randomBytes, rng, MiB } from '../compression/fixtures/sample-data.js';

const ALL = [Compression.None, Compression.Gzip, Compression.Snappy, Compression.Lz4, Compression.Zstd];
const BATCH_BYTES_MAX = 16 * MiB;
const T0 = 1_700_000_000_000;

function sampleRecords(seed: number, count: number, valueBytes = 200): RecordInput[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    key: r() < 0.2 ? null : Buffer.from(`key-${i}`),
    value: r() < 0.1 ? null : jsonish(r, Math.floor(r() * valueBytes)),
    headers: r() < 0.5 ? [] : [{ key: 'trace', value: randomBytes(r, 8) }, { key: 'empty', value: null }],
    timestamp: T0 + Math.floor((r() - 0.3) * 10_000),
  }));
}

t.test('buildBatch → checkBatch → decodeBatchRecords returns the input, for every compression', async (t) => {
  const records = sampleRecords(1, 500);
  for (const compression of ALL) {
    const batch = await buildBatch(records, { baseOffset: 4242, compression, producerId: 77, producerEpoch: 3, baseSequence: 10, partitionLeaderEpoch: 9 });
    const check = checkBatch(batch, 0, BATCH_BYTES_MAX);
    t.ok(check.ok, `codec ${compression} passes checkBatch`);
    if (!check.ok) continue;
    const h = check.header;
    t.equal(check.totalBytes, batch.length);
    t.match(h, { baseOffset: 4242, partitionLeaderEpoch: 9, magic: 2, lastOffsetDelta: 499, recordCount: 500, producerId: 77, producerEpoch: 3, baseSequence: 10 });
    t.equal(h.attributes, compression, 'attributes carry only the codec');
    t.equal(h.baseTimestamp, records[0]!.timestamp, 'baseTimestamp is the first record');
    t.equal(h.maxTimestamp, Math.max(...records.map((r) => r.timestamp!)));
    const decoded = await decodeBatchRecords(batch);
    t.same(
      decoded,
      records.map((r, i) => ({ offset: 4242 + i, timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers })),
      `codec ${compression} round trip`,
    );
  }
});

t.test('defaults: no producer (-1), offset 0, epoch -1, current time', async (t) => {
  const before = Date.now();
  const batch = await buildBatch([{ key: null, value: Buffer.from('v') }]);
  const h = readBatchHeader(batch);
  t.match(h, { baseOffset: 0, partitionLeaderEpoch: -1, producerId: -1, producerEpoch: -1, baseSequence: -1, lastOffsetDelta: 0, recordCount: 1 });
  t.ok(h.baseTimestamp >= before && h.baseTimestamp <= Date.now());
  const flags = readBatchHeader(await buildBatch([{ key: null, value: null }], { control: true, transactional: true })).attributes;
  t.equal(flags, ATTR_CONTROL | ATTR_TRANSACTIONAL);
});

t.test('explicit offset deltas and lastOffsetDelta keep a filtered batch\'s offsets and range', async (t) => {
  const kept = [0, 3, 7].map((offsetDelta) => ({ key: null, value: Buffer.from(`r${offsetDelta}`), timestamp: T0 + offsetDelta, offsetDelta }));
  for (const compression of [Compression.None, Compression.Snappy]) {
    const batch = await buildBatch(kept, { baseOffset: 50, lastOffsetDelta: 9, compression });
    t.ok(checkBatch(batch, 0, BATCH_BYTES_MAX).ok);
    t.match(readBatchHeader(batch), { recordCount: 3, lastOffsetDelta: 9 });
    t.same((await decodeBatchRecords(batch)).map((r) => r.offset), [50, 53, 57]);
  }
  // Nothing left: an empty batch still covers its offset range.
  const empty = await buildBatch([], { baseOffset: 60, lastOffsetDelta: 4 });
  t.match(readBatchHeader(empty), { recordCount: 0, lastOffsetDelta: 4, baseOffset: 60 });
  t.same(await decodeBatchRecords(empty), []);
  for (const compression of ALL) {
    const emptied = await buildBatch([], { baseOffset: 60, lastOffsetDelta: 4, compression });
    t.equal(emptied.length, BATCH_HEADER_BYTES, `codec ${compression}: an empty batch is a bare header`);
    t.same(await decodeBatchRecords(emptied), [], `codec ${compression}: and decodes to no records`);
  }
  await t.rejects(buildBatch([], {}), /explicit lastOffsetDelta/);
  await t.rejects(buildBatch([{ key: null, value: null, offsetDelta: 2 }, { key: null, value: null, offsetDelta: 2 }]), /increase/);
  await t.rejects(buildBatch([{ key: null, value: null, offsetDelta: 5 }], { lastOffsetDelta: 4 }), /below/);
});

t.test('setLogAppendTime marks the batch, keeps the CRC valid, and every record reads the append time', async (t) => {
  for (const compression of [Compression.None, Compression.Zstd]) {
    const batch = await buildBatch(sampleRecords(2, 20), { compression, baseOffset: 100 });
    const payloadBefore = Buffer.from(batch.subarray(BATCH_HEADER_BYTES));
    setLogAppendTime(batch, T0 + 99_999);
    t.ok(checkBatch(batch, 0, BATCH_BYTES_MAX).ok, 'CRC still valid');
    const h = readBatchHeader(batch);
    t.equal(h.attributes, compression | ATTR_TIMESTAMP_LOG_APPEND);
    t.equal(h.maxTimestamp, T0 + 99_999);
    t.equal(h.baseTimestamp, T0 + 99_999);
    t.ok(batch.subarray(BATCH_HEADER_BYTES).equals(payloadBefore), 'records untouched (no recompression)');
    const decoded = await decodeBatchRecords(batch);
    t.ok(decoded.every((r) => r.timestamp === T0 + 99_999));
    t.same(decoded.map((r) => r.offset), Array.from({ length: 20 }, (_, i) => 100 + i));
  }
  // In place at an offset inside a larger buffer.
  const a = await buildBatch([{ key: null, value: Buffer.from('a'), timestamp: T0 }]);
  const b = await buildBatch([{ key: null, value: Buffer.from('b'), timestamp: T0 }]);
  const both = Buffer.concat([a, b]);
  setLogAppendTime(both, T0 + 1, a.length);
  t.ok(checkBatch(both, 0, BATCH_BYTES_MAX).ok && checkBatch(both, a.length, BATCH_BYTES_MAX).ok);
  t.equal(readBatchHeader(both, 0).attributes & ATTR_TIMESTAMP_LOG_APPEND, 0, 'the first batch is untouched');
});

/** Rewrites the CRC after tampering, so the error comes from the layer under test. */
function tamper(batch: Buffer, edit: (b: Buffer) => void): Buffer {
  const b = Buffer.from(batch);
  edit(b);
  writeBatchCrc(b, 0);
  return b;
}

t.test('bad batches give RecordDecodeError with a reason', async (t) => {
  const records = sampleRecords(3, 50);
  const plain = await buildBatch(records);
  const lz4 = await buildBatch(records, { compression: Compression.Lz4 });
  const reason = async (batch: Buffer, options = {}) => {
    const err = await decodeBatchRecords(batch, options).catch((e: unknown) => e);
    if (!(err instanceof RecordDecodeError)) throw new Error(`expected RecordDecodeError, got ${String(err)}`);
    return err.reason;
  };
  t.equal(await reason(plain.subarray(0, 40)), 'truncated');
  t.equal(await reason(plain.subarray(0, plain.length - 1)), 'truncated');
  const flipped = Buffer.from(plain);
  flipped[100] ^= 1;
  t.equal(await reason(flipped), 'bad-crc');
  t.equal(await reason(tamper(plain, (b) => b.writeInt8(1, 16))), 'bad-magic');
  t.equal(await reason(tamper(plain, (b) => b.writeInt32BE(10, 8))), 'bad-length');
  t.equal(await reason(tamper(lz4, (b) => (b[BATCH_HEADER_BYTES] ^= 0xff))), 'compression-corrupt', 'lz4 frame magic');
  t.equal(await reason(tamper(lz4, (b) => b.writeInt16BE(6, 21))), 'unsupported-compression');
  t.equal(await reason(lz4, { decompressedBytesMax: 1000 }), 'too-large');
  t.equal(await reason(tamper(plain, (b) => b.writeInt32BE(51, 57))), 'truncated', 'one record more than present');
  t.equal(await reason(tamper(plain, (b) => b.writeInt32BE(49, 57))), 'trailing-bytes', 'one record fewer than present');
  t.equal(await reason(tamper(plain, (b) => b.writeInt32BE(0x7fffffff, 57))), 'bad-record', 'absurd record count');
  t.equal(await reason(tamper(plain, (b) => b.writeInt32BE(0x7fffffff, 35))), 'bad-record', 'timestamp beyond 2^53');
  // Skipping the CRC check is allowed for bytes checkBatch has just passed.
  const wrongCrc = Buffer.from(plain);
  wrongCrc.writeUInt32BE((wrongCrc.readUInt32BE(17) + 1) >>> 0, 17);
  t.equal(await reason(wrongCrc), 'bad-crc');
  t.equal((await decodeBatchRecords(wrongCrc, { verifyCrc: false })).length, 50);
});

t.test('random corruption of a batch (CRC fixed up) only ever yields RecordDecodeError', async (t) => {
  const r = rng(4);
  let other = 0;
  let rejected = 0;
  for (const compression of ALL) {
    const batch = await buildBatch(sampleRecords(5, 30, 100), { compression });
    for (let i = 0; i < 150; i++) {
      const bad = tamper(batch, (b) => {
        for (let k = 0; k < 3; k++) b[BATCH_HEADER_BYTES - 8 + Math.floor(r() * (b.length - BATCH_HEADER_BYTES + 8))] = Math.floor(r() * 256);
      });
      try {
        await decodeBatchRecords(bad);
      } catch (error) {
        rejected++;
        if (!(error instanceof RecordDecodeError)) {
          other++;
          t.comment(String(error));
        }
      }
    }
  }
  t.equal(other, 0, 'no other error type');
  t.ok(rejected > 100, `${rejected} corruptions detected`);
});

t.test('kafkajs (an independent implementation) reads our batches and we read its batches', async (t) => {
  const require = createRequire(import.meta.url);
  const KafkaDecoder = require('kafkajs/src/protocol/decoder');
  const decodeKafkajsBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder');
  const KafkajsBatch = require('kafkajs/src/protocol/recordBatch/v0').RecordBatch;
  const KafkajsRecord = require('kafkajs/src/protocol/recordBatch/record/v0');
  const records = sampleRecords(6, 40).map((r) => ({ ...r, key: r.key ?? Buffer.from('k'), headers: r.headers!.filter((h) => h.value !== null) }));
  for (const compression of [Compression.None, Compression.Gzip]) {
    const ours = await buildBatch(records, { baseOffset: 500, compression });
    const theirs = await decodeKafkajsBatch(new KafkaDecoder(ours));
    t.equal(theirs.firstOffset, '500');
    t.equal(theirs.records.length, records.length);
    t.same(
      theirs.records.map((r: { offset: string; timestamp: string; key: Buffer; value: Buffer | null }) => [r.offset, r.timestamp, r.key, r.value]),
      records.map((r, i) => [String(500 + i), String(r.timestamp), r.key, r.value]),
      `kafkajs decodes our codec ${compression} batch`,
    );
    const baseTimestamp = records[0]!.timestamp!;
    const encoded = await KafkajsBatch({
      compression,
      firstOffset: '7',
      firstTimestamp: baseTimestamp,
      maxTimestamp: Math.max(...records.map((r) => r.timestamp!)),
      lastOffsetDelta: records.length - 1,
      records: records.map((r, i) => KafkajsRecord({ offsetDelta: i, timestampDelta: r.timestamp! - baseTimestamp, key: r.key, value: r.value, headers: Object.fromEntries(r.headers!.map((h) => [h.key, h.value])) })),
    });
    const batch: Buffer = encoded.buffer;
    t.ok(checkBatch(batch, 0, BATCH_BYTES_MAX).ok, 'kafkajs batch passes checkBatch');
    const decoded = await decodeBatchRecords(batch);
    t.same(decoded.map((r) => [r.offset, r.timestamp, r.key, r.value, r.headers]), records.map((r, i) => [7 + i, r.timestamp, r.key, r.value, r.headers]), `we decode kafkajs codec ${compression}`);
  }
});
