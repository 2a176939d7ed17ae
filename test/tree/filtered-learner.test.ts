/**
 * Edge filters applied end to end (issue #11 items 1-3), all real processes on 127.0.0.1: a root
 * started with a tree config naming two learners, each learner started with its name, kafkajs
 * producing mixed records to the root. Each learner holds exactly filter(root log): the selected
 * records, projected, at the root's offsets, with the root's high watermark (removed records are
 * skipped by the consumer, which reaches the last record). A learner the tree does not name is
 * refused; an invalid tree config stops the start with exit 2 naming the entry.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { spawnBroker, type SpawnedBroker } from '../helpers/spawn-broker.js';
import { runCli } from '../helpers/cli.js';
import { haveClient } from '../helpers/debian-client.js';
import { groupConsume } from '../helpers/group-consume.js';

// kafkajs's own murmur2 (its default partitioner's): an oracle for keyHash independent of src/.
const murmur2 = createRequire(import.meta.url)('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: string) => number;
const hashMod2 = (key: string) => (murmur2(key) & 0x7fffffff) % 2;

const TOPIC = 'events';
const OTHER = 'other';
const PARTITIONS = 2;
const WAIT_MS_MAX = 30_000;
const POLL_MS = 100;

const TREE = `
learners:
  - name: eu
    upstream: root
    topics: [${TOPIC}]
    filter:
      key: { prefix: "eu-" }
      project: { truncateBytes: 4, headers: [keep] }
  - name: shard0
    upstream: root
    filter:
      keyHash: { modulo: 2, equals: 0 }
      project: { value: drop }
`;

interface Seen { partition: number; offset: number; key: string; value: string | null; headers: Record<string, string> }

function kafka(b: SpawnedBroker, clientId: string): Kafka {
  return new Kafka({ clientId, brokers: [b.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
}

async function highWatermarks(admin: Admin): Promise<number[]> {
  const offsets = await admin.fetchTopicOffsets(TOPIC);
  return offsets.sort((a, b) => a.partition - b.partition).map((o) => Number(o.high));
}

async function until<T>(probe: () => Promise<T>, done: (x: T) => boolean): Promise<T> {
  let got = await probe();
  for (let waited = 0; waited < WAIT_MS_MAX && !done(got); waited += POLL_MS) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    got = await probe();
  }
  return got;
}

/** Every record of TOPIC read by a kafkajs group consumer until `count` arrived (bounded). */
function consumeAll(b: SpawnedBroker, groupId: string, count: number): Promise<Seen[]> {
  return groupConsume(kafka(b, groupId), groupId, TOPIC, count, WAIT_MS_MAX, (partition, message) => ({
    partition, offset: Number(message.offset), key: message.key!.toString(), value: message.value === null ? null : message.value.toString(),
    headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
  }));
}

/** The first key `prefix-N` (N from `from`) whose murmur2 is even: kept by both filters. */
function evenKey(prefix: string, from: number): string {
  for (let n = from; ; n++) if (hashMod2(`${prefix}-${n}`) === 0) return `${prefix}-${n}`;
}

