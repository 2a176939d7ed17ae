/**
 * @platformatic/kafka 1.35 consumer groups (flexible versions only: FindCoordinator v4+ batched
 * keys, JoinGroup v6–9, SyncGroup/Heartbeat v4+, OffsetCommit/OffsetFetch v8–9 multi-group shape)
 * against the real broker: two members split a six-partition topic, read every record once with
 * autocommit, and a later member resumes from the commits.
 */
import t from 'tap';
import { Consumer, stringDeserializers } from '@platformatic/kafka';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { BROKER_READY_MS_MAX, tally, waitUntil } from '../helpers/group-interop.js';

const PARTITIONS = 6;
const N = 3000;
const EXTRA = 600;
const WAIT_MS_MAX = 90_000;
const AUTOCOMMIT_MS = 200;
/** Kafka's default: members started together land in one generation even on a loaded machine. */
const INITIAL_REBALANCE_DELAY_MS = 3000;
const BROKER_ARGS = ['--default-partitions', String(PARTITIONS), '--group-initial-rebalance-delay-ms', String(INITIAL_REBALANCE_DELAY_MS)];

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

interface Member {
  consumer: Consumer<string, string, string, string>;
  values: string[];
  partitions: Set<number>;
}

async function member(bootstrap: string, groupId: string, topic: string): Promise<Member> {
  const consumer = new Consumer({ groupId, clientId: 'plt', bootstrapBrokers: [bootstrap], deserializers: stringDeserializers });
  const m: Member = { consumer, values: [], partitions: new Set() };
  const stream = await consumer.consume({
    topics: [topic],
    mode: 'committed',
    fallbackMode: 'earliest',
    autocommit: AUTOCOMMIT_MS,
    sessionTimeout: 10_000,
    heartbeatInterval: 500,
    maxWaitTime: 200,
  });
  stream.on('data', (message) => {
    m.partitions.add(message.partition);
    m.values.push(message.value);
  });
  return m;
}

t.test('platformatic group members split the topic, commit, and a later member resumes', async (t) => {
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const send = async (from: number, to: number) => {
    for (let s = from; s < to; s += 1000) {
      const e = Math.min(to, s + 1000);
      await producer.send({ topic: 'plt', messages: Array.from({ length: e - s }, (_, k) => ({ partition: (s + k) % PARTITIONS, value: String(s + k) })) });
    }
  };
  await send(0, N);

  const [a, b] = await Promise.all([member(broker.bootstrap, 'plt-g', 'plt'), member(broker.bootstrap, 'plt-g', 'plt')]);
  t.teardown(async () => {
    await Promise.allSettled([a.consumer.close(true), b.consumer.close(true)]);
  });
  t.ok(await waitUntil(() => new Set([...a.values, ...b.values]).size >= N, WAIT_MS_MAX), `all read (${a.values.length + b.values.length})`);
  const { missing, duplicates } = tally([...a.values, ...b.values], N);
  t.same(missing, []);
  t.equal(duplicates, 0, 'no record read twice');
  t.ok(a.partitions.size > 0 && b.partitions.size > 0, 'both members got partitions');
  t.same([...a.partitions].filter((p) => b.partitions.has(p)), [], 'no partition read by both');

  const admin = kafka.admin();
  await admin.connect();
  const committed = async () => (await admin.fetchOffsets({ groupId: 'plt-g', topics: ['plt'] }))[0]!.partitions.map((p) => Number(p.offset));
  t.ok(await waitUntil(async () => (await committed()).every((o) => o === N / PARTITIONS), WAIT_MS_MAX), 'autocommit reached the end');
  await Promise.all([a.consumer.close(true), b.consumer.close(true)]);

  await send(N, N + EXTRA);
  const c = await member(broker.bootstrap, 'plt-g', 'plt');
  t.ok(await waitUntil(() => c.values.length >= EXTRA, WAIT_MS_MAX), 'the later member reads the new records');
  await new Promise((r) => setTimeout(r, 500));
  const got = c.values.map(Number).sort((x, y) => x - y);
  t.equal(got.length, EXTRA, 'only those');
  t.equal(got[0], N, 'starting at the committed offsets');
  await c.consumer.close(true);
  await admin.disconnect();
  await producer.disconnect();
});
