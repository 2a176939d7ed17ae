import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { metadataRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

const grow = (name: string, count: number, validateOnly = false, assignments: Array<{ brokerIds: number[] }> | null = null) =>
  ({ topics: [{ name, count, assignments }], timeoutMs: 5000, validateOnly });

t.test('CreatePartitions against a real broker', async (t) => {
  const broker = await spawnBroker(t);
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer();
  await admin.connect();
  await producer.connect();
  t.teardown(async () => { await producer.disconnect(); await admin.disconnect(); });
  const raw = await RawClient.connect(t, broker.port);
  const count = async (name: string): Promise<number> => (await raw.request(ApiKey.Metadata, 9, metadataRequest([name], false))).topics[0].partitions.length;
  await admin.createTopics({ topics: [{ topic: 'grows', numPartitions: 1 }] });

  await t.test('kafkajs: createPartitions grows the topic; new partitions take records', async (t) => {
    await admin.createPartitions({ topicPartitions: [{ topic: 'grows', count: 3 }] });
    t.equal(await count('grows'), 3);
    await producer.send({ topic: 'grows', messages: [{ value: 'p2', partition: 2 }] });
    const offsets = await admin.fetchTopicOffsets('grows');
    t.same(offsets.map((o) => [o.partition, o.high]).sort(), [[0, '0'], [1, '0'], [2, '1']]);
  });

  await t.test('the same or a smaller count is INVALID_PARTITIONS with a message', async (t) => {
    const same = await raw.request(ApiKey.CreatePartitions, 1, grow('grows', 3));
    t.equal(same.results[0].errorCode, ErrorCode.INVALID_PARTITIONS);
    t.match(same.results[0].errorMessage, /has 3 partitions.*must be larger/);
    const smaller = await raw.request(ApiKey.CreatePartitions, 3, grow('grows', 2));
    t.equal(smaller.results[0].errorCode, ErrorCode.INVALID_PARTITIONS);
    const kjs = await admin.createPartitions({ topicPartitions: [{ topic: 'grows', count: 1 }] }).catch((e: any) => e);
    t.equal(kjs?.type, 'INVALID_PARTITIONS', 'kafkajs sees the error');
    t.equal(await count('grows'), 3);
  });

  await t.test('validate_only checks and changes nothing', async (t) => {
    const res = await raw.request(ApiKey.CreatePartitions, 2, grow('grows', 6, true));
    t.equal(res.results[0].errorCode, ErrorCode.NONE);
    t.equal(await count('grows'), 3);
    const bad = await raw.request(ApiKey.CreatePartitions, 2, grow('grows', 1, true));
    t.equal(bad.results[0].errorCode, ErrorCode.INVALID_PARTITIONS);
  });

  await t.test('unknown topic, internal topic, assignments', async (t) => {
    const unknown = await raw.request(ApiKey.CreatePartitions, 0, grow('nope', 4));
    t.equal(unknown.results[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const internal = await raw.request(ApiKey.CreatePartitions, 1, grow('__consumer_offsets', 50));
    t.equal(internal.results[0].errorCode, ErrorCode.INVALID_REQUEST);
    t.match(internal.results[0].errorMessage, /internal/);
    const elsewhere = await raw.request(ApiKey.CreatePartitions, 1, grow('grows', 4, false, [{ brokerIds: [5] }]));
    t.equal(elsewhere.results[0].errorCode, ErrorCode.INVALID_REPLICA_ASSIGNMENT);
    const here = await raw.request(ApiKey.CreatePartitions, 1, grow('grows', 4, false, [{ brokerIds: [0] }]));
    t.equal(here.results[0].errorCode, ErrorCode.NONE);
    t.equal(await count('grows'), 4);
  });

  await t.test('the new count survives a restart', async (t) => {
    await admin.disconnect();
    await producer.disconnect();
    raw.close();
    await broker.stop();
    const again = await spawnBroker(t, { dataDir: broker.dataDir });
    const raw2 = await RawClient.connect(t, again.port);
    const res = await raw2.request(ApiKey.Metadata, 9, metadataRequest(['grows'], false));
    t.equal(res.topics[0].partitions.length, 4);
  });
});
