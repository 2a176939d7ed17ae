/**
 * confluent-kafka-python 1.7 (Debian, librdkafka 2.0.2) producer with acks 0, 1 and all, and with
 * enable.idempotence=True, then Consumer.assign() reading everything back: keys, values, headers,
 * timestamps and offsets. The client is test/interop/clients/ck_records.py.
 */
import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { ckConsume, ckProduce, platformaticFetchBatches, referenceRecords, show, type Rec } from '../helpers/client-records.js';

/** acks=0 deliveries carry no offset (librdkafka's OFFSET_INVALID, which Python shows as None). */
const OFFSET_INVALID = null;
const TOPIC = 'ck-acks';

t.test('confluent-kafka-python producer (acks 0/1/all, idempotent) and assign() consumer', async (t) => {
  if (!haveClient(t, 'python3-confluent-kafka')) return;
  const broker = await spawnBroker(t);
  const b = broker.bootstrap;
  const written: Rec[] = [];

  for (const [label, opts] of [
    ['acks=1', { acks: '1' }],
    ['acks=all', { acks: 'all' }],
    ['acks=0', { acks: '0' }],
    ['acks=all, enable.idempotence', { acks: 'all', idempotence: true }],
  ] as const) {
    await t.test(`produce with ${label}`, async (t) => {
      const records = referenceRecords(label, 1_700_000_000_000 + written.length * 10);
      const reports = await ckProduce(b, TOPIC, 0, records, opts);
      t.same(reports.map((r) => r.err), records.map(() => null), 'every record delivered');
      if (opts.acks === '0') t.same(reports.map((r) => r.o), records.map(() => OFFSET_INVALID), 'acks=0: no offsets (no response)');
      else t.same(reports.map((r) => r.o), records.map((_, i) => written.length + i), 'offsets follow the partition');
      t.same(reports.map((r) => r.ts), records.map((r) => r.timestamp), 'CreateTime timestamps as given');
      written.push(...records);
    });
  }

  await t.test('assign() from the beginning reads every record back', async (t) => {
    const read = await ckConsume(b, [{ topic: TOPIC, partition: 0, offset: 0, count: written.length }]);
    t.same(read.map((r) => r.offset), written.map((_, i) => i));
    t.same(read.map(show), written.map(show), 'keys, values, headers and timestamps byte for byte');
  });

  await t.test('assign() at an offset in the middle, on two topics at once', async (t) => {
    const other = referenceRecords('other');
    await ckProduce(b, 'ck-other', 0, other, { acks: 'all' });
    const read = await ckConsume(b, [
      { topic: TOPIC, partition: 0, offset: 10, count: 3 },
      { topic: 'ck-other', partition: 0, offset: 0, count: other.length },
    ]);
    t.same(read.filter((r) => r.topic === TOPIC).map((r) => [r.offset, show(r)]), written.slice(10, 13).map((r, i) => [10 + i, show(r)]));
    t.same(read.filter((r) => r.topic === 'ck-other').map(show), other.map(show));
  });

  await t.test('the idempotent batch carries a producer id and sequence 0', async (t) => {
    const batches = await platformaticFetchBatches(b, TOPIC, 0);
    const idem = batches.filter((x) => x.producerId >= 0);
    t.equal(idem.length, 1, 'one idempotent batch');
    t.equal(idem[0]!.firstOffset, 18, 'it is the last one written');
    t.equal(idem[0]!.firstSequence, 0);
    t.ok(batches.filter((x) => x.producerId < 0).length >= 3, 'the others carry no producer id');
  });
});
