import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { metadataRequest } from '../helpers/requests.js';
import { ApiKey, ZERO_UUID } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

t.test('DeleteTopics against a real broker', async (t) => {
  const broker = await spawnBroker(t);
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer();
  await admin.connect();
  await producer.connect();
  t.teardown(async () => { await producer.disconnect(); await admin.disconnect(); });
  const raw = await RawClient.connect(t, broker.port);
  const exists = async (name: string): Promise<boolean> => {
    const res = await raw.request(ApiKey.Metadata, 9, metadataRequest([name], false));
    return res.topics[0].errorCode === ErrorCode.NONE;
  };

  await t.test('kafkajs: deleteTopics removes the topic and its files', async (t) => {
    await admin.createTopics({ topics: [{ topic: 'doomed', numPartitions: 2 }] });
    await producer.send({ topic: 'doomed', messages: [{ value: 'x' }] });
    t.ok(existsSync(join(broker.dataDir, 'partitions', 'doomed-0')));
    await admin.deleteTopics({ topics: ['doomed'] });
    t.notOk(await exists('doomed'));
    t.notOk(existsSync(join(broker.dataDir, 'partitions', 'doomed-0')), 'partition folders are gone');
    t.notOk(existsSync(join(broker.dataDir, 'partitions', 'doomed-1')));
  });

  await t.test('unknown topics are UNKNOWN_TOPIC_OR_PARTITION (v1 and v5 with a message)', async (t) => {
    const v1 = await raw.request(ApiKey.DeleteTopics, 1, { topicNames: ['nope'], topics: [], timeoutMs: 5000 });
    t.equal(v1.responses[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const v5 = await raw.request(ApiKey.DeleteTopics, 5, { topicNames: ['nope'], topics: [], timeoutMs: 5000 });
    t.match(v5.responses[0].errorMessage, /does not exist/);
  });

  await t.test('internal __consumer_offsets is refused with INVALID_REQUEST and a message', async (t) => {
    const res = await raw.request(ApiKey.DeleteTopics, 5, { topicNames: ['__consumer_offsets'], topics: [], timeoutMs: 5000 });
    t.equal(res.responses[0].errorCode, ErrorCode.INVALID_REQUEST);
    t.match(res.responses[0].errorMessage, /internal/);
    t.ok(await exists('__consumer_offsets'));
  });

  await t.test('v6 deletes by topic id; an unknown id is UNKNOWN_TOPIC_ID', async (t) => {
    await admin.createTopics({ topics: [{ topic: 'by-id' }] });
    const meta = await raw.request(ApiKey.Metadata, 10, metadataRequest(['by-id'], false));
    const id: Buffer = meta.topics[0].topicId;
    const res = await raw.request(ApiKey.DeleteTopics, 6, { topicNames: [], topics: [{ name: null, topicId: id }], timeoutMs: 5000 });
    t.same([res.responses[0].errorCode, res.responses[0].name], [ErrorCode.NONE, 'by-id']);
    t.ok(res.responses[0].topicId.equals(id));
    t.notOk(await exists('by-id'));
    const again = await raw.request(ApiKey.DeleteTopics, 6, { topicNames: [], topics: [{ name: null, topicId: id }], timeoutMs: 5000 });
    t.equal(again.responses[0].errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
    await admin.createTopics({ topics: [{ topic: 'by-name6' }] });
    const byName = await raw.request(ApiKey.DeleteTopics, 6, { topicNames: [], topics: [{ name: 'by-name6', topicId: ZERO_UUID }], timeoutMs: 5000 });
    t.equal(byName.responses[0].errorCode, ErrorCode.NONE);
    t.notOk(await exists('by-name6'));
  });

  await t.test('a deleted topic can be created again, empty', async (t) => {
    await admin.createTopics({ topics: [{ topic: 'reborn' }] });
    await producer.send({ topic: 'reborn', messages: [{ value: 'old' }] });
    await admin.deleteTopics({ topics: ['reborn'] });
    t.equal(await admin.createTopics({ topics: [{ topic: 'reborn' }] }), true);
    const offsets = await admin.fetchTopicOffsets('reborn');
    t.same(offsets.map((o) => o.high), ['0']);
  });
});
