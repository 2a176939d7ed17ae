import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { http } from '../helpers/admin-node.js';
import { produceRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';

/**
 * Every API that mutates topic data or shape (Kafka and admin HTTP) refuses the internal topic
 * __consumer_offsets with a clear error, and the committed offsets it holds survive a restart.
 */
const INTERNAL = '__consumer_offsets';
const GROUP = 'keeps-offsets';
const INTERNAL_PARTITIONS = 2;

/** [API, version, request, the error code of the refused topic/partition in the response]. */
type KafkaCase = [string, number, number, unknown, (res: any) => number, number];
const KAFKA_CASES: KafkaCase[] = [
  ['Produce', ApiKey.Produce, 7, produceRequest(INTERNAL, 0, buildBatchUncompressed([{ key: null, value: Buffer.from('x') }])),
    (r) => r.responses[0].partitionResponses[0].errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION],
  ...[0, 1, 2].map((v): KafkaCase => ['DeleteRecords', ApiKey.DeleteRecords, v,
    { topics: [{ name: INTERNAL, partitions: [0, 1].map((partitionIndex) => ({ partitionIndex, offset: -1 })) }], timeoutMs: 5000 },
    (r) => r.topics[0].partitions[0].errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION]),
  ['DeleteTopics', ApiKey.DeleteTopics, 5, { topicNames: [INTERNAL], topics: [], timeoutMs: 5000 },
    (r) => r.responses[0].errorCode, ErrorCode.INVALID_REQUEST],
  ['CreatePartitions', ApiKey.CreatePartitions, 1, { topics: [{ name: INTERNAL, count: INTERNAL_PARTITIONS + 2, assignments: null }], timeoutMs: 5000, validateOnly: false },
    (r) => r.results[0].errorCode, ErrorCode.INVALID_REQUEST],
  ['AlterConfigs', ApiKey.AlterConfigs, 1, { resources: [{ resourceType: 2, resourceName: INTERNAL, configs: [{ name: 'retention.ms', value: '1' }] }], validateOnly: false },
    (r) => r.responses[0].errorCode, ErrorCode.INVALID_REQUEST],
  ['IncrementalAlterConfigs', ApiKey.IncrementalAlterConfigs, 1, { resources: [{ resourceType: 2, resourceName: INTERNAL, configs: [{ name: 'retention.ms', configOperation: 0, value: '1' }] }], validateOnly: false },
    (r) => r.responses[0].errorCode, ErrorCode.INVALID_REQUEST],
  ['CreateTopics', ApiKey.CreateTopics, 4, { topics: [{ name: INTERNAL, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000, validateOnly: false },
    (r) => r.topics[0].errorCode, ErrorCode.TOPIC_ALREADY_EXISTS],
];

/** [method, path, body, status, admin error code]. */
const ADMIN_CASES: Array<[string, string, unknown, number, string]> = [
  ['DELETE', `/v1/topics/${INTERNAL}`, undefined, 400, 'CANOPY_ERR_TOPIC_INVALID'],
  ['PATCH', `/v1/topics/${INTERNAL}/configs`, { set: { 'retention.ms': '1' } }, 400, 'CANOPY_ERR_TOPIC_INVALID'],
  ['PATCH', `/v1/topics/${INTERNAL}/configs`, { delete: ['cleanup.policy'] }, 400, 'CANOPY_ERR_TOPIC_INVALID'],
  ['POST', '/v1/topics', { name: INTERNAL, partitions: 1 }, 409, 'CANOPY_ERR_TOPIC_EXISTS'],
];

t.test('mutating APIs refuse __consumer_offsets; committed offsets survive a restart', async (t) => {
  const args = ['--group-initial-rebalance-delay-ms', '0', '--offsets-topic-partitions', String(INTERNAL_PARTITIONS)];
  const broker = await spawnBroker(t, { args });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 2 }] });
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < 5; i++) await producer.send({ topic: 'orders', messages: [{ value: `v${i}`, partition: i % 2 }] });
  await producer.disconnect();
  await admin.setOffsets({ groupId: GROUP, topic: 'orders', partitions: [{ partition: 0, offset: '3' }, { partition: 1, offset: '2' }] });
  const committed = async (a: typeof admin) => (await a.fetchOffsets({ groupId: GROUP, topics: ['orders'] }))[0]!.partitions
    .map((p) => [p.partition, p.offset]).sort();
  t.same(await committed(admin), [[0, '3'], [1, '2']]);
  const internalConfigs = JSON.stringify((await admin.describeConfigs({ resources: [{ type: 2, name: INTERNAL }], includeSynonyms: false })).resources[0]!.configEntries);

  const raw = await RawClient.connect(t, broker.port);
  for (const [name, apiKey, version, request, errorOf, expected] of KAFKA_CASES) {
    t.equal(errorOf(await raw.request(apiKey, version, request)), expected, `${name} v${version}`);
  }
  for (const [method, path, body, status, code] of ADMIN_CASES) {
    const res = await http(broker.adminUrl!, method, path, body);
    t.same([res.status, res.body.error?.code], [status, code], `admin ${method} ${path} ${JSON.stringify(body ?? '')}`);
    if (status === 400) t.match(res.body.error.message, /internal/, 'the message says why');
  }
  raw.close();

  const metadata = await admin.fetchTopicMetadata({ topics: [INTERNAL] });
  t.equal(metadata.topics[0]!.partitions.length, INTERNAL_PARTITIONS, 'partition count unchanged');
  const after = JSON.stringify((await admin.describeConfigs({ resources: [{ type: 2, name: INTERNAL }], includeSynonyms: false })).resources[0]!.configEntries);
  t.equal(after, internalConfigs, 'configs unchanged');
  await admin.disconnect();
  t.equal(await broker.stop(), 0);

  const again = await spawnBroker(t, { dataDir: broker.dataDir, args });
  const admin2 = new Kafka({ brokers: [again.bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin2.connect();
  t.teardown(() => admin2.disconnect());
  t.same(await committed(admin2), [[0, '3'], [1, '2']], 'committed offsets survived the restart');
  t.ok((await admin2.fetchTopicOffsets(INTERNAL)).some((o) => o.low === '0' && o.high !== '0'), 'the internal log was not trimmed');
});