t.test('two learners of one root each hold exactly their edge filter of the root log', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-tree-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const treeFile = join(dir, 'tree.yaml');
  writeFileSync(treeFile, TREE);

  const root = await spawnBroker(t, { args: ['--internal-listen', '127.0.0.1:0', '--tree', treeFile, '--group-initial-rebalance-delay-ms', '0'] });
  const learnerArgs = (nodeId: number, name: string) => ['--role', 'learner', '--upstream', `127.0.0.1:${root.internalPort}`, '--node-id', String(nodeId), '--learner-name', name, '--group-initial-rebalance-delay-ms', '0'];
  const rootAdmin = kafka(root, 'root-admin').admin();
  await rootAdmin.connect();
  t.teardown(() => rootAdmin.disconnect());
  // OTHER first: a learner that holds TOPIC has been told of OTHER if its filter selects it.
  await rootAdmin.createTopics({ topics: [{ topic: OTHER, numPartitions: 1 }] });
  await rootAdmin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS }] });

  // Mixed batches per partition: some all removed by a filter (a hole), some mixed; the last
  // batch of each partition ends with a record both filters keep, so reading it proves the
  // consumer skipped every hole before it.
  const producer = kafka(root, 'producer').producer();
  await producer.connect();
  let n = 0;
  const record = (partition: number, key: string) => ({ partition, key, value: `value-${n++}-long`, headers: { keep: `k${n}`, drop: `d${n}` } });
  for (let p = 0; p < PARTITIONS; p++) {
    await producer.send({ topic: TOPIC, messages: Array.from({ length: 5 }, (_, i) => record(p, `us-${p}-${i}`)) });
    await producer.send({ topic: TOPIC, messages: Array.from({ length: 6 }, (_, i) => record(p, `${i % 2 === 0 ? 'eu' : 'us'}-${p}-${i}`)) });
    await producer.send({ topic: TOPIC, messages: Array.from({ length: 4 }, (_, i) => record(p, `eu-${p}-x${i}`)) });
    await producer.send({ topic: TOPIC, messages: [record(p, `us-${p}-y`), record(p, evenKey(`eu-${p}-end`, 0))] });
  }
  await producer.send({ topic: OTHER, messages: [{ key: 'eu-other', value: 'x' }] });
  await producer.disconnect();
  const rootHw = await highWatermarks(rootAdmin);
  t.same(rootHw, [17, 17], 'the root holds 17 records in each partition');
  const rootLog = await consumeAll(root, 'on-root', 34);
  t.equal(rootLog.length, 34, 'the whole root log read back');

  const filters: Record<string, (s: Seen) => Seen | null> = {
    eu: (s) => s.key.startsWith('eu-') ? { ...s, value: s.value!.slice(0, 4), headers: { keep: s.headers.keep! } } : null,
    shard0: (s) => hashMod2(s.key) === 0 ? { ...s, value: null } : null,
  };
  const learners: SpawnedBroker[] = [];
  let nodeId = 1;
  for (const [name, filter] of Object.entries(filters)) {
    const learner = await spawnBroker(t, { args: learnerArgs(nodeId++, name) });
    learners.push(learner);
    await t.test(`learner "${name}"`, async (t) => {
      const admin = kafka(learner, `${name}-admin`).admin();
      await admin.connect();
      t.teardown(() => admin.disconnect());
      const hw = await until(() => highWatermarks(admin).catch(() => []), (h) => JSON.stringify(h) === JSON.stringify(rootHw));
      t.same(hw, rootHw, 'its high watermarks are the root\'s: removed records still take their offsets');
      const want = rootLog.map(filter).filter((s): s is Seen => s !== null);
      t.ok(want.length > 0 && want.length < rootLog.length, `the filter keeps ${want.length} of ${rootLog.length} records`);
      const got = await consumeAll(learner, `on-${name}`, want.length);
      t.same(got, want, 'kafkajs on the learner reads exactly filter(root log): selected, projected, at the root\'s offsets');
      for (let p = 0; p < PARTITIONS; p++) {
        t.equal(got.filter((s) => s.partition === p).at(-1)?.offset, rootHw[p]! - 1, `partition ${p}: the consumer reached the last offset past every hole`);
      }
      if (haveClient(t, 'kcat')) {
        // -e: exits at the end of every partition, so it too has skipped every hole.
        const out = execFileSync('kcat', ['-b', learner.bootstrap, '-C', '-t', TOPIC, '-o', 'beginning', '-e', '-q', '-f', '%p|%o|%k|%s|%h\\n'], { encoding: 'utf8', timeout: WAIT_MS_MAX });
        const kcatSeen = out.trim().split('\n').map((l) => {
          const [p, o, k, v, h] = l.split('|');
          return { partition: Number(p), offset: Number(o), key: k!, value: v!, headers: h! === '' ? {} : Object.fromEntries(h!.split(',').map((kv) => kv.split('='))) };
        }).sort((a, b) => a.partition - b.partition || a.offset - b.offset);
        t.same(kcatSeen, want.map((s) => ({ ...s, value: s.value ?? '' })), 'kcat (librdkafka) on the learner reads the same filtered records (a dropped value prints empty)');
      }
    });
  }
  const [eu, shard0] = learners as [SpawnedBroker, SpawnedBroker];
  const shard0Admin = kafka(shard0, 'shard0-topics').admin();
  await shard0Admin.connect();
  t.teardown(() => shard0Admin.disconnect());
  const shard0Topics = await until(() => shard0Admin.listTopics(), (ts) => ts.includes(OTHER));
  t.ok(shard0Topics.includes(OTHER), 'shard0 (no topic selection) is told of the other topic');
  const euAdmin = kafka(eu, 'eu-topics').admin();
  await euAdmin.connect();
  t.teardown(() => euAdmin.disconnect());
  t.notOk((await euAdmin.listTopics()).includes(OTHER), 'eu (topics: [events]) is never told of the other topic');

  const stranger = await spawnBroker(t, { args: learnerArgs(nodeId++, 'stranger') });
  const log = await stranger.outputMatching(/not in this node's tree config/);
  t.match(log, /error 25\): learner \\*"stranger\\*" is not in this node's tree config/, 'a learner the tree config does not name is refused (UNKNOWN_MEMBER_ID, 25), and logs why');
  const strangerAdmin = kafka(stranger, 'stranger-admin').admin();
  await strangerAdmin.connect();
  t.teardown(() => strangerAdmin.disconnect());
  t.same((await strangerAdmin.listTopics()).filter((x) => !x.startsWith('__')), [], 'the refused learner holds no topic');
});

t.test('an invalid tree config stops the start with exit 2 naming the entry', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'canopy-tree-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const treeFile = join(dir, 'tree.yaml');
  writeFileSync(treeFile, 'learners:\n  - name: eu\n    upstream: nowhere\n    filter: { key: { prefix: "eu-" } }\n');
  const r = await runCli(['start', '--listen', '127.0.0.1:0', '--admin-listen', 'off', '--data-dir', join(dir, 'data'), '--tree', treeFile]);
  t.equal(r.code, 2, 'exit 2');
  t.match(r.stderr, /treeConfig .*learners\[0\] \(eu\)\.upstream: unknown node "nowhere"/, 'the error names the file\'s entry and field');
  const learner = await runCli(['start', '--listen', '127.0.0.1:0', '--admin-listen', 'off', '--data-dir', join(dir, 'data2'), '--role', 'learner', '--upstream', '127.0.0.1:1', '--tree', treeFile]);
  t.equal(learner.code, 2, 'a tree config on a learner is refused (exit 2)');
  t.match(learner.stderr, /treeConfig: only a single-node root/, 'naming the field');
});
