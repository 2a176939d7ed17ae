import t from 'tap';
import { buildBatch, buildBatchUncompressed } from '../../../src/protocol/records/batch.js';
import { Compression, readBatchHeader } from '../../../src/protocol/records/batch-header.js';
import { RECORD_ERRORS_MAX, validateBatchRecords, type BatchVerdict, type ValidateBatchOptions } from '../../../src/protocol/records/validate-batch.js';
import { RECORDS_PER_TURN } from '../../../src/protocol/records/work-budget.js';
import { oddBatch, recordsSection } from '../../helpers/odd-batches.js';

const NOW = 1_800_000_000_000;
const OPTIONS: ValidateBatchOptions = {
  nowMs: NOW, logAppendTime: false, timestampBeforeMaxMs: Number.POSITIVE_INFINITY, timestampAfterMaxMs: 3_600_000,
  decompressedBytesMax: 1 << 20, recordsMax: 1_000_000,
};

async function verdict(batch: Buffer, options: Partial<ValidateBatchOptions> = {}): Promise<BatchVerdict> {
  return validateBatchRecords(batch, readBatchHeader(batch, 0), { ...OPTIONS, ...options });
}

const rec = (value: string, timestamp: number) => ({ key: null, value: Buffer.from(value), timestamp });

t.test('a well-formed batch passes; maxTimestamp and its offset delta come from the records', async (t) => {
  const batch = buildBatchUncompressed([rec('a', NOW - 5), rec('b', NOW - 1), rec('c', NOW - 3)]);
  const sync = validateBatchRecords(batch, readBatchHeader(batch, 0), OPTIONS);
  t.notOk(sync instanceof Promise, 'an uncompressed batch of one turn is validated synchronously');
  t.same(sync, { ok: true, maxTimestamp: NOW - 1, offsetDeltaOfMaxTimestamp: 1 });
  t.same(await verdict(await buildBatch([rec('a', NOW - 5), rec('b', NOW - 1)], { compression: Compression.Lz4 })), { ok: true, maxTimestamp: NOW - 1, offsetDeltaOfMaxTimestamp: 1 });
});

t.test('headers are walked: a null header key is INVALID_RECORD', async (t) => {
  const good = buildBatchUncompressed([{ key: null, value: Buffer.from('v'), headers: [{ key: 'h', value: Buffer.from('x') }], timestamp: NOW }]);
  t.equal((await verdict(good)).ok, true);
  // The header key length is the byte before the key 'h' (0x68): zig-zag 2 → -1 is zig-zag 1.
  const section = good.subarray(61);
  const at = section.indexOf(0x68) - 1;
  t.equal(section[at], 2);
  const bad = Buffer.from(good);
  bad[61 + at] = 1;
  const v = await verdict(oddBatch(bad.subarray(61), { baseTimestamp: NOW, maxTimestamp: NOW, recordCount: 1, lastOffsetDelta: 0 }));
  t.same(v.ok ? null : [v.problem, v.recordErrors.map((e) => e.batchIndex)], ['invalid-record', [0]]);
});

t.test('timestamps: -1 is "none"; below -1 and out of the bounds are invalid-timestamp; LogAppendTime skips them', async (t) => {
  const none = oddBatch(recordsSection([{ value: 'x', offsetDelta: 0 }]), { baseTimestamp: -1, maxTimestamp: -1, recordCount: 1, lastOffsetDelta: 0 });
  t.same(await verdict(none), { ok: true, maxTimestamp: -1, offsetDeltaOfMaxTimestamp: -1 }, 'no record has a timestamp (Kafka: offset -1)');
  const negative = oddBatch(recordsSection([{ value: 'x', offsetDelta: 0 }]), { baseTimestamp: -5, maxTimestamp: -5, recordCount: 1, lastOffsetDelta: 0 });
  const v = await verdict(negative);
  t.same(v.ok ? null : [v.problem, v.recordErrors[0]!.message], ['invalid-timestamp', 'timestamp -5 is negative']);
  const early = buildBatchUncompressed([rec('old', NOW - 10_000)]);
  t.equal((await verdict(early, { timestampBeforeMaxMs: 1000 })).ok, false);
  t.equal((await verdict(early, { timestampBeforeMaxMs: 1000, logAppendTime: true })).ok, true);
  t.same(await verdict(early, { logAppendTime: true }), { ok: true, maxTimestamp: NOW, offsetDeltaOfMaxTimestamp: 0 });
});

t.test('record errors are capped at RECORD_ERRORS_MAX, the count is in the message', async (t) => {
  const many = buildBatchUncompressed(Array.from({ length: RECORD_ERRORS_MAX + 50 }, (_, i) => rec(`v${i}`, NOW + 7_200_000)));
  const v = await verdict(many);
  t.equal(v.ok, false);
  if (v.ok) return;
  t.equal(v.recordErrors.length, RECORD_ERRORS_MAX);
  t.match(v.message, new RegExp(`^${RECORD_ERRORS_MAX + 50} record\\(s\\)`));
});

t.test('limits: recordsMax and decompressedBytesMax are too-large; corrupt payloads are corrupt', async (t) => {
  const batch = buildBatchUncompressed([rec('a', NOW), rec('b', NOW)]);
  t.same(((await verdict(batch, { recordsMax: 1 })) as { problem: string }).problem, 'too-large');
  const big = await buildBatch([rec('z'.repeat(4096), NOW)], { compression: Compression.Gzip });
  t.same(((await verdict(big, { decompressedBytesMax: 1024 })) as { problem: string }).problem, 'too-large');
  const garbage = oddBatch(Buffer.from('not snappy at all'), { baseTimestamp: NOW, maxTimestamp: NOW, recordCount: 1, lastOffsetDelta: 0, compression: Compression.Snappy });
  t.same(((await verdict(garbage)) as { problem: string }).problem, 'corrupt');
});

t.test('a batch of more than one turn of records is validated across turns, with the same verdict', async (t) => {
  const count = RECORDS_PER_TURN + 10;
  const records = Array.from({ length: count }, (_, i) => ({ value: '', offsetDelta: i, timestampDelta: i === count - 1 ? 5 : 0 }));
  const batch = oddBatch(recordsSection(records), { baseTimestamp: NOW, maxTimestamp: NOW, recordCount: count, lastOffsetDelta: count - 1 });
  const pending = validateBatchRecords(batch, readBatchHeader(batch, 0), OPTIONS);
  t.ok(pending instanceof Promise, 'yields between turns');
  t.same(await pending, { ok: true, maxTimestamp: NOW + 5, offsetDeltaOfMaxTimestamp: count - 1 });
});
