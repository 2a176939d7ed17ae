/**
 * kcat's balanced consumer (`kcat -G group topic`, librdkafka 2.0.2 from Debian) against the real
 * broker: two kcat processes split a six-partition topic and print every record once; their
 * commits (auto-commit, flushed at exit) let a third kcat in the same group read only what was
 * produced afterwards.
 */
import t from 'tap';
import { spawn } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { BROKER_READY_MS_MAX, tally, waitUntil } from '../helpers/group-interop.js';

const PARTITIONS = 6;
const N = 3000;
const EXTRA = 600;
const WAIT_MS_MAX = 90_000;
/** Kafka's default: members started together land in one generation even on a loaded machine. */
const INITIAL_REBALANCE_DELAY_MS = 3000;
const BROKER_ARGS = ['--default-partitions', String(PARTITIONS), '--group-initial-rebalance-delay-ms', String(INITIAL_REBALANCE_DELAY_MS)];

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';


interface Kcat {
  lines: Array<{ partition: number; offset: number; value: string }>;
  pid: number;
  exited: Promise<number | null>;
  stderr(): string;
}

function kcat(t: { teardown(fn: () => unknown): void }, bootstrap: string, group: string, topic: string, extra: string[] = []): Kcat {
  const child = spawn('kcat', ['-b', bootstrap, '-G', group, '-X', 'auto.offset.reset=earliest', '-X', 'auto.commit.interval.ms=500', '-q', '-u', '-f', '%p %o %s\\n', ...extra, topic], { stdio: ['ignore', 'pipe', 'pipe'] });
  const k: Kcat = { lines: [], pid: child.pid!, exited: new Promise((r) => child.once('exit', (code) => r(code))), stderr: () => err };
  let err = '';
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const [p, o, v] = pending.slice(0, nl).split(' ');
      pending = pending.slice(nl + 1);
      k.lines.push({ partition: Number(p), offset: Number(o), value: v! });
    }
  });
  child.stderr.on('data', (c: Buffer) => void (err += c.toString()));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGKILL');
      await k.exited;
    }
  });
  return k;
}

t.test('two kcat -G consumers split the topic; a later one resumes from their commits', async (t) => {
  if (!haveClient(t, 'kcat')) return;
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: BROKER_ARGS });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const send = async (from: number, to: number) => {
    for (let s = from; s < to; s += 1000) {
      const e = Math.min(to, s + 1000);
      await producer.send({ topic: 'kc', messages: Array.from({ length: e - s }, (_, k) => ({ partition: (s + k) % PARTITIONS, value: String(s + k) })) });
    }
  };
  await send(0, N);

  const a = kcat(t, broker.bootstrap, 'kc-g', 'kc');
  const b = kcat(t, broker.bootstrap, 'kc-g', 'kc');
  const seen = () => [...a.lines, ...b.lines].map((l) => l.value);
  t.ok(await waitUntil(() => new Set(seen()).size >= N, WAIT_MS_MAX), `read ${new Set(seen()).size} of ${N}`);
  const { missing, duplicates } = tally(seen(), N);
  t.same(missing, []);
  t.equal(duplicates, 0, 'each record printed once');
  const pa = new Set(a.lines.map((l) => l.partition));
  const pb = new Set(b.lines.map((l) => l.partition));
  t.ok(pa.size > 0 && pb.size > 0, 'both consumers got partitions');
  t.same([...pa].filter((p) => pb.has(p)), [], 'no partition read by both');

  // Let auto-commit run, then stop both cleanly (kcat commits and leaves the group on SIGTERM).
  const admin = kafka.admin();
  await admin.connect();
  const committed = async () => (await admin.fetchOffsets({ groupId: 'kc-g', topics: ['kc'] }))[0]!.partitions.map((p) => Number(p.offset));
  t.ok(await waitUntil(async () => (await committed()).every((o) => o === N / PARTITIONS), WAIT_MS_MAX), 'kcat committed every partition to its end');
  process.kill(a.pid, 'SIGTERM');
  process.kill(b.pid, 'SIGTERM');
  await Promise.all([a.exited, b.exited]);

  await send(N, N + EXTRA);
  const c = kcat(t, broker.bootstrap, 'kc-g', 'kc', ['-e']);
  t.equal(await c.exited, 0, `kcat -e exits at the end: ${c.stderr()}`);
  const values = c.lines.map((l) => Number(l.value)).sort((x, y) => x - y);
  t.equal(values.length, EXTRA, 'only the new records');
  t.equal(values[0], N);
  await admin.disconnect();
  await producer.disconnect();
});
