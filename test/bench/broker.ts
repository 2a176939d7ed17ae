/**
 * The broker benchmark (`npm run bench`): a librdkafka client (node-rdkafka 3.6, librdkafka 2.12,
 * in this process) drives
 *   - the real broker (spawned like the tests do: `--fsync always`, its default), and
 *   - the null sink (test/bench/null-sink.ts, a separate process that acknowledges Produce
 *     requests and drops them), the ceiling for this client on this machine,
 * in the same run, interleaved so both see the same machine load. For 100 B and 1 KiB records:
 * produce throughput with acks=1 and acks=all, consume throughput (broker only: the sink stores
 * nothing), and produce latency (call → delivery report) at a fixed 20,000 records/s with
 * acks=all. Prints a Markdown table with ratios to the null sink, and the goals:
 * acks=all ≥ 0.5× the null sink's records/s; p99 ≤ 5 ms at 20,000/s.
 *
 * BENCH_SCALE (default 1) scales the record counts (e.g. 0.2 for a quick look).
 * BENCH_ONLY=latency runs only the latency rows; BENCH_LATENCY_LINGER_MS their linger.ms values ("0,5");
 * BENCH_LATENCY_RATE their rate (20000).
 * BENCH_BROKER_ARGS adds flags to the broker's `start` command (e.g. "--fsync never").
 * BENCH_BROKER=host:port measures an already running broker instead of spawning one.
 * BENCH_PROFILE_DIR=dir runs the broker under `node --cpu-prof` and leaves its .cpuprofile there.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnBroker } from '../helpers/spawn-broker.js';

const require = createRequire(import.meta.url);
const rdkafka = require('node-rdkafka') as typeof import('node-rdkafka');

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const SIZES = [
  { label: '100 B', bytes: 100, records: Math.round(200_000 * SCALE) },
  { label: '1 KiB', bytes: 1024, records: Math.round(60_000 * SCALE) },
];
const LATENCY_RATE_PER_S = Number(process.env.BENCH_LATENCY_RATE ?? '20000');
const LATENCY_SECONDS = 5;
const LATENCY_RECORD_BYTES = 100;
/** linger.ms of the latency runs: 0 (a request per few records) and librdkafka's default 5. */
const LATENCY_LINGERS_MS = (process.env.BENCH_LATENCY_LINGER_MS ?? '0,5').split(',').map(Number);
/** Time given to a run before it is reported as incomplete. */
const RUN_MS_MAX = 60_000;
const CONNECT_MS_MAX = 15_000;
const DELIVERY_POLL_MS = 5;
/** Poll delivery reports every millisecond in the latency run (adds at most ~1 ms, to both). */
const LATENCY_POLL_MS = 1;
const CONSUME_BATCH = 1000;
const GOAL_ACKS_ALL_RATIO = 0.5;
const GOAL_P99_MS = 5;
const SINK_READY_MS_MAX = 30_000;
/** BENCH_BROKER_ARGS: extra `start` flags for the broker, space-separated (e.g. "--fsync never"). */
const EXTRA_BROKER_ARGS = (process.env.BENCH_BROKER_ARGS ?? '').split(' ').filter((a) => a !== '');

interface Target {
  name: string;
  bootstrap: string;
}

const producerConf = (bootstrap: string, acks: number, extra: Record<string, unknown> = {}) => ({
  'bootstrap.servers': bootstrap,
  dr_cb: true,
  acks,
  'linger.ms': 5,
  'batch.num.messages': 10_000,
  'batch.size': 1_000_000,
  'queue.buffering.max.messages': 2_000_000,
  'queue.buffering.max.kbytes': 2_000_000,
  'compression.codec': 'none',
  ...extra,
});

async function connected<T extends { connect(o: unknown, cb: (err: unknown) => void): unknown }>(client: T): Promise<T> {
  await new Promise<void>((res, rej) => client.connect({ timeout: CONNECT_MS_MAX }, (err) => (err ? rej(err instanceof Error ? err : new Error(String(err))) : res())));
  return client;
}

function disconnect(client: { disconnect(cb: () => void): unknown }): Promise<void> {
  return new Promise((res) => client.disconnect(() => res()));
}

/** Produces one record and waits for its report, so topic creation and connections are done. */
async function warmUp(producer: import('node-rdkafka').Producer, topic: string, reports: { n: number }): Promise<void> {
  const before = reports.n;
  producer.produce(topic, 0, Buffer.from('warm-up'), null, Date.now());
  const deadline = Date.now() + RUN_MS_MAX;
  while (reports.n === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, DELIVERY_POLL_MS));
}

interface Throughput {
  recordsPerS: number;
  mbPerS: number;
  complete: boolean;
}

