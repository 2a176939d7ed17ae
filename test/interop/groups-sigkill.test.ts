/**
 * Group state and committed offsets survive SIGKILL of the broker (fsync=always, the default):
 * - offsets committed by a group and by a consumer outside any group are all there after the
 *   restart, and the group resumes exactly after them;
 * - a static member (confluent-kafka-python) of a Stable group keeps heartbeating across the
 *   crash with the same member id and generation: it sees no revoke and no new assignment, which
 *   it would if the restarted broker had forgotten the group.
 */
import t from 'tap';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { BROKER_READY_MS_MAX, PYTHON, spawnLineClient, waitUntil } from '../helpers/group-interop.js';

const PARTITIONS = 6;
const WAIT_MS_MAX = 90_000;
const BROKER_ARGS = ['--default-partitions', String(PARTITIONS), '--group-initial-rebalance-delay-ms', '500'];
/** Long enough to outlast a broker restart on a loaded machine: the member must not expire meanwhile. */
const STATIC_SESSION_MS = 120_000;
const CK_CLIENT = join(import.meta.dirname, 'clients/ck_group_consumer.py');

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

function client(bootstrap: string): Kafka {
  return new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100 } });
}

async function send(kafka: Kafka, topic: string, from: number, to: number): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  for (let s = from; s < to; s += 1000) {
    const e = Math.min(to, s + 1000);
    await producer.send({ topic, messages: Array.from({ length: e - s }, (_, k) => ({ partition: (s + k) % PARTITIONS, value: String(s + k) })) });
  }
  await producer.disconnect();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

t.test('committed offsets (group and standalone) survive SIGKILL', async (t) => {
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const kafka = client(broker.bootstrap);
  const N = 1200;
  await send(kafka, 'kill-offsets', 0, N);
  const consumer = kafka.consumer({ groupId: 'g-kill', maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'kill-offsets', fromBeginning: true });
  let read = 0;
  await consumer.run({ eachMessage: async () => void read++ });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = async (a: typeof admin, groupId: string) =>
    (await a.fetchOffsets({ groupId, topics: ['kill-offsets'] }))[0]!.partitions.sort((x, y) => x.partition - y.partition).map((p) => Number(p.offset));
  t.ok(await waitUntil(async () => read >= N && (await offsets(admin, 'g-kill')).every((o) => o === N / PARTITIONS), WAIT_MS_MAX), 'consumed and committed');
  await consumer.disconnect();
  // A consumer outside any group commits with generation -1 (kafkajs admin.setOffsets).
  await admin.setOffsets({ groupId: 'g-solo', topic: 'kill-offsets', partitions: [{ partition: 0, offset: '7' }, { partition: 5, offset: '42' }] });
  await admin.disconnect();

  broker.kill('SIGKILL');
  await broker.exited;
  const again = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, dataDir: broker.dataDir, args: BROKER_ARGS });
  const kafka2 = client(again.bootstrap);
  const admin2 = kafka2.admin();
  await admin2.connect();
  t.same(await offsets(admin2, 'g-kill'), Array(PARTITIONS).fill(N / PARTITIONS), 'group commits survived');
  t.same(await offsets(admin2, 'g-solo'), [7, -1, -1, -1, -1, 42], 'standalone commits survived');
  const described = await admin2.describeGroups(['g-kill']);
  t.equal(described.groups[0]!.state, 'Empty', 'the group is known, empty after its member left');
  t.equal(described.groups[0]!.protocolType, 'consumer');
  await admin2.disconnect();

  await send(kafka2, 'kill-offsets', N, N + 600);
  const c2 = kafka2.consumer({ groupId: 'g-kill', maxWaitTimeInMs: 200 });
  await c2.connect();
  await c2.subscribe({ topic: 'kill-offsets', fromBeginning: true });
  const values: number[] = [];
  await c2.run({ eachMessage: async ({ message }) => void values.push(Number(message.value!.toString())) });
  t.ok(await waitUntil(() => values.length >= 600, WAIT_MS_MAX), 'the group resumes');
  await new Promise((r) => setTimeout(r, 500));
  t.equal(values.length, 600, 'nothing committed before the crash is read again');
  t.equal(Math.min(...values), N);
  await c2.disconnect();
});

t.test('a Stable group survives SIGKILL: its static member keeps its membership', async (t) => {
  if (!haveClient(t, 'python3-confluent-kafka')) return;
  const port = await freePort();
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, port, args: BROKER_ARGS });
  const kafka = client(broker.bootstrap);
  await send(kafka, 'kill-static', 0, 600);
  const a = spawnLineClient(t, PYTHON, [CK_CLIENT, '--bootstrap', broker.bootstrap, '--group', 'g-static-kill', '--topic', 'kill-static', '--instance-id', 'inst-a', '--session-timeout-ms', String(STATIC_SESSION_MS), '--commit-every', '50']);
  t.ok(await a.waitFor((e) => e.event === 'assign' && (e.partitions as number[]).length === PARTITIONS, WAIT_MS_MAX), 'assigned all partitions');
  const msgs = () => a.events.filter((e) => e.event === 'msg').map((e) => Number(e.v));
  t.ok(await waitUntil(() => msgs().length >= 600, WAIT_MS_MAX), 'read the first 600');
  t.ok(await a.waitFor((e) => e.event === 'committed', WAIT_MS_MAX), 'committed');
  const rebalanceEvents = () => a.events.filter((e) => e.event === 'assign' || e.event === 'revoke').length;
  const before = rebalanceEvents();

  broker.kill('SIGKILL');
  await broker.exited;
  const again = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, port, dataDir: broker.dataDir, args: BROKER_ARGS });
  await send(client(again.bootstrap), 'kill-static', 600, 1200);
  t.ok(await waitUntil(() => msgs().length >= 1200, WAIT_MS_MAX), `the member reads on after the crash (${msgs().length})`);
  await new Promise((r) => setTimeout(r, 2000));
  t.equal(rebalanceEvents(), before, 'no revoke and no new assignment: the restored group kept the member');
  t.equal(new Set(msgs()).size, msgs().length, 'no record read twice');
  a.send('close');
  t.equal(await a.exited, 0, 'the client exits cleanly', { stderr: a.stderr().slice(-2000) });
});
