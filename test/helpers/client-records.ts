/**
 * One record model for the real-client interop tests (test/interop/*-records.test.ts and the
 * cross-client matrix): every client adapter here produces a list of `Rec` to one partition, or
 * reads records back as `ReadRec`, so what one client wrote can be compared with what another
 * read, byte for byte (keys, values, header names and values, timestamps, offsets).
 *
 * - Python clients (test/interop/clients/ck_records.py, kp_records.py) exchange records as JSON
 *   with base64 bytes (`toWire` / `fromWire`).
 * - kcat reads through a -f format that prints key and value lengths, so the bytes are cut out of
 *   its output exactly; its headers come back as "name=value" text (keep header values ASCII,
 *   without ',' or '=' when kcat is one of the readers).
 */
import { execFile, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Consumer as PltConsumer, Producer as PltProducer } from '@platformatic/kafka';
import { DEBIAN_PYTHON } from './debian-client.js';
import { buildGoClient, runGoClient } from './go-client.js';

const require = createRequire(import.meta.url);
const rdkafka = require('node-rdkafka') as typeof import('node-rdkafka');

export interface Rec {
  key: Buffer | null;
  value: Buffer | null;
  headers: Array<[string, Buffer]>;
  timestamp: number;
}

export interface ReadRec extends Rec {
  topic: string;
  partition: number;
  offset: number;
}

/** Where to read: COUNT records of topic/partition from offset. */
export interface ReadSpec {
  topic: string;
  partition: number;
  offset: number;
  count: number;
}

export const CLIENT_TIMEOUT_MS = 60_000;
const READ_WAIT_MS_MAX = 30_000;
const POLL_MS = 100;
const FETCH_MAX_BYTES = 1 << 20;
const PY_CLIENTS = join(import.meta.dirname, '../interop/clients');

/** Every byte value once, so no codec or text layer can hide a change. */
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const BIG_VALUE_BYTES = 5000;

/**
 * The reference records: binary key and value, a null key, a null value (tombstone), an empty
 * value, UTF-8 text, a larger value, several headers with unique names (platformatic keeps
 * headers in a Map) and explicit timestamps `base + i`.
 */
export function referenceRecords(tag: string, base = 1_700_000_000_000): Rec[] {
  const big = Buffer.alloc(BIG_VALUE_BYTES);
  for (let i = 0; i < big.length; i++) big[i] = (i * 31 + tag.length) & 0xff;
  const h = (name: string, value: string): [string, Buffer] => [name, Buffer.from(value)];
  return [
    { key: Buffer.from([0x00, 0xff, 0x0a, 0x6b]), value: ALL_BYTES, headers: [h('src', tag), h('trace', 'abc-123')], timestamp: base + 1 },
    { key: null, value: Buffer.from(`no key from ${tag}`), headers: [], timestamp: base + 2 },
    { key: Buffer.from('tomb'), value: null, headers: [h('deleted', 'yes')], timestamp: base + 3 },
    { key: Buffer.from('empty'), value: Buffer.alloc(0), headers: [h('empty', '')], timestamp: base + 4 },
    { key: Buffer.from('ключ'), value: Buffer.from('значение ✓'), headers: [h('lang', 'ru')], timestamp: base + 5 },
    { key: Buffer.from('big'), value: big, headers: [h('n', '5')], timestamp: base + 6 },
  ];
}

/** A comparable, readable form (hex bytes) for t.same. */
export function show(r: Rec): { key: string | null; value: string | null; headers: string[]; timestamp: number } {
  return {
    key: r.key === null ? null : r.key.toString('hex'),
    value: r.value === null ? null : r.value.toString('hex'),
    headers: r.headers.map(([n, v]) => `${n}=${v.toString('hex')}`),
    timestamp: r.timestamp,
  };
}

// --- JSON wire form for the Python clients ---

interface WireRec {
  k: string | null;
  v: string | null;
  h: Array<[string, string]>;
  ts: number;
  topic?: string;
  p?: number;
  o?: number;
}

const b64 = (b: Buffer | null) => (b === null ? null : b.toString('base64'));
const unb64 = (s: string | null) => (s === null ? null : Buffer.from(s, 'base64'));

export function toWire(r: Rec): WireRec {
  return { k: b64(r.key), v: b64(r.value), h: r.headers.map(([n, v]) => [n, v.toString('base64')]), ts: r.timestamp };
}

export function fromWire(w: WireRec): ReadRec {
  return { topic: w.topic!, partition: w.p!, offset: w.o!, key: unb64(w.k), value: unb64(w.v), headers: w.h.map(([n, v]) => [n, unb64(v)!]), timestamp: w.ts };
}