async function produceThroughput(target: Target, topic: string, bytes: number, count: number, acks: number): Promise<Throughput> {
  const producer = await connected(new rdkafka.Producer(producerConf(target.bootstrap, acks) as never));
  const reports = { n: 0, errors: 0 };
  producer.on('delivery-report', (err) => {
    reports.n++;
    if (err) reports.errors++;
  });
  producer.setPollInterval(DELIVERY_POLL_MS);
  try {
    await warmUp(producer, topic, reports);
    const value = Buffer.alloc(bytes, 0x61);
    const start = performance.now();
    const target0 = reports.n + count;
    for (let i = 0; i < count; i++) producer.produce(topic, 0, value, null, Date.now());
    const deadline = Date.now() + RUN_MS_MAX;
    while (reports.n < target0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, DELIVERY_POLL_MS));
    const seconds = (performance.now() - start) / 1000;
    const done = count - (target0 - reports.n);
    if (reports.errors > 0) throw new Error(`${reports.errors} delivery errors against ${target.name}`);
    return { recordsPerS: done / seconds, mbPerS: (done * bytes) / seconds / 1e6, complete: done === count };
  } finally {
    await disconnect(producer);
  }
}

async function consumeThroughput(target: Target, topic: string, bytes: number, count: number): Promise<Throughput> {
  const consumer = await connected(
    new rdkafka.KafkaConsumer(
      { 'bootstrap.servers': target.bootstrap, 'group.id': 'bench-assign', 'enable.auto.commit': false, 'fetch.wait.max.ms': 100, 'fetch.message.max.bytes': 4 << 20, 'queued.max.messages.kbytes': 256 << 10 },
      {},
    ),
  );
  try {
    const start = performance.now();
    consumer.assign([{ topic, partition: 0, offset: 0 }]);
    let n = 0;
    const deadline = Date.now() + RUN_MS_MAX;
    while (n < count && Date.now() < deadline) {
      n += await new Promise<number>((res, rej) => consumer.consume(CONSUME_BATCH, (err, msgs) => (err ? rej(err) : res(msgs.length))));
    }
    const seconds = (performance.now() - start) / 1000;
    return { recordsPerS: n / seconds, mbPerS: (n * bytes) / seconds / 1e6, complete: n >= count };
  } finally {
    await disconnect(consumer);
  }
}

interface Latency {
  p50: number;
  p99: number;
  p999: number;
  max: number;
  achievedPerS: number;
  complete: boolean;
}

/** Paced produce at `rate`/s; latency = delivery report time - produce call time. */
async function produceLatency(target: Target, topic: string, lingerMs: number): Promise<Latency> {
  const count = Math.round(LATENCY_RATE_PER_S * LATENCY_SECONDS * Math.min(1, SCALE));
  const producer = await connected(new rdkafka.Producer(producerConf(target.bootstrap, -1, { 'linger.ms': lingerMs }) as never));
  const sentAt = new Float64Array(count);
  const latencies: number[] = [];
  const reports = { n: 0, errors: 0 };
  producer.on('delivery-report', (err, r) => {
    reports.n++;
    if (err) reports.errors++;
    else if (typeof r.opaque === 'number') latencies.push(performance.now() - sentAt[r.opaque]!);
  });
  producer.setPollInterval(LATENCY_POLL_MS);
  try {
    await warmUp(producer, topic, reports);
    const value = Buffer.alloc(LATENCY_RECORD_BYTES, 0x62);
    const start = performance.now();
    let sent = 0;
    while (sent < count) {
      const due = Math.min(count, Math.floor(((performance.now() - start) / 1000) * LATENCY_RATE_PER_S));
      for (; sent < due; sent++) {
        sentAt[sent] = performance.now();
        producer.produce(topic, 0, value, null, Date.now(), sent);
      }
      await new Promise((r) => setImmediate(r));
    }
    const sendSeconds = (performance.now() - start) / 1000;
    const deadline = Date.now() + RUN_MS_MAX;
    while (latencies.length + reports.errors < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, DELIVERY_POLL_MS));
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    return { p50: q(0.5), p99: q(0.99), p999: q(0.999), max: latencies[latencies.length - 1] ?? NaN, achievedPerS: count / sendSeconds, complete: latencies.length === count };
  } finally {
    await disconnect(producer);
  }
}

