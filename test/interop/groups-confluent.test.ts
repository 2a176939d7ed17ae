/**
 * confluent-kafka-python 1.7 (Debian, librdkafka 2.0.2) group consumers against the real broker:
 * the range assignor, the cooperative-sticky assignor (incremental rebalancing: a joining member
 * takes partitions without the first one giving up the rest), and static membership (a member
 * restarted with the same group.instance.id within its session gets its partitions back with no
 * rebalance of the others). The client is test/interop/clients/ck_group_consumer.py.
 */
import t from 'tap';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import type { SpawnedBroker } from '../helpers/spawn-broker.js';
import { BROKER_READY_MS_MAX, PYTHON, sleep, spawnLineClient, tally, waitUntil } from '../helpers/group-interop.js';
import type { LineClient } from '../helpers/group-interop.js';

const PARTITIONS = 6;
const CLIENT = join(import.meta.dirname, 'clients/ck_group_consumer.py');
/** Kafka's default: members started together land in one generation even on a loaded machine. */
const INITIAL_REBALANCE_DELAY_MS = 3000;
const BROKER_ARGS = ['--default-partitions', String(PARTITIONS), '--group-initial-rebalance-delay-ms', String(INITIAL_REBALANCE_DELAY_MS)];
const WAIT_MS_MAX = 90_000;
/** How long the others are watched for a rebalance after a static member came back. */
const QUIET_MS = 3000;

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';


async function produce(bootstrap: string, topic: string, from: number, to: number): Promise<void> {
  const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  for (let start = from; start < to; start += 1000) {
    const end = Math.min(to, start + 1000);
    await producer.send({ topic, messages: Array.from({ length: end - start }, (_, k) => ({ partition: (start + k) % PARTITIONS, value: String(start + k) })) });
  }
  await producer.disconnect();
}

async function committedOffsets(bootstrap: string, groupId: string, topic: string): Promise<number[]> {
  const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return entry!.partitions.sort((a, b) => a.partition - b.partition).map((p) => Number(p.offset));
  } finally {
    await admin.disconnect();
  }
}

function consumer(t: Parameters<typeof spawnLineClient>[0], broker: SpawnedBroker, group: string, topic: string, extra: string[] = []): LineClient {
  return spawnLineClient(t, PYTHON, [CLIENT, '--bootstrap', broker.bootstrap, '--group', group, '--topic', topic, ...extra]);
}

const values = (c: LineClient) => c.events.filter((e) => e.event === 'msg').map((e) => String(e.v));
/** The partitions a client holds after applying its assign/revoke events in order. */
function owned(c: LineClient, eager: boolean): number[] {
  const held = new Set<number>();
  for (const e of c.events) {
    if (e.event === 'assign') {
      if (eager) held.clear();
      for (const p of e.partitions as number[]) held.add(p);
    } else if (e.event === 'revoke') {
      for (const p of e.partitions as number[]) held.delete(p);
    }
  }
  return [...held].sort();
}

t.test('range assignor: two members split six partitions and read everything once', async (t) => {
  if (!haveClient(t, 'python3-confluent-kafka')) return;
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const N = 6000;
  await produce(broker.bootstrap, 'ck-range', 0, N);
  const a = consumer(t, broker, 'ck-range-g', 'ck-range');
  const b = consumer(t, broker, 'ck-range-g', 'ck-range');
  t.ok(await waitUntil(() => new Set([...values(a), ...values(b)]).size >= N, WAIT_MS_MAX), 'all records consumed');
  const { missing, duplicates } = tally([...values(a), ...values(b)], N);
  t.same(missing, []);
  t.equal(duplicates, 0, 'no record read twice');
  t.same(owned(a, true).length, 3, 'range gives each member three partitions');
  t.same([...owned(a, true), ...owned(b, true)].sort(), [0, 1, 2, 3, 4, 5]);
  a.send('close');
  b.send('close');
  t.equal(await a.exited, 0, 'the client exits cleanly', { stderr: a.stderr().slice(-2000) });
  t.equal(await b.exited, 0, 'the client exits cleanly', { stderr: b.stderr().slice(-2000) });
  t.same(await committedOffsets(broker.bootstrap, 'ck-range-g', 'ck-range'), Array(PARTITIONS).fill(N / PARTITIONS), 'commits reached the end');
});