export interface DeliveryReport {
  i: number;
  err: string | null;
  p?: number;
  o?: number;
  ts?: number;
}

function runPython(script: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(DEBIAN_PYTHON, [join(PY_CLIENTS, script), ...args], { timeout: CLIENT_TIMEOUT_MS, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${script} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
    child.stdin!.end(input ?? '');
  });
}

const assignArgs = (specs: ReadSpec[]) => specs.flatMap((s) => ['--assign', `${s.topic}:${s.partition}:${s.offset}:${s.count}`]);

// --- confluent-kafka-python ---

export async function ckProduce(bootstrap: string, topic: string, partition: number, records: Rec[], opts: { acks?: string; idempotence?: boolean } = {}): Promise<DeliveryReport[]> {
  const args = ['produce', '--bootstrap', bootstrap, '--topic', topic, '--partition', String(partition), '--acks', opts.acks ?? 'all'];
  if (opts.idempotence) args.push('--idempotence');
  const out = JSON.parse(await runPython('ck_records.py', args, JSON.stringify(records.map(toWire)))) as { reports: DeliveryReport[] };
  return out.reports;
}

export async function ckConsume(bootstrap: string, specs: ReadSpec[]): Promise<ReadRec[]> {
  return (JSON.parse(await runPython('ck_records.py', ['consume', '--bootstrap', bootstrap, ...assignArgs(specs)])) as WireRec[]).map(fromWire);
}

// --- Sarama (Go; built by go-client.ts) ---

export async function saramaProduce(bootstrap: string, topic: string, partition: number, records: Rec[]): Promise<number[]> {
  const bin = await buildGoClient('sarama-client');
  const r = await runGoClient(bin, ['records-produce', '-bootstrap', bootstrap, '-topic', topic, '-partition', String(partition)], { stdin: JSON.stringify(records.map(toWire)) });
  const line = r.lines.find((l) => l.step === 'records-produce');
  if (line?.ok !== true) throw new Error(`sarama records-produce failed: ${JSON.stringify(line)} ${r.stderr}`);
  return line.offsets as number[];
}

export async function saramaConsume(bootstrap: string, specs: ReadSpec[]): Promise<ReadRec[]> {
  const bin = await buildGoClient('sarama-client');
  const r = await runGoClient(bin, ['records-consume', '-bootstrap', bootstrap, ...specs.flatMap((s) => ['-assign', `${s.topic}:${s.partition}:${s.offset}:${s.count}`])]);
  const line = r.lines.find((l) => l.step === 'records-consume');
  if (line?.ok !== true) throw new Error(`sarama records-consume failed: ${JSON.stringify(line)} ${r.stderr}`);
  return (line.records as WireRec[]).map(fromWire);
}

// --- kafka-python ---

export async function kpProduce(bootstrap: string, topic: string, partition: number, records: Rec[], opts: { acks?: string; compression?: string } = {}): Promise<DeliveryReport[]> {
  const args = ['produce', '--bootstrap', bootstrap, '--topic', topic, '--partition', String(partition), '--acks', opts.acks ?? 'all', '--compression', opts.compression ?? 'none'];
  return (JSON.parse(await runPython('kp_records.py', args, JSON.stringify(records.map(toWire)))) as { reports: DeliveryReport[] }).reports;
}

export async function kpConsume(bootstrap: string, specs: ReadSpec[]): Promise<ReadRec[]> {
  return (JSON.parse(await runPython('kp_records.py', ['consume', '--bootstrap', bootstrap, ...assignArgs(specs)])) as WireRec[]).map(fromWire);
}

export interface KpAdminResult {
  created: string[];
  deleted: string[];
  errors: Record<string, number | string>;
  topics: string[];
  partitions: Record<string, [number, number]>;
}

export async function kpAdmin(bootstrap: string, create: Array<[string, number]>, del: string[]): Promise<KpAdminResult> {
  const args = ['admin', '--bootstrap', bootstrap, ...create.flatMap(([n, p]) => ['--create', `${n}:${p}`]), ...del.flatMap((n) => ['--delete', n])];
  return JSON.parse(await runPython('kp_records.py', args)) as KpAdminResult;
}

// --- kcat (librdkafka 2.0.2) ---

/** kcat can neither set per-record timestamps nor per-record headers: one -H for all. */
const KCAT_KEY_DELIM = 0x1f;
const KCAT_MSG_DELIM = 0x1e;

