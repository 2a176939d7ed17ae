import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { fetchRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { readBatchHeader } from '../../src/protocol/records/batch-header.js';

const CONSUME_WAIT_MS_MAX = 20_000;
const deleteRecords = (topic: string, partitions: Array<[number, number]>) =>
  ({ topics: [{ name: topic, partitions: partitions.map(([partitionIndex, offset]) => ({ partitionIndex, offset })) }], timeoutMs: 5000 });

t.test('DeleteRecords against a real broker', async (t) => {
  const broker = await spawnBroker(t, { args: ['--group-initial-rebalance-delay-ms', '0'] });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer();
  await admin.connect();
  await producer.connect();
  t.teardown(async () => { await producer.disconnect(); await admin.disconnect(); });
  const raw = await RawClient.connect(t, broker.port);
  await admin.createTopics({ topics: [{ topic: 'trimmed', numPartitions: 2 }] });
  // Ten single-record batches in partition 0, three in partition 1.
  for (let i = 0; i < 10; i++) await producer.send({ topic: 'trimmed', messages: [{ value: `r${i}`, partition: 0 }] });
  for (let i = 0; i < 3; i++) await producer.send({ topic: 'trimmed', messages: [{ value: `q${i}`, partition: 1 }] });

  await t.test('kafkajs deleteTopicRecords moves the low watermark; a consumer starts there', async (t) => {
    // kafkajs looks the leader up in metadata it already holds: load the topic's first.
    t.same((await admin.fetchTopicOffsets('trimmed')).find((o) => o.partition === 0)!.low, '0');
    await admin.deleteTopicRecords({ topic: 'trimmed', partitions: [{ partition: 0, offset: '6' }] });
    const offsets = await admin.fetchTopicOffsets('trimmed');
    t.same(offsets.find((o) => o.partition === 0)!.low, '6');
    t.same(offsets.find((o) => o.partition === 1)!.low, '0', 'other partitions untouched');

    const consumer = kafka.consumer({ groupId: 'after-trim' });
    await consumer.connect();
    t.teardown(() => consumer.disconnect());
    await consumer.subscribe({ topic: 'trimmed', fromBeginning: true });
    const seen: string[] = [];
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    await consumer.run({ eachMessage: async ({ partition, message }) => {
      if (partition === 0) seen.push(`${message.offset}:${message.value!.toString()}`);
      if (seen.length === 4) done();
    } });
    await Promise.race([all, new Promise((r) => setTimeout(r, CONSUME_WAIT_MS_MAX))]);
    t.same(seen, ['6:r6', '7:r7', '8:r8', '9:r9'], 'fromBeginning starts at the new low watermark');
  });

  await t.test('a fetch below the low watermark is OFFSET_OUT_OF_RANGE and reports the log start', async (t) => {
    const res = await raw.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'trimmed', partition: 0, offset: 2 }]));
    const p = res.responses[0].partitions[0];
    t.equal(p.errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
    const ok = await raw.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'trimmed', partition: 0, offset: 6 }]));
    const q = ok.responses[0].partitions[0];
    t.equal(q.errorCode, ErrorCode.NONE);
    t.equal(Number(q.logStartOffset), 6);
    t.equal(readBatchHeader(q.records, 0).baseOffset, 6, 'the first batch served is the one at the low watermark');
  });

  await t.test('over the wire: -1 means the high watermark; beyond it is OFFSET_OUT_OF_RANGE; unknown partition', async (t) => {
    for (const v of [0, 1, 2]) {
      const res = await raw.request(ApiKey.DeleteRecords, v, deleteRecords('trimmed', [[1, 1]]));
      t.same([res.topics[0].partitions[0].errorCode, Number(res.topics[0].partitions[0].lowWatermark)], [ErrorCode.NONE, 1], `v${v}`);
    }
    const beyond = await raw.request(ApiKey.DeleteRecords, 2, deleteRecords('trimmed', [[1, 4]]));
    t.same([beyond.topics[0].partitions[0].errorCode, Number(beyond.topics[0].partitions[0].lowWatermark)], [ErrorCode.OFFSET_OUT_OF_RANGE, -1]);
    const below = await raw.request(ApiKey.DeleteRecords, 2, deleteRecords('trimmed', [[1, 0]]));
    t.same([below.topics[0].partitions[0].errorCode, Number(below.topics[0].partitions[0].lowWatermark)], [ErrorCode.NONE, 1], 'an offset below the log start changes nothing');
    const all = await raw.request(ApiKey.DeleteRecords, 2, deleteRecords('trimmed', [[1, -1]]));
    t.same([all.topics[0].partitions[0].errorCode, Number(all.topics[0].partitions[0].lowWatermark)], [ErrorCode.NONE, 3], '-1 = high watermark');
    const unknown = await raw.request(ApiKey.DeleteRecords, 2, deleteRecords('trimmed', [[5, 0]]));
    t.equal(unknown.topics[0].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const offsets = await admin.fetchTopicOffsets('trimmed');
    t.same([offsets.find((o) => o.partition === 1)!.low, offsets.find((o) => o.partition === 1)!.high], ['3', '3']);
  });

  await t.test('the low watermark survives a restart', async (t) => {
    await producer.disconnect();
    await admin.disconnect();
    raw.close();
    await broker.stop();
    const again = await spawnBroker(t, { dataDir: broker.dataDir });
    const admin2 = new Kafka({ brokers: [again.bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin2.connect();
    t.teardown(() => admin2.disconnect());
    const offsets = await admin2.fetchTopicOffsets('trimmed');
    t.same(offsets.map((o) => [o.partition, o.low, o.high]).sort(), [[0, '6', '10'], [1, '3', '3']]);
  });
});
