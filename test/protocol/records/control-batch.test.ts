import t from 'tap';
import { decodeBatchRecords } from '../../../src/protocol/records/batch.js';
import { checkBatch, readBatchHeader, ATTR_CONTROL, ATTR_TRANSACTIONAL } from '../../../src/protocol/records/batch-header.js';
import { controlBatch, controlKey, readControlRecord } from '../../../src/protocol/records/control-batch.js';
import { RecordDecodeError } from '../../../src/protocol/records/errors.js';

t.test('control record keys are [version int16 0][type int16] as Kafka lays them out', async (t) => {
  t.equal(controlKey('abort').toString('hex'), '00000000');
  t.equal(controlKey('commit').toString('hex'), '00000001');
  t.equal(controlKey('leader-change').toString('hex'), '00000002');
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
  const unknown = { offset: 0, timestamp: 0, key: Buffer.from('00000006', 'hex'), value: null, headers: [] };
  t.same(readControlRecord(unknown), { version: 0, type: 6, name: null, coordinatorEpoch: null });
  t.throws(() => readControlRecord({ ...unknown, key: Buffer.from('00', 'hex') }), RecordDecodeError);
  t.throws(() => readControlRecord({ ...unknown, key: null }), RecordDecodeError);
});
