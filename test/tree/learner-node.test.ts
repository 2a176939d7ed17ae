/**
 * A learner node against a single-node root, all real processes on 127.0.0.1 (issue #11 item 1):
 * the learner copies the root's committed log at the same offsets, serves kafkajs and kcat,
 * refuses Produce with POLICY_VIOLATION, resumes after SIGKILL with no gap or duplicate, keeps its
 * high watermark while the root is stopped, and is never above the root's high watermark.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { spawnBroker, type SpawnedBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { groupConsume } from '../helpers/group-consume.js';

const TOPIC = 'orders';
const PARTITIONS = 3;
const CATCH_UP_MS_MAX = 30_000;
const POLL_MS = 100;
const KCAT_TIMEOUT_MS = 30_000;

interface Seen { partition: number; offset: number; key: string; value: string }

function kafka(b: SpawnedBroker, clientId: string): Kafka {
  return new Kafka({ clientId, brokers: [b.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
}

async function highWatermarks(admin: Admin): Promise<number[]> {
  const offsets = await admin.fetchTopicOffsets(TOPIC);
  return offsets.sort((a, b) => a.partition - b.partition).map((o) => Number(o.high));
}

/** Waits (bounded) until the learner's high watermarks equal `want`. */
async function caughtUp(admin: Admin, want: number[]): Promise<number[]> {
  let got: number[] = [];
  for (let waited = 0; waited < CATCH_UP_MS_MAX; waited += POLL_MS) {
    got = await highWatermarks(admin).catch(() => []);
    if (JSON.stringify(got) === JSON.stringify(want)) return got;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return got;
}

/** Every record of TOPIC read by a kafkajs group consumer, until `count` arrived (bounded). */
function consumeAll(b: SpawnedBroker, groupId: string, count: number): Promise<Seen[]> {
  return groupConsume(kafka(b, groupId), groupId, TOPIC, count, CATCH_UP_MS_MAX, (partition, message) => ({ partition, offset: Number(message.offset), key: message.key!.toString(), value: message.value!.toString() }));
}

function sorted(s: Seen[]): Seen[] {
  return [...s].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

async function produce(b: SpawnedBroker, from: number, count: number): Promise<void> {
  const producer = kafka(b, 'root-producer').producer();
  await producer.connect();
  for (let i = from; i < from + count; i += 10) {
    await producer.send({ topic: TOPIC, messages: Array.from({ length: 10 }, (_, j) => ({ key: `k${(i + j) % 7}`, value: `v${i + j}` })) });
  }
  await producer.disconnect();
}

t.test('a learner copies the root at the same offsets and serves Kafka clients', async (t) => {
  const top = t; // processes started in subtests live as long as this test
  const root = await spawnBroker(t, { args: ['--internal-listen', '127.0.0.1:0', '--group-initial-rebalance-delay-ms', '0'] });
  t.ok(root.internalPort, 'the root reports its internal listener');
  const learnerArgs = ['--role', 'learner', '--upstream', `127.0.0.1:${root.internalPort}`, '--node-id', '1', '--group-initial-rebalance-delay-ms', '0'];
  let learner = await spawnBroker(t, { args: learnerArgs });
  const learnerDataDir = learner.dataDir;

  const rootAdmin = kafka(root, 'root-admin').admin();
  await rootAdmin.connect();
  t.teardown(() => rootAdmin.disconnect());
  await rootAdmin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS }] });
  await produce(root, 0, 60);
  const rootHw = await highWatermarks(rootAdmin);
  t.equal(rootHw.reduce((a, b) => a + b, 0), 60, 'the root holds 60 records');

  let learnerAdmin = kafka(learner, 'learner-admin').admin();
  await learnerAdmin.connect();
  t.same(await caughtUp(learnerAdmin, rootHw), rootHw, 'the learner reaches the root\'s high watermark in every partition');

  const metadata = await learnerAdmin.fetchTopicMetadata({ topics: [TOPIC] });
  t.same(metadata.topics[0]!.partitions.map((p) => p.leader).sort(), [1, 1, 1], 'Metadata names the learner (node 1) as leader of what it holds');

  const fromRoot = await consumeAll(root, 'on-root', 60);
  const fromLearner = await consumeAll(learner, 'on-learner', 60);
  t.equal(fromLearner.length, 60, 'kafkajs group on the learner reads 60 records');
  t.same(fromLearner, fromRoot, 'kafkajs on the learner sees exactly the root\'s records at the same offsets');

  const offsetsOnLearner = await learnerAdmin.fetchOffsets({ groupId: 'on-learner', topics: [TOPIC] });
  t.same(offsetsOnLearner[0]!.partitions.map((p) => Number(p.offset)).sort((a, b) => a - b), [...rootHw].sort((a, b) => a - b), 'the group committed its offsets on the learner');

  if (haveClient(t, 'kcat')) {
    const out = execFileSync('kcat', ['-b', learner.bootstrap, '-C', '-t', TOPIC, '-o', 'beginning', '-e', '-q', '-f', '%p|%o|%k|%s\\n'], { encoding: 'utf8', timeout: KCAT_TIMEOUT_MS });
    const kcatSeen = sorted(out.trim().split('\n').map((l) => {
      const [p, o, k, v] = l.split('|');
      return { partition: Number(p), offset: Number(o), key: k!, value: v! };
    }));
    t.same(kcatSeen, fromRoot, 'kcat (librdkafka) on the learner sees exactly the root\'s records');
  }

  const refused = kafka(learner, 'learner-producer').producer({ retry: { retries: 0 } });
  await refused.connect();
  const err = await refused.send({ topic: TOPIC, messages: [{ value: 'x' }] }).then(() => null, (e: unknown) => e as { type?: string });
  await refused.disconnect();
  t.equal(err?.type, 'POLICY_VIOLATION', 'Produce to the learner is refused with POLICY_VIOLATION');
  t.same(await highWatermarks(learnerAdmin), rootHw, 'the refused produce left the learner unchanged');

  await t.test('SIGKILL the learner, produce more, restart: it resumes with no gap or duplicate', async (t) => {
    await learnerAdmin.disconnect();
    learner.kill('SIGKILL');
    await learner.exited;
    await produce(root, 60, 60);
    const rootHw2 = await highWatermarks(rootAdmin);
    learner = await spawnBroker(top, { dataDir: learnerDataDir, args: learnerArgs });
    learnerAdmin = kafka(learner, 'learner-admin-2').admin();
    await learnerAdmin.connect();
    t.same(await caughtUp(learnerAdmin, rootHw2), rootHw2, 'the restarted learner catches up');
    const again = await consumeAll(learner, 'after-restart', 120);
    const rootAgain = await consumeAll(root, 'root-after-restart', 120);
    t.equal(again.length, 120, '120 records on the learner');
    t.same(again, rootAgain, 'the same records at the same offsets as the root, none twice, none missing');
    for (let p = 0; p < PARTITIONS; p++) {
      const offsets = again.filter((s) => s.partition === p).map((s) => s.offset);
      t.same(offsets, offsets.map((_, i) => i), `partition ${p}: offsets 0..${offsets.length - 1} with no gap`);
    }
  });

  await t.test('the learner is never above the root, and keeps its high watermark while the root is stopped', async (t) => {
    const producing = produce(root, 120, 100);
    let samples = 0;
    let above = 0;
    let finished = false;
    void producing.finally(() => (finished = true));
    while (!finished) {
      // The learner first: the root's high watermark only grows, so a later root sample bounds it.
      const l = await highWatermarks(learnerAdmin);
      const r = await highWatermarks(rootAdmin);
      samples++;
      if (l.some((v, i) => v > r[i]!)) above++;
    }
    await producing;
    t.ok(samples > 0, `sampled ${samples} times while producing`);
    t.equal(above, 0, 'no learner high watermark above the root\'s');
    const rootHw3 = await highWatermarks(rootAdmin);
    t.same(await caughtUp(learnerAdmin, rootHw3), rootHw3, 'caught up after the burst');

    root.kill('SIGSTOP');
    t.teardown(() => root.kill('SIGCONT'));
    const during: number[][] = [];
    for (let i = 0; i < 20; i++) {
      during.push(await highWatermarks(learnerAdmin));
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    root.kill('SIGCONT');
    t.ok(during.every((hw) => JSON.stringify(hw) === JSON.stringify(rootHw3)), 'while the root is stopped the learner keeps serving its high watermark, never lower');
    await produce(root, 220, 10);
    const rootHw4 = await highWatermarks(rootAdmin);
    t.same(await caughtUp(learnerAdmin, rootHw4), rootHw4, 'after SIGCONT the learner follows the root again');
    await learnerAdmin.disconnect();
  });
});