async function startSink(): Promise<{ bootstrap: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'null-sink.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error('null sink not ready')), SINK_READY_MS_MAX);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /"listening":(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
    child.once('exit', (code) => rej(new Error(`null sink exited (${code})`)));
  });
  return { bootstrap: `127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');

/** The broker under `node --cpu-prof` (not allowed in NODE_OPTIONS, so spawned here directly). */
async function spawnProfiledBroker(dir: string): Promise<{ bootstrap: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-bench-'));
  const main = join(import.meta.dirname, '../../src/cli/main.ts');
  const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', main, 'start', '--listen', '127.0.0.1:0', '--data-dir', dataDir, '--fsync', 'always', '--admin-listen', 'off', ...EXTRA_BROKER_ARGS], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error('profiled broker not ready')), SINK_READY_MS_MAX);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /"msg":"canopy listening"[^\n]*?"port":(\d+)|"port":(\d+)[^\n]*?"msg":"canopy listening"/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1] ?? m[2]));
      }
    });
  });
  return {
    bootstrap: `127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function runBrokerBench(): Promise<string> {
  const teardowns: Array<() => unknown> = [];
  const holder = { teardown: (fn: () => unknown) => void teardowns.push(fn) };
  const startedAt = Date.now();
  let broker: { bootstrap: string; stop(): Promise<unknown> } | undefined;
  let sink: { bootstrap: string; stop(): void } | undefined;
  const lines: string[] = [];
  try {
    const external = process.env.BENCH_BROKER;
    [broker, sink] = await Promise.all([external ? { bootstrap: external, stop: async () => undefined } : process.env.BENCH_PROFILE_DIR ? spawnProfiledBroker(process.env.BENCH_PROFILE_DIR) : spawnBroker(holder, { args: ['--fsync', 'always', '--admin-listen', 'off', ...EXTRA_BROKER_ARGS] }), startSink()]);
    const targets: Target[] = [
      { name: 'broker', bootstrap: broker.bootstrap },
      { name: 'null sink', bootstrap: sink.bootstrap },
    ];
    lines.push('| records | measure | Canopy rec/s | Canopy MB/s | null sink rec/s | null sink MB/s | ratio |', '|---|---|---:|---:|---:|---:|---:|');
    const goals: string[] = [];
    for (const size of process.env.BENCH_ONLY === 'latency' ? [] : SIZES) {
      for (const [acks, label] of [
        [1, 'produce acks=1'],
        [-1, 'produce acks=all (fsync always)'],
      ] as const) {
        const res: Throughput[] = [];
        for (const target of targets) {
          res.push(await produceThroughput(target, `bench-${size.bytes}-${acks === 1 ? 'a1' : 'all'}`, size.bytes, size.records, acks));
          process.stderr.write(`${size.label} ${label} ${target.name}: ${f0(res.at(-1)!.recordsPerS)} rec/s\n`);
        }
        const [c, s] = res as [Throughput, Throughput];
        const ratio = c.recordsPerS / s.recordsPerS;
        lines.push(`| ${size.label} × ${size.records.toLocaleString('en-US')} | ${label}${c.complete ? '' : ' (incomplete)'} | ${f0(c.recordsPerS)} | ${f1(c.mbPerS)} | ${f0(s.recordsPerS)} | ${f1(s.mbPerS)} | ${f2(ratio)}× |`);
        if (acks === -1) goals.push(`${size.label}: acks=all ${f2(ratio)}× the null sink (goal ≥ ${GOAL_ACKS_ALL_RATIO}×): ${ratio >= GOAL_ACKS_ALL_RATIO ? 'met' : 'NOT met'}`);
      }
      const c = await consumeThroughput(targets[0]!, `bench-${size.bytes}-all`, size.bytes, size.records + 1);
      process.stderr.write(`${size.label} consume: ${f0(c.recordsPerS)} rec/s\n`);
      lines.push(`| ${size.label} × ${size.records.toLocaleString('en-US')} | consume (assign, from offset 0)${c.complete ? '' : ' (incomplete)'} | ${f0(c.recordsPerS)} | ${f1(c.mbPerS)} | — | — | — |`);
    }
    lines.push('', `Produce latency, ${LATENCY_RECORD_BYTES} B records at a fixed ${LATENCY_RATE_PER_S.toLocaleString('en-US')} records/s for ${LATENCY_SECONDS} s, acks=all (call → delivery report, ms; delivery reports polled every ${LATENCY_POLL_MS} ms):`, '');
    lines.push('| target | linger.ms | p50 | p99 | p999 | max | achieved rec/s |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const lingerMs of LATENCY_LINGERS_MS) {
      for (const target of targets) {
        const l = await produceLatency(target, `bench-latency-${lingerMs}`, lingerMs);
        process.stderr.write(`latency linger ${lingerMs} ${target.name}: p99 ${f2(l.p99)} ms\n`);
        lines.push(`| ${target.name === 'broker' ? 'Canopy (fsync always)' : 'null sink'}${l.complete ? '' : ' (incomplete)'} | ${lingerMs} | ${f2(l.p50)} | ${f2(l.p99)} | ${f2(l.p999)} | ${f2(l.max)} | ${f0(l.achievedPerS)} |`);
        if (target.name === 'broker') goals.push(`p99 at ${LATENCY_RATE_PER_S.toLocaleString('en-US')}/s, linger.ms=${lingerMs}: ${f2(l.p99)} ms (goal ≤ ${GOAL_P99_MS} ms): ${l.p99 <= GOAL_P99_MS ? 'met' : 'NOT met'}`);
      }
    }
    lines.push('', ...goals.map((g) => `- ${g}`), '', `(${((Date.now() - startedAt) / 1000).toFixed(0)} s in all)`);
    return lines.join('\n');
  } finally {
    sink?.stop();
    await broker?.stop();
    for (const fn of teardowns.reverse()) await fn();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write((await runBrokerBench()) + '\n');
}