/**
 * kcat -P with -K/-D on control bytes, -Z (empty key/value = NULL). Records must not contain the
 * delimiters; each record's headers are ignored except that `header` is sent on all of them.
 * Returns the records as sent (timestamps unknown: -1).
 */
export function kcatProduce(bootstrap: string, topic: string, partition: number, records: Array<{ key: Buffer | null; value: Buffer | null }>, header: [string, string], extra: string[] = []): void {
  const parts: Buffer[] = [];
  for (const r of records) {
    for (const b of [r.key, r.value]) if (b && (b.includes(KCAT_KEY_DELIM) || b.includes(KCAT_MSG_DELIM))) throw new Error('record holds a kcat delimiter');
    parts.push(r.key ?? Buffer.alloc(0), Buffer.from([KCAT_KEY_DELIM]), r.value ?? Buffer.alloc(0), Buffer.from([KCAT_MSG_DELIM]));
  }
  execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition), '-K', '\\x1f', '-D', '\\x1e', '-Z', '-H', `${header[0]}=${header[1]}`, ...extra], {
    input: Buffer.concat(parts),
    timeout: CLIENT_TIMEOUT_MS,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * kcat -C -e per partition. The format prints offset, timestamp, key length, value length and
 * headers on a text line, then the raw key and value bytes, so binary data is cut out exactly.
 */
export function kcatConsume(bootstrap: string, specs: ReadSpec[]): ReadRec[] {
  const out: ReadRec[] = [];
  for (const s of specs) {
    const raw = execFileSync('kcat', ['-b', bootstrap, '-C', '-t', s.topic, '-p', String(s.partition), '-o', String(s.offset), '-c', String(s.count), '-e', '-q', '-f', '%o %T %K %S %h\\n%k%s'], {
      timeout: CLIENT_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    });
    let pos = 0;
    while (pos < raw.length) {
      const nl = raw.indexOf(0x0a, pos);
      const line = raw.subarray(pos, nl).toString('latin1');
      const [o, ts, kl, vl, ...rest] = line.split(' ');
      const headerText = Buffer.from(rest.join(' '), 'latin1').toString('utf8');
      pos = nl + 1;
      const keyLen = Number(kl);
      const valueLen = Number(vl);
      const key = keyLen < 0 ? null : Buffer.from(raw.subarray(pos, pos + keyLen));
      pos += Math.max(keyLen, 0);
      const value = valueLen < 0 ? null : Buffer.from(raw.subarray(pos, pos + valueLen));
      pos += Math.max(valueLen, 0);
      const headers: Array<[string, Buffer]> =
        headerText === '' ? [] : headerText.split(',').map((kv) => {
          const eq = kv.indexOf('=');
          return [kv.slice(0, eq), Buffer.from(kv.slice(eq + 1))];
        });
      out.push({ topic: s.topic, partition: s.partition, offset: Number(o), timestamp: Number(ts), key, value, headers });
    }
  }
  return out;
}

// --- kafkajs 2.2.4 ---

export async function kafkajsProduce(bootstrap: string, topic: string, partition: number, records: Rec[], acks = -1): Promise<Array<{ baseOffset: number }>> {
  const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  await producer.connect();
  try {
    const res = await producer.send({
      topic,
      acks,
      messages: records.map((r) => ({ partition, key: r.key, value: r.value, timestamp: String(r.timestamp), headers: Object.fromEntries(r.headers) })),
    });
    return res.map((x) => ({ baseOffset: Number(x.baseOffset) }));
  } finally {
    await producer.disconnect();
  }
}

/** kafkajs reads only through a consumer group: a fresh group from the beginning of each topic. */
export async function kafkajsConsume(bootstrap: string, specs: ReadSpec[], groupId: string): Promise<ReadRec[]> {
  const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 500 });
  await consumer.connect();
  const got: ReadRec[] = [];
  const want = (r: ReadRec) => specs.some((s) => s.topic === r.topic && s.partition === r.partition && r.offset >= s.offset && r.offset < s.offset + s.count);
  const total = specs.reduce((n, s) => n + s.count, 0);
  try {
    for (const topic of new Set(specs.map((s) => s.topic))) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Array<[string, Buffer]> = [];
        for (const [n, v] of Object.entries(message.headers ?? {})) {
          for (const one of Array.isArray(v) ? v : [v]) headers.push([n, Buffer.isBuffer(one) ? one : Buffer.from(String(one))]);
        }
        const r: ReadRec = { topic, partition, offset: Number(message.offset), key: message.key, value: message.value, headers, timestamp: Number(message.timestamp) };
        if (want(r)) got.push(r);
      },
    });
    const deadline = Date.now() + READ_WAIT_MS_MAX;
    while (got.length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
  } finally {
    await consumer.disconnect();
  }
  return sortRead(got);
}