t.test('cooperative-sticky: a joining member takes partitions incrementally', async (t) => {
  if (!haveClient(t, 'python3-confluent-kafka')) return;
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const N = 3000;
  await produce(broker.bootstrap, 'ck-coop', 0, N);
  const opts = ['--assignor', 'cooperative-sticky'];
  const a = consumer(t, broker, 'ck-coop-g', 'ck-coop', opts);
  t.ok(await a.waitFor((e) => e.event === 'assign' && (e.partitions as number[]).length === PARTITIONS, WAIT_MS_MAX), 'the first member gets all six');
  t.ok(await waitUntil(() => values(a).length >= N, WAIT_MS_MAX), 'and reads everything');
  const b = consumer(t, broker, 'ck-coop-g', 'ck-coop', opts);
  t.ok(await b.waitFor((e) => e.event === 'assign' && (e.partitions as number[]).length > 0, WAIT_MS_MAX), 'the second member gets partitions');
  t.ok(await waitUntil(() => owned(a, false).length + owned(b, false).length === PARTITIONS && owned(b, false).length === 3, WAIT_MS_MAX), 'three each');
  const revokes = a.events.filter((e) => e.event === 'revoke');
  t.equal(revokes.length, 1, 'one incremental revoke');
  t.same((revokes[0]!.partitions as number[]).length, 3, 'only the partitions that move are revoked');
  t.same([...owned(a, false), ...owned(b, false)].sort(), [0, 1, 2, 3, 4, 5]);
  await produce(broker.bootstrap, 'ck-coop', N, 2 * N);
  t.ok(await waitUntil(() => new Set([...values(a), ...values(b)]).size >= 2 * N, WAIT_MS_MAX), 'both read the new records');
  t.same(tally([...values(a), ...values(b)], 2 * N).missing, []);
  a.send('close');
  b.send('close');
  await Promise.all([a.exited, b.exited]);
});

t.test('static membership: a member restarted within its session gets its partitions back without a rebalance', async (t) => {
  if (!haveClient(t, 'python3-confluent-kafka')) return;
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  await produce(broker.bootstrap, 'ck-static', 0, 600);
  const session = ['--session-timeout-ms', '30000'];
  const a = consumer(t, broker, 'ck-static-g', 'ck-static', ['--instance-id', 'inst-a', ...session]);
  t.ok(await a.waitFor((e) => e.event === 'assign' && (e.partitions as number[]).length === PARTITIONS, WAIT_MS_MAX), 'a alone holds all six');
  const b = consumer(t, broker, 'ck-static-g', 'ck-static', ['--instance-id', 'inst-b', ...session]);
  t.ok(await waitUntil(() => owned(b, true).length === 3 && owned(a, true).length === 3, WAIT_MS_MAX), 'a and b hold three each');
  const bPartitions = owned(b, true);
  t.ok(await waitUntil(() => new Set([...values(a), ...values(b)]).size >= 600, WAIT_MS_MAX), 'all records read');
  await sleep(1000);
  const aEventsBefore = a.events.filter((e) => e.event === 'assign' || e.event === 'revoke').length;

  // b crashes (no LeaveGroup) and comes back with the same instance id.
  b.send('exit');
  await b.exited;
  const b2 = consumer(t, broker, 'ck-static-g', 'ck-static', ['--instance-id', 'inst-b', ...session]);
  const assigned = await b2.waitFor((e) => e.event === 'assign', WAIT_MS_MAX);
  t.ok(assigned, 'the restarted member is assigned');
  t.same((assigned?.partitions as number[] | undefined)?.slice().sort(), bPartitions, 'the same partitions as before');
  await sleep(QUIET_MS);
  t.equal(a.events.filter((e) => e.event === 'assign' || e.event === 'revoke').length, aEventsBefore, 'the other member saw no rebalance');
  await produce(broker.bootstrap, 'ck-static', 600, 1200);
  t.ok(await waitUntil(() => new Set([...values(a), ...values(b2)].filter((v) => Number(v) >= 600)).size >= 600, WAIT_MS_MAX), 'both keep consuming');
  const b2Values = values(b2).map(Number);
  t.ok(b2Values.filter((v) => v < 600).length === 0, 'the restarted member resumed from b\'s commits');
  a.send('close');
  b2.send('close');
  await Promise.all([a.exited, b2.exited]);
});
