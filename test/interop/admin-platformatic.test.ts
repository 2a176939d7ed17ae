/**
 * @platformatic/kafka 1.35 Admin against the real broker. It sends only the newest, flexible
 * versions (PROTOCOL.md Profile B): CreateTopics v7, DescribeConfigs v4, IncrementalAlterConfigs
 * v1, AlterConfigs v2, CreatePartitions v3, DeleteRecords v2, DeleteTopics v6, with request
 * header v2 and response header v1.
 */
import t from 'tap';
import { Admin, Producer, stringSerializers } from '@platformatic/kafka';
import { spawnBroker } from '../helpers/spawn-broker.js';

const TOPIC = 2;
const SET = 0;

t.test('platformatic Admin: topics, configs, partitions, records', async (t) => {
  const broker = await spawnBroker(t);
  const admin = new Admin({ clientId: 'plt-admin', bootstrapBrokers: [broker.bootstrap] });
  t.teardown(() => admin.close());

  const created = await admin.createTopics({ topics: ['plt-admin'], partitions: 2, replicas: 1, configs: [{ name: 'retention.ms', value: '120000' }] });
  t.same(created.map((c) => [c.name, c.partitions, c.replicas]), [['plt-admin', 2, 1]], 'v7 answers partitions and replication factor');
  t.equal(created[0]!.configuration['retention.ms'], '120000', 'and the configs');
  t.match(created[0]!.id, /^[0-9a-f-]{36}$/, 'and the topic id');

  await admin.incrementalAlterConfigs({ resources: [{ resourceType: TOPIC, resourceName: 'plt-admin', configs: [{ name: 'retention.bytes', configOperation: SET, value: '999999' }] }] });
  const described = await admin.describeConfigs({ resources: [{ resourceType: TOPIC, resourceName: 'plt-admin', configurationKeys: ['retention.ms', 'retention.bytes', 'segment.bytes'] }] });
  const values = Object.fromEntries(described[0]!.configs.map((c) => [c.name, [c.value, c.configSource]]));
  t.same(values, { 'retention.ms': ['120000', 1], 'retention.bytes': ['999999', 1], 'segment.bytes': ['1073741824', 5] });

  const bad = await admin.incrementalAlterConfigs({ resources: [{ resourceType: TOPIC, resourceName: 'plt-admin', configs: [{ name: 'cleanup.policy', configOperation: SET, value: 'compact' }] }] }).catch((e: any) => e);
  t.ok(bad instanceof Error, 'compaction is refused');
  // platformatic nests the per-resource error: AggregateError → response error → protocol error.
  t.equal(bad?.errors?.[0]?.errors?.[0]?.message, 'Configuration is invalid.', "platformatic's text for INVALID_CONFIG (40)");

  await admin.createPartitions({ topics: [{ name: 'plt-admin', count: 3 }] });
  const producer = new Producer({ clientId: 'plt-admin-producer', bootstrapBrokers: [broker.bootstrap], serializers: stringSerializers });
  t.teardown(() => producer.close());
  await producer.send({ messages: [0, 1, 2, 3, 4].map((i) => ({ topic: 'plt-admin', value: `v${i}`, partition: 2 })) });
  const deleted = await admin.deleteRecords({ topics: [{ name: 'plt-admin', partitions: [{ partition: 2, offset: 3n }] }] });
  t.same(deleted.map((d) => d.partitions.map((p) => [p.partition, p.lowWatermark])), [[[2, 3n]]], 'the new low watermark');

  await admin.deleteTopics({ topics: ['plt-admin'] });
  const topics = await admin.listTopics();
  t.notOk(topics.includes('plt-admin'));
});