// --- node-rdkafka 3.6.1 (librdkafka 2.12) ---

export interface RdkafkaReport {
  partition: number;
  offset: number;
  timestamp: number;
}

/** HighLevelProducer: each produce call completes with its delivery report (the offset). */
export async function rdkafkaProduce(bootstrap: string, topic: string, partition: number, records: Rec[], conf: Record<string, string | number | boolean> = {}): Promise<RdkafkaReport[]> {
  const producer = new rdkafka.HighLevelProducer({ 'bootstrap.servers': bootstrap, 'linger.ms': 5, acks: -1, ...conf } as never);
  await new Promise<void>((res, rej) => producer.connect({ timeout: 10_000 } as never, (err) => (err ? rej(err) : res())));
  try {
    const reports: RdkafkaReport[] = [];
    await Promise.all(
      records.map(
        (r, i) =>
          new Promise<void>((res, rej) => {
            const headers = r.headers.map(([n, v]) => ({ [n]: v }));
            producer.produce(topic, partition, r.value, r.key, r.timestamp, headers, (err: unknown, offset?: number | null) => {
              if (err) rej(err instanceof Error ? err : new Error(String(err)));
              else {
                reports[i] = { partition, offset: offset ?? -1, timestamp: r.timestamp };
                res();
              }
            });
          }),
      ),
    );
    return reports;
  } finally {
    await new Promise<void>((res) => producer.disconnect(() => res()));
  }
}

/** KafkaConsumer with assign() at explicit offsets (no subscription, no commits). */
export async function rdkafkaConsume(bootstrap: string, specs: ReadSpec[]): Promise<ReadRec[]> {
  const consumer = new rdkafka.KafkaConsumer({ 'bootstrap.servers': bootstrap, 'group.id': 'rdkafka-assign', 'enable.auto.commit': false, 'fetch.wait.max.ms': 100 }, {});
  await new Promise<void>((res, rej) => consumer.connect({ timeout: 10_000 }, (err) => (err ? rej(err) : res())));
  const got: ReadRec[] = [];
  const total = specs.reduce((n, s) => n + s.count, 0);
  try {
    consumer.assign(specs.map((s) => ({ topic: s.topic, partition: s.partition, offset: s.offset })));
    const deadline = Date.now() + READ_WAIT_MS_MAX;
    while (got.length < total && Date.now() < deadline) {
      const batch = await new Promise<import('node-rdkafka').Message[]>((res, rej) => consumer.consume(100, (err, msgs) => (err ? rej(err) : res(msgs))));
      for (const m of batch) {
        const headers: Array<[string, Buffer]> = [];
        for (const h of m.headers ?? []) for (const [n, v] of Object.entries(h)) headers.push([n, Buffer.isBuffer(v) ? v : Buffer.from(v)]);
        const key = m.key === undefined || m.key === null ? null : Buffer.isBuffer(m.key) ? m.key : Buffer.from(m.key);
        got.push({ topic: m.topic, partition: m.partition, offset: m.offset, key, value: m.value, headers, timestamp: m.timestamp ?? -1 });
      }
    }
  } finally {
    await new Promise<void>((res) => consumer.disconnect(() => res()));
  }
  return sortRead(got).filter((r) => specs.some((s) => s.topic === r.topic && s.partition === r.partition && r.offset < s.offset + s.count));
}

// --- @platformatic/kafka 1.35 (flexible versions only) ---

export async function platformaticProduce(bootstrap: string, topic: string, partition: number, records: Rec[], acks = -1): Promise<Array<{ partition: number; offset: number }>> {
  const producer = new PltProducer({ clientId: 'plt-records', bootstrapBrokers: [bootstrap], autocreateTopics: true });
  try {
    // Client quirk: send() defaults acks to 1 itself, so a constructor `acks` is not used.
    const res = await producer.send({
      acks,
      messages: records.map((r) => ({
        topic,
        partition,
        key: r.key ?? undefined,
        value: r.value ?? undefined,
        headers: new Map(r.headers.map(([n, v]) => [Buffer.from(n), v])),
        timestamp: BigInt(r.timestamp),
      })),
    });
    return (res.offsets ?? []).map((o) => ({ partition: o.partition, offset: Number(o.offset) }));
  } finally {
    await producer.close();
  }
}

