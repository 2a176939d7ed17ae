/**
 * node-rdkafka 3.6 AdminClient (librdkafka 2.12): createTopic, createPartitions, deleteTopic
 * against the real broker, checked with Metadata through kafkajs.
 */
import t from 'tap';
import { createRequire } from 'node:module';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';

const require = createRequire(import.meta.url);
const { AdminClient } = require('node-rdkafka') as typeof import('node-rdkafka');
const TIMEOUT_MS = 20_000;

t.test('node-rdkafka AdminClient against a real broker', async (t) => {
  const broker = await spawnBroker(t);
  const client = AdminClient.create({ 'bootstrap.servers': broker.bootstrap, 'client.id': 'rdkafka-admin' });
  t.teardown(() => client.disconnect());
  const kafkajs = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING }).admin();
  await kafkajs.connect();
  t.teardown(() => kafkajs.disconnect());
  const call = (fn: (cb: (err: any) => void) => void): Promise<any> => new Promise((resolve) => fn((err) => resolve(err ?? null)));
  const partitions = async (topic: string): Promise<number> => (await kafkajs.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.length;

  t.equal(await call((cb) => client.createTopic({ topic: 'rd-admin', num_partitions: 2, replication_factor: 1, config: { 'retention.ms': '60000' } }, TIMEOUT_MS, cb)), null);
  t.equal(await partitions('rd-admin'), 2);
  const existing = await call((cb) => client.createTopic({ topic: 'rd-admin', num_partitions: 1, replication_factor: 1 }, TIMEOUT_MS, cb));
  t.equal(existing?.code, 36, 'TOPIC_ALREADY_EXISTS');
  const rf3 = await call((cb) => client.createTopic({ topic: 'rd-rf3', num_partitions: 1, replication_factor: 3 }, TIMEOUT_MS, cb));
  t.equal(rf3?.code, 38, 'INVALID_REPLICATION_FACTOR');
  t.match(rf3?.message, /available brokers/);

  t.equal(await call((cb) => client.createPartitions('rd-admin', 5, TIMEOUT_MS, cb)), null);
  t.equal(await partitions('rd-admin'), 5);
  const shrink = await call((cb) => client.createPartitions('rd-admin', 1, TIMEOUT_MS, cb));
  t.equal(shrink?.code, 37, 'INVALID_PARTITIONS');

  t.equal(await call((cb) => client.deleteTopic('rd-admin', TIMEOUT_MS, cb)), null);
  t.notOk((await kafkajs.listTopics()).includes('rd-admin'));
  const missing = await call((cb) => client.deleteTopic('rd-missing', TIMEOUT_MS, cb));
  t.equal(missing?.code, 3, 'UNKNOWN_TOPIC_OR_PARTITION');
});
