import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';

/** kafkajs 2.2.4 admin calls that this broker's core APIs serve (Metadata, ListOffsets). */
t.test('kafkajs admin: listTopics, fetchTopicMetadata, fetchTopicOffsets, fetchTopicOffsetsByTimestamp', async (t) => {
  const broker = await spawnBroker(t, { args: ['--default-partitions', '2'] });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  const admin = kafka.admin();
  await producer.connect();
  await admin.connect();
  t.teardown(async () => {
    await producer.disconnect();
    await admin.disconnect();
  });

  // Timestamps chosen so that lookups fall inside batches: exact record offsets are expected.
  await producer.send({ topic: 'times', messages: [
    { value: 'a', partition: 0, timestamp: '1000' },
    { value: 'b', partition: 0, timestamp: '2000' },
    { value: 'c', partition: 0, timestamp: '3000' },
  ] });
  await producer.send({ topic: 'times', messages: [{ value: 'd', partition: 0, timestamp: '4000' }] });

  const topics = await admin.listTopics();
  t.ok(topics.includes('times'));
  const meta = await admin.fetchTopicMetadata({ topics: ['times'] });
  t.same(meta.topics[0]!.partitions.map((p) => [p.partitionId, p.leader, p.partitionErrorCode]).sort(), [[0, 0, 0], [1, 0, 0]]);

  const offsets = await admin.fetchTopicOffsets('times');
  t.same(offsets.map((o) => [o.partition, o.low, o.high, o.offset]).sort(), [[0, '0', '4', '4'], [1, '0', '0', '0']]);

  const at2000 = await admin.fetchTopicOffsetsByTimestamp('times', 2000);
  t.same(at2000.find((o) => o.partition === 0)?.offset, '1', 'first record with timestamp >= 2000 is offset 1 (inside the first batch)');
  const at2500 = await admin.fetchTopicOffsetsByTimestamp('times', 2500);
  t.same(at2500.find((o) => o.partition === 0)?.offset, '2');
  const at4000 = await admin.fetchTopicOffsetsByTimestamp('times', 4000);
  t.same(at4000.find((o) => o.partition === 0)?.offset, '3', 'second batch');
  const after = await admin.fetchTopicOffsetsByTimestamp('times', 9999);
  t.same(after.find((o) => o.partition === 0)?.offset, '4', 'none found: kafkajs maps -1 to the high watermark');
});