/** One stored batch as a Fetch returned it (header fields and its records). */
export interface FetchedBatch {
  firstOffset: number;
  attributes: number;
  producerId: number;
  producerEpoch: number;
  firstSequence: number;
  firstTimestamp: number;
  records: ReadRec[];
}

/**
 * Consumer.fetch (Fetch v12+ with topic ids) of COUNT records from an offset, batch by batch: no
 * group at all. Batches are returned whole (records before the offset included).
 */
async function platformaticBatches(bootstrap: string, specs: ReadSpec[]): Promise<Map<ReadSpec, FetchedBatch[]>> {
  const consumer = new PltConsumer({ clientId: 'plt-fetch', groupId: 'plt-unused', bootstrapBrokers: [bootstrap] });
  const out = new Map<ReadSpec, FetchedBatch[]>();
  try {
    const md = await consumer.metadata({ topics: [...new Set(specs.map((s) => s.topic))] });
    for (const s of specs) {
      const batches: FetchedBatch[] = [];
      out.set(s, batches);
      const topicMd = md.topics.get(s.topic)!;
      const node = topicMd.partitions[s.partition]!.leader;
      let next = s.offset;
      const deadline = Date.now() + READ_WAIT_MS_MAX;
      while (next < s.offset + s.count && Date.now() < deadline) {
        const res = await consumer.fetch({
          node,
          maxWaitTime: 100,
          minBytes: 1,
          maxBytes: FETCH_MAX_BYTES,
          topics: [{ topicId: topicMd.id, partitions: [{ partition: s.partition, fetchOffset: BigInt(next), currentLeaderEpoch: -1, lastFetchedEpoch: -1, partitionMaxBytes: FETCH_MAX_BYTES }] }],
        });
        for (const t of res.responses) {
          for (const p of t.partitions) {
            if (p.errorCode !== 0) throw new Error(`fetch ${s.topic}-${s.partition}: error ${p.errorCode}`);
            for (const batch of p.records ?? []) {
              const fb: FetchedBatch = {
                firstOffset: Number(batch.firstOffset),
                attributes: batch.attributes,
                producerId: Number(batch.producerId),
                producerEpoch: batch.producerEpoch,
                firstSequence: batch.firstSequence,
                firstTimestamp: Number(batch.firstTimestamp),
                records: batch.records.map((r) => ({
                  topic: s.topic,
                  partition: s.partition,
                  offset: Number(batch.firstOffset) + r.offsetDelta,
                  key: r.key === null || r.key === undefined ? null : Buffer.from(r.key),
                  value: r.value === null || r.value === undefined ? null : Buffer.from(r.value),
                  headers: r.headers.map(([n, v]): [string, Buffer] => [n === null ? '' : n.toString(), v === null ? Buffer.alloc(0) : Buffer.from(v)]),
                  timestamp: Number(batch.firstTimestamp + r.timestampDelta),
                })),
              };
              if (fb.firstOffset + batch.lastOffsetDelta < next) continue;
              batches.push(fb);
              next = fb.firstOffset + batch.lastOffsetDelta + 1;
            }
          }
        }
      }
    }
  } finally {
    await consumer.close(true);
  }
  return out;
}

/** Records COUNT from OFFSET of each spec, read with platformatic's low-level Fetch. */
export async function platformaticFetch(bootstrap: string, specs: ReadSpec[]): Promise<ReadRec[]> {
  const got: ReadRec[] = [];
  for (const [s, batches] of await platformaticBatches(bootstrap, specs)) {
    for (const b of batches) got.push(...b.records.filter((r) => r.offset >= s.offset && r.offset < s.offset + s.count));
  }
  return got;
}

/** Every batch of a partition up to its high watermark (read with platformatic's Fetch). */
export async function platformaticFetchBatches(bootstrap: string, topic: string, partition: number): Promise<FetchedBatch[]> {
  const consumer = new PltConsumer({ clientId: 'plt-offsets', groupId: 'plt-unused', bootstrapBrokers: [bootstrap] });
  let end: number;
  try {
    const offsets = await consumer.listOffsets({ topics: [topic] });
    end = Number(offsets.get(topic)![partition]);
  } finally {
    await consumer.close(true);
  }
  const spec = { topic, partition, offset: 0, count: end };
  return (await platformaticBatches(bootstrap, [spec])).get(spec)!;
}

export function sortRead(rs: ReadRec[]): ReadRec[] {
  return [...rs].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition || a.offset - b.offset));
}
