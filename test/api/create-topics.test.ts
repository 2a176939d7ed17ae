import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { metadataRequest } from '../helpers/requests.js';
import { ApiKey, ZERO_UUID } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

function createTopicsRequest(topics: Array<{ name: string; numPartitions?: number; replicationFactor?: number; configs?: Record<string, string | null>; assignments?: Array<{ partitionIndex: number; brokerIds: number[] }> }>, validateOnly = false): unknown {
  return {
    topics: topics.map((t) => ({
      name: t.name,
      numPartitions: t.numPartitions ?? -1,
      replicationFactor: t.replicationFactor ?? -1,
      assignments: t.assignments ?? [],
      configs: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
    })),
    timeoutMs: 10_000,
    validateOnly,
  };
}

t.test('CreateTopics against a real broker', async (t) => {
  const broker = await spawnBroker(t, { args: ['--default-partitions', '3'] });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  const raw = await RawClient.connect(t, broker.port);
  const partitionsOf = async (name: string): Promise<number | null> => {
    const res = await raw.request(ApiKey.Metadata, 9, metadataRequest([name], false));
    const topic = res.topics[0];
    return topic.errorCode === ErrorCode.NONE ? topic.partitions.length : null;
  };

  await t.test('kafkajs: create with partitions and configs, then the same name again', async (t) => {
    t.equal(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }] }] }), true);
    t.equal(await partitionsOf('orders'), 2);
    const described = await admin.describeConfigs({ resources: [{ type: 2, name: 'orders', configNames: ['retention.ms'] }], includeSynonyms: false });
    t.equal(described.resources[0]!.configEntries[0]!.configValue, '3600000');
    t.equal(await admin.createTopics({ topics: [{ topic: 'orders' }] }), false, 'kafkajs reports an existing topic as false');
    const again = await raw.request(ApiKey.CreateTopics, 4, createTopicsRequest([{ name: 'orders' }]));
    t.equal(again.topics[0].errorCode, ErrorCode.TOPIC_ALREADY_EXISTS);
    t.match(again.topics[0].errorMessage, /already exists/);
  });

  await t.test('kafkajs: -1 partitions and replication factor mean the broker defaults', async (t) => {
    t.equal(await admin.createTopics({ topics: [{ topic: 'defaults' }] }), true);
    t.equal(await partitionsOf('defaults'), 3, '--default-partitions 3');
  });

  await t.test('kafkajs: validateOnly creates nothing', async (t) => {
    t.equal(await admin.createTopics({ validateOnly: true, waitForLeaders: false, topics: [{ topic: 'dry', numPartitions: 4 }] }), true);
    t.equal(await partitionsOf('dry'), null, 'the topic does not exist afterwards');
  });

  await t.test('kafkajs: a bad name is INVALID_TOPIC_EXCEPTION', async (t) => {
    const err = await admin.createTopics({ topics: [{ topic: 'has space' }] }).catch((e: any) => e);
    t.equal(err?.errors?.[0]?.type, 'INVALID_TOPIC_EXCEPTION');
  });

  await t.test('Kafka name rules: charset, 249 chars, "." and ".."', async (t) => {
    const res = await raw.request(ApiKey.CreateTopics, 4, createTopicsRequest([
      { name: 'x'.repeat(249) }, { name: 'y'.repeat(250) }, { name: '.' }, { name: '..' }, { name: 'a/b' }, { name: '' }, { name: 'ok.name_with-all' },
    ]));
    t.same(res.topics.map((r: any) => r.errorCode), [
      ErrorCode.NONE, ErrorCode.INVALID_TOPIC_EXCEPTION, ErrorCode.INVALID_TOPIC_EXCEPTION, ErrorCode.INVALID_TOPIC_EXCEPTION,
      ErrorCode.INVALID_TOPIC_EXCEPTION, ErrorCode.INVALID_TOPIC_EXCEPTION, ErrorCode.NONE,
    ]);
  });

  await t.test('replication factor > 1 on one node is INVALID_REPLICATION_FACTOR with a message', async (t) => {
    const res = await raw.request(ApiKey.CreateTopics, 4, createTopicsRequest([{ name: 'rf3', numPartitions: 1, replicationFactor: 3 }, { name: 'rf1', numPartitions: 1, replicationFactor: 1 }]));
    t.equal(res.topics[0].errorCode, ErrorCode.INVALID_REPLICATION_FACTOR);
    t.match(res.topics[0].errorMessage, /replication factor 3 is larger than the number of available brokers \(1\)/);
    t.equal(res.topics[1].errorCode, ErrorCode.NONE);
    const kjs = await admin.createTopics({ topics: [{ topic: 'rf2', replicationFactor: 2 }] }).catch((e: any) => e);
    t.equal(kjs?.errors?.[0]?.type, 'INVALID_REPLICATION_FACTOR', 'kafkajs sees the error code');
  });

  await t.test('configs are validated: INVALID_CONFIG names the key; compact is refused; nothing is created', async (t) => {
    const res = await raw.request(ApiKey.CreateTopics, 4, createTopicsRequest([
      { name: 'bad1', configs: { 'retention.ms': 'soon' } },
      { name: 'bad2', configs: { 'no.such.config': '1' } },
      { name: 'bad3', configs: { 'cleanup.policy': 'compact' } },
      { name: 'bad4', configs: { 'message.timestamp.type': 'WallClock' } },
    ]));
    t.same(res.topics.map((r: any) => r.errorCode), [ErrorCode.INVALID_CONFIG, ErrorCode.INVALID_CONFIG, ErrorCode.INVALID_CONFIG, ErrorCode.INVALID_CONFIG]);
    t.match(res.topics[0].errorMessage, /retention\.ms/);
    t.match(res.topics[1].errorMessage, /no\.such\.config: unknown topic config/);
    t.match(res.topics[2].errorMessage, /cleanup\.policy.*compact.*not supported/);
    t.match(res.topics[3].errorMessage, /message\.timestamp\.type/);
    for (const name of ['bad1', 'bad2', 'bad3', 'bad4']) t.equal(await partitionsOf(name), null, `${name} not created`);
  });

  await t.test('v5+ answers with partitions, replication factor and every config; v7 with the topic id', async (t) => {
    const res = await raw.request(ApiKey.CreateTopics, 7, createTopicsRequest([{ name: 'v7', numPartitions: 5, configs: { 'segment.bytes': '1048576' } }]));
    const r = res.topics[0];
    t.equal(r.errorCode, ErrorCode.NONE);
    t.equal(r.numPartitions, 5);
    t.equal(r.replicationFactor, 1);
    t.notOk(r.topicId.equals(ZERO_UUID), 'a real topic id');
    const segment = r.configs.find((c: any) => c.name === 'segment.bytes');
    t.same([segment.value, segment.configSource], ['1048576', 1], 'set on the topic: DYNAMIC_TOPIC_CONFIG');
    const retention = r.configs.find((c: any) => c.name === 'retention.ms');
    t.same([retention.value, retention.configSource], ['604800000', 5], 'default: DEFAULT_CONFIG');
    const meta = await raw.request(ApiKey.Metadata, 10, metadataRequest(['v7'], false));
    t.ok(meta.topics[0].topicId.equals(r.topicId), 'Metadata reports the same id');

    const dry = await raw.request(ApiKey.CreateTopics, 5, createTopicsRequest([{ name: 'dry5' }], true));
    t.same([dry.topics[0].errorCode, dry.topics[0].numPartitions, dry.topics[0].replicationFactor], [ErrorCode.NONE, 3, 1], 'validate_only still describes the would-be topic');
    t.equal(await partitionsOf('dry5'), null);
  });

  await t.test('manual assignments naming this node are accepted, others refused', async (t) => {
    const res = await raw.request(ApiKey.CreateTopics, 4, createTopicsRequest([
      { name: 'assigned', assignments: [{ partitionIndex: 0, brokerIds: [0] }, { partitionIndex: 1, brokerIds: [0] }] },
      { name: 'elsewhere', assignments: [{ partitionIndex: 0, brokerIds: [7] }] },
    ]));
    t.same(res.topics.map((r: any) => r.errorCode), [ErrorCode.NONE, ErrorCode.INVALID_REPLICA_ASSIGNMENT]);
    t.equal(await partitionsOf('assigned'), 2);
  });

  await t.test('a name given twice in one request is INVALID_REQUEST for both', async (t) => {
    const res = await raw.request(ApiKey.CreateTopics, 4, createTopicsRequest([{ name: 'twice' }, { name: 'twice' }]));
    t.same(res.topics.map((r: any) => r.errorCode), [ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST]);
    t.equal(await partitionsOf('twice'), null);
  });
});
