import t from 'tap';
import { buildBatch, decodeBatchRecords } from '../../../src/protocol/records/batch.js';
import { ATTR_TIMESTAMP_LOG_APPEND, ATTR_TRANSACTIONAL, checkBatch, Compression, compressionOf, readBatchHeader } from '../../../src/protocol/records/batch-header.js';
import { controlBatch } from '../../../src/protocol/records/control-batch.js';
import { setLogAppendTime } from '../../../src/protocol/records/batch.js';
import { applyFilterToBatch } from '../../../src/tree/filter/apply.js';
import { compileFilter } from '../../../src/tree/filter/compile.js';
import { validateFilter, type EdgeFilter } from '../../../src/tree/filter/spec.js';
import { Rng } from '../../helpers/protocol-random.js';
import { randomFilter, randomRecord, referenceMatches } from '../../helpers/random-filters.js';

const CODECS = [Compression.None, Compression.Gzip, Compression.Snappy, Compression.Lz4, Compression.Zstd];
const BATCH_BYTES_MAX = 1 << 20;

function valid(spec: unknown): EdgeFilter {
  const v = validateFilter(spec);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return v.filter;
}

t.test('property: kept records are exactly the selected ones, projected, at their offsets; the range is kept', async (t) => {
  const rng = new Rng(0x5eed11);
  let kept = 0;
  let emptied = 0;
  let removedSome = 0;
  for (let round = 0; round < 300; round++) {
    const spec = randomFilter(rng);
    const filter = compileFilter(valid(spec));
    const count = rng.int(1, 12);
    // Gaps between input offsets too (an input that was already filtered upstream).
    let delta = 0;
    const inputs = Array.from({ length: count }, () => ({ ...randomRecord(rng), offsetDelta: (delta += rng.int(1, 3)) - 1 }));
    const lastOffsetDelta = delta - 1 + rng.int(0, 2);
    const compression = rng.pick(CODECS);
    const baseOffset = rng.int(0, 1_000_000);
    const input = await buildBatch(inputs, { baseOffset, compression, lastOffsetDelta, partitionLeaderEpoch: 7, producerId: 42, producerEpoch: 1, baseSequence: 9 });
    const out = await applyFilterToBatch(input, filter);

    t.match(checkBatch(out.batch, 0, BATCH_BYTES_MAX), { ok: true }, `round ${round}: a valid batch with a good CRC`);
    const inHeader = readBatchHeader(input);
    const outHeader = readBatchHeader(out.batch);
    const same = { baseOffset: outHeader.baseOffset, lastOffsetDelta: outHeader.lastOffsetDelta, partitionLeaderEpoch: outHeader.partitionLeaderEpoch, producerId: outHeader.producerId };
    t.same(same, { baseOffset, lastOffsetDelta, partitionLeaderEpoch: 7, producerId: 42 }, `round ${round}: same offset range and producer`);
    const decoded = await decodeBatchRecords(out.batch);
    const inputRecords = await decodeBatchRecords(input);
    const expected = inputRecords.filter((r) => referenceMatches(spec, r)).map((r) => filter.project(r));
    t.same(decoded.map((r) => ({ ...r, key: r.key && [...r.key], value: r.value && [...r.value] })),
      expected.map((r) => ({ ...r, key: r.key && [...r.key], value: r.value && [...r.value] })), `round ${round}: ${JSON.stringify(spec)}`);
    t.equal(out.recordsKept, expected.length);
    if (decoded.length > 0) t.equal(compressionOf(outHeader.attributes), compressionOf(inHeader.attributes), 'recompressed with the input codec');
    kept += decoded.length;
    if (decoded.length === 0) emptied++;
    else if (decoded.length < count) removedSome++;
  }
  // The generator exercises every outcome, or the property would hold vacuously.
  t.ok(kept > 0 && emptied > 0 && removedSome > 0, `kept ${kept} records; ${emptied} batches emptied, ${removedSome} thinned`);
});

t.test('an emptied batch keeps its offsets, timestamps and producer fields, holds no records and is uncompressed', async (t) => {
  const input = await buildBatch([
    { key: Buffer.from('us-1'), value: Buffer.from('a'), timestamp: 1000 },
    { key: Buffer.from('us-2'), value: Buffer.from('b'), timestamp: 1005 },
  ], { baseOffset: 500, compression: Compression.Zstd, lastOffsetDelta: 4, producerId: 3, producerEpoch: 2, baseSequence: 10, transactional: true });
  const { batch, recordsKept } = await applyFilterToBatch(input, compileFilter(valid({ key: { prefix: 'eu-' } })));
  t.equal(recordsKept, 0);
  t.match(checkBatch(batch, 0, BATCH_BYTES_MAX), { ok: true });
  const h = readBatchHeader(batch);
  t.match(h, { baseOffset: 500, lastOffsetDelta: 4, recordCount: 0, baseTimestamp: 1000, maxTimestamp: 1005, producerId: 3, producerEpoch: 2, baseSequence: 10 });
  t.ok((h.attributes & ATTR_TRANSACTIONAL) !== 0, 'still transactional (its commit marker still applies)');
  t.equal(compressionOf(h.attributes), Compression.None, 'no compression bit on an empty payload (librdkafka fails the fetch otherwise)');
  t.same(await decodeBatchRecords(batch), []);
});

t.test('a batch the filter keeps whole is passed through byte for byte; control batches are never filtered', async (t) => {
  const input = await buildBatch([{ key: Buffer.from('eu-1'), value: Buffer.from('x'), timestamp: 1 }], { baseOffset: 3, compression: Compression.Gzip });
  const trailing = Buffer.concat([input, Buffer.from([1, 2, 3])]);
  const out = await applyFilterToBatch(trailing, compileFilter(valid({ key: { prefix: 'eu-' } })));
  t.same([...out.batch], [...input]);
  const control = controlBatch('commit', { baseOffset: 9, producerId: 1, producerEpoch: 0, timestamp: 5 });
  const outControl = await applyFilterToBatch(control, compileFilter(valid({ key: { equals: 'never' } })));
  t.same([...outControl.batch], [...control]);
});

t.test('a LogAppendTime batch stays LogAppendTime with the same append time', async (t) => {
  const input = await buildBatch([
    { key: Buffer.from('eu-1'), value: null, timestamp: 1 },
    { key: Buffer.from('us-1'), value: null, timestamp: 2 },
  ], { baseOffset: 0 });
  setLogAppendTime(input, 99_999);
  const { batch } = await applyFilterToBatch(input, compileFilter(valid({ key: { prefix: 'eu' } })));
  t.ok((readBatchHeader(batch).attributes & ATTR_TIMESTAMP_LOG_APPEND) !== 0);
  t.same((await decodeBatchRecords(batch)).map((r) => [r.offset, r.timestamp]), [[0, 99_999]]);
});

t.test('a corrupt batch is refused with RecordDecodeError, not filtered', async (t) => {
  const input = await buildBatch([{ key: Buffer.from('eu-1'), value: Buffer.from('x'), timestamp: 1 }]);
  input[input.length - 1]! ^= 0xff;
  await t.rejects(applyFilterToBatch(input, compileFilter(valid({ key: { prefix: 'us' } }))), { name: 'RecordDecodeError' });
});
