/**
 * kafkajs consumer groups against the real broker process: three members share a six-partition
 * topic and read 30,000 records exactly once with commits; a member leaves and another joins
 * while records keep arriving and nothing is lost; after a broker restart the group resumes from
 * its committed offsets; a running member rides through a restart on the same port without
 * rejoining (the restored group is still Stable with its generation) and without re-reading.
 */
import t from 'tap';
import { createServer } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import type { Consumer, Producer } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { BROKER_READY_MS_MAX, tally, waitUntil } from '../helpers/group-interop.js';

const PARTITIONS = 6;
const RECORDS = 30_000;
const PRODUCE_CHUNK = 1000;
const CONSUME_MS_MAX = 90_000;
/** Kafka's default: members started together land in one generation even on a loaded machine. */
const INITIAL_REBALANCE_DELAY_MS = 3000;
const BROKER_ARGS = ['--default-partitions', String(PARTITIONS), '--group-initial-rebalance-delay-ms', String(INITIAL_REBALANCE_DELAY_MS)];

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

function client(bootstrap: string, clientId: string): Kafka {
  return new Kafka({ brokers: [bootstrap], clientId, logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100 } });
}

/** Sends values from..to-1, value i to partition i % PARTITIONS, in chunks. */
async function produce(producer: Producer, topic: string, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += PRODUCE_CHUNK) {
    const end = Math.min(to, start + PRODUCE_CHUNK);
    await producer.send({
      topic,
      messages: Array.from({ length: end - start }, (_, k) => ({ partition: (start + k) % PARTITIONS, value: String(start + k) })),
    });
  }
}

interface Member {
  consumer: Consumer;
  values: string[];
  partitions: Set<number>;
}

async function startMember(kafka: Kafka, groupId: string, topic: string): Promise<Member> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, sessionTimeout: 10_000, heartbeatInterval: 500 });
  const m: Member = { consumer, values: [], partitions: new Set() };
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      m.partitions.add(partition);
      m.values.push(message.value!.toString());
    },
  });
  return m;
}

async function committed(kafka: Kafka, groupId: string, topic: string): Promise<number[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return entry!.partitions.sort((a, b) => a.partition - b.partition).map((p) => Number(p.offset));
  } finally {
    await admin.disconnect();
  }
}

t.test('three members read 30,000 records exactly once, then resume after a restart', async (t) => {
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const kafka = client(broker.bootstrap, 'three');
  const topic = 'three-members';
  const producer = kafka.producer();
  await producer.connect();
  await produce(producer, topic, 0, RECORDS);

  const members = await Promise.all([0, 1, 2].map(() => startMember(kafka, 'g-three', topic)));
  const total = () => members.reduce((n, m) => n + m.values.length, 0);
  t.ok(await waitUntil(() => total() >= RECORDS, CONSUME_MS_MAX), `consumed ${total()} of ${RECORDS}`);
  const { missing, duplicates } = tally(members.flatMap((m) => m.values), RECORDS);
  t.same(missing, [], 'no record missing');
  t.equal(duplicates, 0, 'no record read twice');
  for (const m of members) t.equal(m.partitions.size, PARTITIONS / 3, 'each member owns two partitions');
  const owned = members.flatMap((m) => [...m.partitions]).sort();
  t.same(owned, [0, 1, 2, 3, 4, 5], 'the partitions are split without overlap');

  const hw = RECORDS / PARTITIONS;
  t.ok(await waitUntil(async () => (await committed(kafka, 'g-three', topic)).every((o) => o === hw), 10_000), 'every partition committed to its end');
  await Promise.all(members.map((m) => m.consumer.disconnect()));
  await producer.disconnect();

  // Restart the broker on the same data; only records produced afterwards may be delivered.
  t.equal(await broker.stop(), 0, 'graceful stop');
  const again = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, dataDir: broker.dataDir, args: BROKER_ARGS });
  const kafka2 = client(again.bootstrap, 'three-after');
  t.same(await committed(kafka2, 'g-three', topic), Array(PARTITIONS).fill(hw), 'committed offsets survived the restart');
  const producer2 = kafka2.producer();
  await producer2.connect();
  const EXTRA = 600;
  await produce(producer2, topic, RECORDS, RECORDS + EXTRA);
  const resumed = await startMember(kafka2, 'g-three', topic);
  t.ok(await waitUntil(() => resumed.values.length >= EXTRA, CONSUME_MS_MAX), `resumed member read ${resumed.values.length}`);
  await new Promise((r) => setTimeout(r, 500));
  const values = resumed.values.map(Number).sort((a, b) => a - b);
  t.equal(values.length, EXTRA, 'nothing before the committed offsets is read again');
  t.equal(values[0], RECORDS, 'resumes at the first record after the commits');
  t.equal(values.at(-1), RECORDS + EXTRA - 1);
  await resumed.consumer.disconnect();
  await producer2.disconnect();
});

