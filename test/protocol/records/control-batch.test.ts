import t from 'tap';
import { checkBatch, readBatchHeader, ATTR_CONTROL, ATTR_TRANSACTIONAL } from '../../../src/protocol/records/batch-header.js';
import { buildBatch, buildBatchUncompressed, decodeBatchRecords } from '../../../src/protocol/records/batch.js';
import { Compression } from '../../../src/protocol/records/batch-header.js';
import {
  controlBatch, controlKey, controlTypeOf, encodeControlBatch, readControlRecord, CONTROL_TYPE_RAFT_CONFIG, CONTROL_TYPE_RAFT_NOOP,
} from '../../../src/protocol/records/control-batch.js';
import { RecordDecodeError } from '../../../src/protocol/records/errors.js';

t.test('control record keys are [version int16 0][type int16] as Kafka lays them out', async (t) => {
  t.equal(controlKey('abort').toString('hex'), '00000000');
  t.equal(controlKey('commit').toString('hex'), '00000001');
  t.equal(controlKey('leader-change').toString('hex'), '00000002');
  t.equal(controlKey('voters').toString('hex'), '00000006');
});

t.test('transaction markers: control + transactional, producer fields, EndTxnMarker value', async (t) => {
  for (const type of ['abort', 'commit'] as const) {
    const batch = controlBatch(type, { producerId: 42, producerEpoch: 5, coordinatorEpoch: 17, baseOffset: 900, partitionLeaderEpoch: 3, timestamp: 1_700_000_000_000 });
    const check = checkBatch(batch, 0, 1 << 20);
    t.ok(check.ok);
    const h = readBatchHeader(batch);
    t.equal(h.attributes, ATTR_CONTROL | ATTR_TRANSACTIONAL);
    t.match(h, { baseOffset: 900, partitionLeaderEpoch: 3, producerId: 42, producerEpoch: 5, recordCount: 1, lastOffsetDelta: 0 });
    const [record] = await decodeBatchRecords(batch);
    t.equal(record!.offset, 900);
    t.equal(record!.timestamp, 1_700_000_000_000);
    t.equal(record!.value!.toString('hex'), '0000' + '00000011', 'EndTxnMarker: version 0, coordinatorEpoch 17');
    t.same(readControlRecord(record!), { version: 0, type: type === 'abort' ? 0 : 1, name: type, coordinatorEpoch: 17 });
  }
});

t.test('leader-change batches: control only, no producer, opaque value', async (t) => {
  const value = Buffer.from('raft: term 7, leader 2');
  const batch = controlBatch('leader-change', { value, baseOffset: 12, partitionLeaderEpoch: 7 });
  const h = readBatchHeader(batch);
  t.equal(h.attributes, ATTR_CONTROL);
  t.match(h, { producerId: -1, producerEpoch: -1, partitionLeaderEpoch: 7 });
  const [record] = await decodeBatchRecords(batch);
  t.ok(record!.value!.equals(value));
  t.match(readControlRecord(record!), { version: 0, type: 2, name: 'leader-change', coordinatorEpoch: null });
  const [empty] = await decodeBatchRecords(controlBatch('leader-change'));
  t.equal(empty!.value, null);
});

t.test('unknown types are reported by number; a short key is a RecordDecodeError', async (t) => {
  const unknown = { offset: 0, timestamp: 0, key: Buffer.from('00000005', 'hex'), value: null, headers: [] };
  t.same(readControlRecord(unknown), { version: 0, type: 5, name: null, coordinatorEpoch: null });
  t.throws(() => readControlRecord({ ...unknown, key: Buffer.from('00', 'hex') }), RecordDecodeError);
  t.throws(() => readControlRecord({ ...unknown, key: null }), RecordDecodeError);
});

t.test('encodeControlBatch: the Raft no-op and config entries as one-record control batches', async (t) => {
  for (const type of [CONTROL_TYPE_RAFT_NOOP, CONTROL_TYPE_RAFT_CONFIG]) {
    const value = type === CONTROL_TYPE_RAFT_NOOP ? null : Buffer.from('voters 1,2,3');
    const batch = encodeControlBatch({ type, value, baseOffset: 4_000_000_000, leaderEpoch: 9, timestampMs: 1_700_000_000_123 });
    const check = checkBatch(batch, 0, 1 << 20);
    t.ok(check.ok, 'magic 2 and a correct CRC-32C');
    const h = readBatchHeader(batch);
    t.equal(h.attributes, ATTR_CONTROL, 'control bit only: not transactional, uncompressed, CreateTime');
    t.match(h, { baseOffset: 4_000_000_000, partitionLeaderEpoch: 9, recordCount: 1, lastOffsetDelta: 0, producerId: -1, producerEpoch: -1, baseSequence: -1 });
    t.match(h, { baseTimestamp: 1_700_000_000_123, maxTimestamp: 1_700_000_000_123 });
    const [record] = await decodeBatchRecords(batch);
    t.equal(record!.key!.toString('hex'), '0000' + type.toString(16).padStart(4, '0'));
    t.same(record!.value, value);
    t.equal(controlTypeOf(batch), type);
  }
  t.throws(() => encodeControlBatch({ type: 1, value: null, baseOffset: 0, leaderEpoch: 1, timestampMs: 0 }), /not one the Raft layer writes/);
});

t.test('controlTypeOf: null for data batches, the type for any control batch, an error for unreadable ones', async (t) => {
  t.equal(controlTypeOf(buildBatchUncompressed([{ key: Buffer.from('00000002', 'hex'), value: null }])), null, 'a data record with a control-looking key is data');
  t.equal(controlTypeOf(await buildBatch([{ key: null, value: Buffer.from('x') }], { compression: Compression.Gzip })), null);
  t.equal(controlTypeOf(controlBatch('abort', { producerId: 1 })), 0);
  t.equal(controlTypeOf(controlBatch('commit', { producerId: 1 })), 1);
  const corrupt = controlBatch('leader-change');
  corrupt[corrupt.length - 1]! ^= 0xff;
  t.throws(() => controlTypeOf(corrupt), RecordDecodeError, 'bad CRC');
  t.throws(() => controlTypeOf(corrupt.subarray(0, 20)), RecordDecodeError, 'shorter than a header');
  const compressed = await buildBatch([{ key: controlKey('leader-change'), value: null }], { control: true, compression: Compression.Gzip });
  t.throws(() => controlTypeOf(compressed), /compressed control batch/);
  const shortKey = buildBatchUncompressed([{ key: Buffer.from('00', 'hex'), value: null }], { control: true });
  t.throws(() => controlTypeOf(shortKey), RecordDecodeError);
  const empty = buildBatchUncompressed([], { control: true, lastOffsetDelta: 0 });
  t.throws(() => controlTypeOf(empty), /without a record/);
});
