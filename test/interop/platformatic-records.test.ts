/**
 * @platformatic/kafka 1.35 producer and group-less fetch against the real broker. It uses only
 * flexible versions (PROTOCOL.md Profile B: Produce v9+, Fetch v12+ by topic id, Metadata v12,
 * ListOffsets v6+, InitProducerId v4+): acks 0/1/all, idempotent produce, gzip, then
 * Consumer.fetch and Consumer.listOffsets without joining a group.
 */
import t from 'tap';
import { Consumer, Producer } from '@platformatic/kafka';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { platformaticFetch, platformaticFetchBatches, platformaticProduce, referenceRecords, show, type Rec } from '../helpers/client-records.js';

t.test('platformatic producer and fetch', async (t) => {
  const broker = await spawnBroker(t);
  const b = broker.bootstrap;
  const topic = 'plt-records';
  const written: Rec[] = [];

  for (const acks of [1, -1, 0]) {
    await t.test(`send with acks=${acks}`, async (t) => {
      const records = referenceRecords(`acks${acks}`, 1_700_000_000_000 + written.length * 10);
      const offsets = await platformaticProduce(b, topic, 0, records, acks);
      // acks=0 gets no response, so platformatic has no offset to report.
      t.same(offsets, acks === 0 ? [] : [{ partition: 0, offset: written.length }], 'base offset of the batch');
      written.push(...records);
    });
  }

  await t.test('idempotent and gzip sends', async (t) => {
    const producer = new Producer({ clientId: 'plt-idem', bootstrapBrokers: [b], idempotent: true, acks: -1 });
    t.teardown(() => producer.close());
    for (const compression of ['none', 'gzip'] as const) {
      const records = referenceRecords(`idem-${compression}`, 1_700_000_000_000 + written.length * 10);
      const res = await producer.send({
        compression,
        messages: records.map((r) => ({ topic, partition: 0, key: r.key ?? undefined, value: r.value ?? undefined, headers: new Map(r.headers.map(([n, v]) => [Buffer.from(n), v])), timestamp: BigInt(r.timestamp) })),
      });
      t.same(res.offsets?.map((o) => Number(o.offset)), [written.length], `${compression}: base offset`);
      written.push(...records);
    }
    const batches = await platformaticFetchBatches(b, topic, 0);
    const idem = batches.filter((x) => x.producerId >= 0);
    t.same(idem.map((x) => [x.firstOffset, x.firstSequence, x.attributes & 7]), [[written.length - 12, 0, 0], [written.length - 6, 6, 1]], 'sequences 0 and 6, none then gzip');
  });

  await t.test('Consumer.fetch reads every record back byte for byte', async (t) => {
    const read = await platformaticFetch(b, [{ topic, partition: 0, offset: 0, count: written.length }]);
    t.same(read.map((r) => r.offset), written.map((_, i) => i));
    t.same(read.map(show), written.map(show));
    const mid = await platformaticFetch(b, [{ topic, partition: 0, offset: 9, count: 3 }]);
    t.same(mid.map((r) => [r.offset, show(r)]), written.slice(9, 12).map((r, i) => [9 + i, show(r)]), 'from an offset inside a batch');
  });

  await t.test('Consumer.listOffsets: latest and by timestamp', async (t) => {
    const consumer = new Consumer({ clientId: 'plt-lo', groupId: 'plt-unused', bootstrapBrokers: [b] });
    t.teardown(() => consumer.close(true));
    const latest = await consumer.listOffsets({ topics: [topic] });
    t.same(latest.get(topic)!.map(Number), [written.length]);
    const at = await consumer.listOffsets({ topics: [topic], timestamp: BigInt(written[7]!.timestamp) });
    t.same(at.get(topic)!.map(Number), [7], 'first record at or after the timestamp');
  });
});
