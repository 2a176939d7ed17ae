/**
 * node-rdkafka 3.6.1 (bundled librdkafka 2.12, which uses the flexible group API versions:
 * JoinGroup v5+/OffsetFetch v7+/OffsetCommit v7+) group consumers against the real broker: two
 * members split a six-partition topic and read every record once with commits; a later member
 * resumes from those commits.
 */
import t from 'tap';
import { createRequire } from 'node:module';
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaConsumer as KafkaConsumerType, Message } from 'node-rdkafka';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { BROKER_READY_MS_MAX, tally, waitUntil } from '../helpers/group-interop.js';

const require = createRequire(import.meta.url);
const { KafkaConsumer } = require('node-rdkafka') as typeof import('node-rdkafka');

const PARTITIONS = 6;
const N = 3000;
const EXTRA = 600;
const WAIT_MS_MAX = 90_000;
/** Kafka's default: members started together land in one generation even on a loaded machine. */
const INITIAL_REBALANCE_DELAY_MS = 3000;
const BROKER_ARGS = ['--default-partitions', String(PARTITIONS), '--group-initial-rebalance-delay-ms', String(INITIAL_REBALANCE_DELAY_MS)];

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

interface Member {
  consumer: KafkaConsumerType;
  values: string[];
  partitions: Set<number>;
}

async function member(bootstrap: string, group: string, topic: string): Promise<Member> {
  const consumer = new KafkaConsumer(
    {
      'bootstrap.servers': bootstrap,
      'group.id': group,
      'enable.auto.commit': true,
      'auto.commit.interval.ms': 300,
      'session.timeout.ms': 10_000,
      'heartbeat.interval.ms': 500,
      'fetch.wait.max.ms': 200,
    },
    { 'auto.offset.reset': 'earliest' },
  );
  const m: Member = { consumer, values: [], partitions: new Set() };
  await new Promise<void>((resolve, reject) => consumer.connect({ timeout: 10_000 }, (err) => (err ? reject(err) : resolve())));
  consumer.on('data', (msg: Message) => {
    m.partitions.add(msg.partition);
    m.values.push(msg.value!.toString());
  });
  consumer.subscribe([topic]);
  consumer.consume();
  return m;
}

const disconnect = (m: Member) => new Promise<void>((resolve) => m.consumer.disconnect(() => resolve()));

t.test('node-rdkafka group members split the topic, commit, and a later member resumes', async (t) => {
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const send = async (from: number, to: number) => {
    for (let s = from; s < to; s += 1000) {
      const e = Math.min(to, s + 1000);
      await producer.send({ topic: 'nr', messages: Array.from({ length: e - s }, (_, k) => ({ partition: (s + k) % PARTITIONS, value: String(s + k) })) });
    }
  };
  await send(0, N);

  const [a, b] = await Promise.all([member(broker.bootstrap, 'nr-g', 'nr'), member(broker.bootstrap, 'nr-g', 'nr')]);
  t.teardown(async () => {
    await Promise.all([a, b].filter((m) => m!.consumer.isConnected()).map((m) => disconnect(m!)));
  });
  t.ok(await waitUntil(() => new Set([...a!.values, ...b!.values]).size >= N, WAIT_MS_MAX), 'all read');
  const { missing, duplicates } = tally([...a!.values, ...b!.values], N);
  t.same(missing, []);
  t.equal(duplicates, 0, 'no record read twice');
  t.ok(a!.partitions.size > 0 && b!.partitions.size > 0, 'both members got partitions');
  t.same([...a!.partitions].filter((p) => b!.partitions.has(p)), [], 'no partition read by both');

  const admin = kafka.admin();
  await admin.connect();
  const committed = async () => (await admin.fetchOffsets({ groupId: 'nr-g', topics: ['nr'] }))[0]!.partitions.map((p) => Number(p.offset));
  t.ok(await waitUntil(async () => (await committed()).every((o) => o === N / PARTITIONS), WAIT_MS_MAX), 'auto-commit reached the end');
  await Promise.all([disconnect(a!), disconnect(b!)]);

  await send(N, N + EXTRA);
  const c = await member(broker.bootstrap, 'nr-g', 'nr');
  t.ok(await waitUntil(() => c.values.length >= EXTRA, WAIT_MS_MAX), 'the later member reads the new records');
  await new Promise((r) => setTimeout(r, 500));
  const got = c.values.map(Number).sort((x, y) => x - y);
  t.equal(got.length, EXTRA, 'only those');
  t.equal(got[0], N, 'starting at the committed offsets');
  await disconnect(c);
  await admin.disconnect();
  await producer.disconnect();
});
