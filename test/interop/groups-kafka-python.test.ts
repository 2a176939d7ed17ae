/**
 * kafka-python 2.0.2's group consumer (Debian python3-kafka; JoinGroup v2, OffsetCommit v2,
 * OffsetFetch v1, FindCoordinator v0) against the real broker: two members split a six-partition
 * topic, read every record once and commit; a later member of the group reads only what was
 * produced after those commits. The client is test/interop/clients/kp_group_consumer.py.
 */
import t from 'tap';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { BROKER_READY_MS_MAX, PYTHON, spawnLineClient, tally, waitUntil } from '../helpers/group-interop.js';
import type { LineClient } from '../helpers/group-interop.js';

const PARTITIONS = 6;
const N = 3000;
const EXTRA = 600;
const WAIT_MS_MAX = 90_000;
const CLIENT = join(import.meta.dirname, 'clients/kp_group_consumer.py');
/** Kafka's default: members started together land in one generation even on a loaded machine. */
const INITIAL_REBALANCE_DELAY_MS = 3000;
const BROKER_ARGS = ['--default-partitions', String(PARTITIONS), '--group-initial-rebalance-delay-ms', String(INITIAL_REBALANCE_DELAY_MS)];

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';


const values = (c: LineClient) => c.events.filter((e) => e.event === 'msg').map((e) => String(e.v));
const lastAssignment = (c: LineClient) => (c.events.filter((e) => e.event === 'assign').at(-1)?.partitions as number[] | undefined) ?? [];

t.test('kafka-python group members split the topic, commit, and a later member resumes', async (t) => {
  if (!haveClient(t, 'python3-kafka')) return;
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const send = async (from: number, to: number) => {
    for (let s = from; s < to; s += 1000) {
      const e = Math.min(to, s + 1000);
      await producer.send({ topic: 'kp', messages: Array.from({ length: e - s }, (_, k) => ({ partition: (s + k) % PARTITIONS, value: String(s + k) })) });
    }
  };
  await send(0, N);

  const args = ['--bootstrap', broker.bootstrap, '--group', 'kp-g', '--topic', 'kp'];
  const a = spawnLineClient(t, PYTHON, [CLIENT, ...args]);
  const b = spawnLineClient(t, PYTHON, [CLIENT, ...args]);
  t.ok(await waitUntil(() => new Set([...values(a), ...values(b)]).size >= N, WAIT_MS_MAX), `all read (${a.stderr().slice(-500)}${b.stderr().slice(-500)})`);
  const { missing, duplicates } = tally([...values(a), ...values(b)], N);
  t.same(missing, []);
  t.equal(duplicates, 0, 'no record read twice');
  t.equal(lastAssignment(a).length, 3, 'three partitions each');
  t.same([...lastAssignment(a), ...lastAssignment(b)].sort(), [0, 1, 2, 3, 4, 5]);

  a.send('close');
  b.send('close');
  t.equal(await a.exited, 0, 'the client exits cleanly', { stderr: a.stderr().slice(-2000) });
  t.equal(await b.exited, 0, 'the client exits cleanly', { stderr: b.stderr().slice(-2000) });
  const admin = kafka.admin();
  await admin.connect();
  const [entry] = await admin.fetchOffsets({ groupId: 'kp-g', topics: ['kp'] });
  t.same(entry!.partitions.sort((x, y) => x.partition - y.partition).map((p) => Number(p.offset)), Array(PARTITIONS).fill(N / PARTITIONS), 'committed to the end');
  const groups = await admin.listGroups();
  t.ok(groups.groups.some((g) => g.groupId === 'kp-g'), 'ListGroups shows the group');
  await admin.disconnect();

  await send(N, N + EXTRA);
  const c = spawnLineClient(t, PYTHON, [CLIENT, ...args]);
  t.ok(await waitUntil(() => values(c).length >= EXTRA, WAIT_MS_MAX), 'the later member reads the new records');
  const got = values(c).map(Number).sort((x, y) => x - y);
  t.equal(got[0], N, 'starting at the committed offsets');
  c.send('close');
  await c.exited;
  t.equal(values(c).length, EXTRA, 'and nothing older');
  await producer.disconnect();
});