t.test('a member leaves and another joins while records arrive: nothing is lost', async (t) => {
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const kafka = client(broker.bootstrap, 'churn');
  const topic = 'churn';
  const producer = kafka.producer();
  await producer.connect();
  const STEP = 3000;
  await produce(producer, topic, 0, STEP);

  const a = await startMember(kafka, 'g-churn', topic);
  const b = await startMember(kafka, 'g-churn', topic);
  const all = [a, b];
  const total = () => all.reduce((n, m) => n + m.values.length, 0);
  let produced = STEP;
  // Keep producing in the background while the membership changes.
  const producing = (async () => {
    while (produced < RECORDS) {
      await produce(producer, topic, produced, produced + STEP);
      produced += STEP;
      await new Promise((r) => setTimeout(r, 150));
    }
  })();
  t.ok(await waitUntil(() => total() >= RECORDS / 3, CONSUME_MS_MAX), 'a third consumed before the change');
  await a.consumer.disconnect();
  const c = await startMember(kafka, 'g-churn', topic);
  all.push(c);
  await producing;
  t.ok(await waitUntil(() => new Set(all.flatMap((m) => m.values)).size >= RECORDS, CONSUME_MS_MAX), 'all records consumed after the change');
  const { missing, duplicates } = tally(all.flatMap((m) => m.values), RECORDS);
  t.same(missing, [], 'no record lost across leave and join');
  t.comment(`re-delivered across the rebalances: ${duplicates}`);
  t.ok(c.values.length > 0, 'the new member got partitions and records');
  t.ok(await waitUntil(async () => (await committed(kafka, 'g-churn', topic)).every((o) => o === RECORDS / PARTITIONS), 10_000), 'commits reach the end');
  await Promise.all([b.consumer.disconnect(), c.consumer.disconnect(), producer.disconnect()]);
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

t.test('a running member rides through a broker restart without rejoining or re-reading', async (t) => {
  const port = await freePort();
  const broker = await spawnBroker(t, { port, readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: 'ride', logLevel: logLevel.NOTHING, retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 2000 } });
  const producer = kafka.producer();
  await producer.connect();
  const STEP = 600;
  await produce(producer, 'ride', 0, STEP);
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: 'g-ride', maxWaitTimeInMs: 200, sessionTimeout: 30_000, heartbeatInterval: 500 });
  let joins = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => void joins++);
  const values: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: 'ride', fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void values.push(message.value!.toString()) });
  t.ok(await waitUntil(() => values.length >= STEP, CONSUME_MS_MAX), 'read before the restart');
  const joinsBefore = joins;

  t.equal(await broker.stop(), 0);
  const again = await spawnBroker(t, { port, dataDir: broker.dataDir, readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const producer2 = client(again.bootstrap, 'ride-producer').producer();
  await producer2.connect();
  await produce(producer2, 'ride', STEP, 2 * STEP);
  await producer2.disconnect();
  t.ok(await waitUntil(() => values.length >= 2 * STEP, CONSUME_MS_MAX), 'reads the records produced after the restart');
  const { missing, duplicates } = tally(values, 2 * STEP);
  t.same(missing, []);
  t.equal(duplicates, 0, 'nothing read twice');
  t.equal(joins, joinsBefore, 'no rejoin: the restarted coordinator still knew the member and its generation');
  await consumer.disconnect();
});
