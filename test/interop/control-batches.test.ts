/**
 * Every client skips Raft's control batches and offset gaps (issue #10, DESIGN decision 1). A
 * partition journal is written with the journal API (test/helpers/control-gap-log.ts: control
 * batches of both Raft types at the start, between data, back to back and at the end; gaps inside
 * a batch, an emptied batch and a gap between segments), then a real broker opens it and each
 * client reads the partition from offset 0: each must see exactly the data records, at their
 * offsets, and reach the end. The results per client are the table in src/protocol/records/README.md.
 */
import t, { type Test } from 'tap';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Consumer as PltConsumer, stringDeserializers } from '@platformatic/kafka';
import { clientPresent, DEBIAN_PYTHON, haveClient } from '../helpers/debian-client.js';
import { buildGoClient, haveGoClient, runGoClient } from '../helpers/go-client.js';
import { waitUntil } from '../helpers/group-interop.js';
import { spawnBroker, type SpawnedBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { fetchRequest, listOffsetsRequest, produceRequest } from '../helpers/requests.js';
import { writeControlGapLog, writeControlOnlyLog, type ControlGapLog } from '../helpers/control-gap-log.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { iterateBatches } from '../../src/protocol/records/iterate-batches.js';
import { controlBatch, controlTypeOf, encodeControlBatch, CONTROL_TYPE_RAFT_CONFIG, CONTROL_TYPE_RAFT_NOOP } from '../../src/protocol/records/control-batch.js';
import { PARTITIONS_DIR } from '../../src/replication/partition-manager.js';

const require = createRequire(import.meta.url);
const rdkafka = require('node-rdkafka') as typeof import('node-rdkafka');

const TOPIC = 'ctl';
const FETCH_VERSION = 12;
const CLIENT_MS_MAX = 60_000;
const READ_MS_MAX = 30_000;

type Read = Array<[number, string]>;
const expected = (log: ControlGapLog): Read => log.records.map((r) => [r.offset, r.value]);
const sorted = (rs: Read): Read => [...rs].sort((a, b) => a[0] - b[0]);

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: CLIENT_MS_MAX, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : -1, stdout, stderr });
    });
  });
}

/** read_to_end.py with confluent-kafka-python (ck) or kafka-python (kp). */
async function readToEnd(t: Test, lib: 'ck' | 'kp', bootstrap: string, end: number, partition = 0): Promise<{ records: Read; position: number }> {
  const r = await run(DEBIAN_PYTHON, [join(import.meta.dirname, 'clients/read_to_end.py'), lib, bootstrap, TOPIC, String(end), String(partition)]);
  t.equal(r.code, 0, `position reached ${end}: ${r.stdout} ${r.stderr.slice(-2000)}`);
  return r.code === 0 ? JSON.parse(r.stdout) as { records: Read; position: number } : { records: [], position: -1 };
}

/** The group's committed offset for a partition of ctl (-1 when none). */
async function committed(bootstrap: string, groupId: string, partition = 0): Promise<number> {
  const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return Number((await admin.fetchOffsets({ groupId, topics: [TOPIC] }))[0]!.partitions.find((p) => p.partition === partition)!.offset);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads through a consumer group (autocommit) until it has `count` records and the group's commit
 * reaches `commitAtLeast`, then leaves the group; returns what it read and the committed offset.
 */
async function groupRead(client: 'kafkajs' | 'platformatic', bootstrap: string, groupId: string, count: number, commitAtLeast: number, onlyEnd: number): Promise<{ read: Read; committed: number; onlyCommitted: number }> {
  const read: Read = [];
  // Partition 1 holds control batches only: the group must commit past them too.
  const done = () => waitUntil(async () => read.length >= count && (await committed(bootstrap, groupId)) >= commitAtLeast && (await committed(bootstrap, groupId, 1)) >= onlyEnd, READ_MS_MAX, 200);
  if (client === 'kafkajs') {
    const consumer = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 500 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void read.push([Number(message.offset), String(message.value)]) });
      await done();
    } finally {
      await consumer.disconnect();
    }
  } else {
    const consumer = new PltConsumer({ groupId, clientId: groupId, bootstrapBrokers: [bootstrap], deserializers: stringDeserializers });
    try {
      const stream = await consumer.consume({ topics: [TOPIC], mode: 'committed', fallbackMode: 'earliest', autocommit: 100, sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTime: 100 });
      stream.on('data', (m) => void read.push([Number(m.offset), m.value]));
      await done();
    } finally {
      await consumer.close(true);
    }
  }
  return { read: sorted(read), committed: await committed(bootstrap, groupId), onlyCommitted: await committed(bootstrap, groupId, 1) };
}

/** node-rdkafka from offset 0 until its position reaches `end` (bounded). */
async function rdkafkaReadToEnd(bootstrap: string, partition: number, end: number): Promise<{ records: Read; position: number }> {
  const consumer = new rdkafka.KafkaConsumer({ 'bootstrap.servers': bootstrap, 'group.id': 'ctl-rdkafka', 'enable.auto.commit': false, 'fetch.wait.max.ms': 100 }, {});
  await new Promise<void>((res, rej) => consumer.connect({ timeout: 10_000 }, (err) => (err ? rej(err) : res())));
  const records: Read = [];
  let position = -1;
  try {
    consumer.assign([{ topic: TOPIC, partition, offset: 0 }]);
    await waitUntil(async () => {
      const msgs = await new Promise<import('node-rdkafka').Message[]>((res, rej) => consumer.consume(100, (err, m) => (err ? rej(err) : res(m))));
      for (const m of msgs) records.push([m.offset, String(m.value)]);
      position = consumer.position([{ topic: TOPIC, partition }])[0]?.offset ?? -1;
      return position >= end;
    }, READ_MS_MAX, 0);
  } finally {
    await new Promise<void>((res) => consumer.disconnect(() => res()));
  }
  return { records, position };
}

/** A broker started on a data dir whose partition ctl-0 holds the control/gap log and ctl-1 only control batches. */
async function brokerWithLog(t: Test): Promise<{ broker: SpawnedBroker; log: ControlGapLog; onlyEnd: number }> {
  const first = await spawnBroker(t);
  const admin = new Kafka({ brokers: [first.bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 2 }] });
  await admin.disconnect();
  await first.stop();
  const log = await writeControlGapLog(join(first.dataDir, PARTITIONS_DIR, `${TOPIC}-0`), Date.now() - 3_600_000);
  const only = await writeControlOnlyLog(join(first.dataDir, PARTITIONS_DIR, `${TOPIC}-1`));
  const broker = await spawnBroker(t, { dataDir: first.dataDir });
  return { broker, log, onlyEnd: only.logEnd };
}

/** One Fetch at `offset`: the error code and the base offsets (and control types) of the batches served. */
async function fetchAt(client: RawClient, offset: number, partition = 0): Promise<{ errorCode: number; highWatermark: number; batches: Array<[number, number | null]> }> {
  const res = await client.request(ApiKey.Fetch, FETCH_VERSION, fetchRequest([{ topic: TOPIC, partition, offset }]));
  const p = res.responses[0].partitions[0];
  const bytes: Buffer = p.records ?? Buffer.alloc(0);
  const batches = [...iterateBatches(bytes)].map((b): [number, number | null] => [b.header.baseOffset, controlTypeOf(bytes.subarray(b.pos, b.pos + b.totalBytes))]);
  return { errorCode: p.errorCode, highWatermark: Number(p.highWatermark), batches };
}

t.test('control batches and offset gaps against every client', async (t) => {
  const { broker, log, onlyEnd } = await brokerWithLog(t);

  await t.test('Fetch at a control batch or inside a gap serves the next batch, not an error', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    const all = await fetchAt(client, 0);
    t.equal(all.errorCode, ErrorCode.NONE);
    t.equal(all.highWatermark, log.logEnd);
    t.same(all.batches, [[0, 2], [1, null], [4, 6], [5, null], [7, 2], [8, 6], [9, null], [17, null], [21, null], [30, null], [32, 2]], 'every stored batch, control types as written');
    for (const [offset, firstBatch] of [[4, 4], [8, 8], [14, 9], [18, 17], [22, 30], [25, 30], [29, 30], [32, 32]] as const) {
      const r = await fetchAt(client, offset);
      t.equal(r.errorCode, ErrorCode.NONE, `fetch at ${offset}: no error`);
      t.equal(r.batches[0]?.[0], firstBatch, `fetch at ${offset} starts with the batch at ${firstBatch}`);
    }
    const end = await fetchAt(client, log.logEnd);
    t.same([end.errorCode, end.batches], [ErrorCode.NONE, []], 'fetch at the log end (past the trailing control batch): nothing, no error');
    const past = await fetchAt(client, log.logEnd + 1);
    t.equal(past.errorCode, ErrorCode.OFFSET_OUT_OF_RANGE, 'past the log end: OFFSET_OUT_OF_RANGE');
  });

  await t.test('ListOffsets by timestamp across control batches and gaps', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    const at = async (timestamp: number) => {
      const p = (await client.request(ApiKey.ListOffsets, 7, listOffsetsRequest(TOPIC, 0, timestamp))).topics[0].partitions[0];
      return [p.errorCode, Number(p.offset), Number(p.timestamp)];
    };
    const ts = (o: number) => log.baseTimestamp + o * 1000;
    // As Kafka (which counts its transaction markers): the first record, control records included,
    // whose timestamp is at or after the one asked; a client seeking there skips the control batch.
    t.same(await at(ts(0)), [0, 0, ts(0)], 'the leading control batch');
    t.same(await at(ts(4)), [0, 4, ts(4)], 'a control batch between data');
    t.same(await at(ts(5)), [0, 5, ts(5)]);
    t.same(await at(ts(8) - 1), [0, 8, ts(8)], 'the second of two control batches');
    t.same(await at(ts(10)), [0, 12, ts(12)], 'a gap inside a batch: the next record in it');
    t.same(await at(ts(14)), [0, 21, ts(21)], 'past a batch\'s last record and an emptied batch: the next record');
    t.same(await at(ts(25)), [0, 30, ts(30)], 'in the gap between segments: the first record after it');
    t.same(await at(ts(32)), [0, 32, ts(32)], 'the trailing control batch');
    t.same(await at(ts(32) + 1), [0, -1, -1], 'after every timestamp: none');
    t.same(await at(-3), [0, 32, ts(32)], 'max timestamp: the trailing control batch carries it');
  });

  const records = expected(log);
  const end = log.logEnd;
  const lastData = records[records.length - 1]![0];

  await t.test('kcat (librdkafka 2.0): reads the data records and exits at the end (-e)', async (t) => {
    if (!haveClient(t, 'kcat')) return;
    const r = await run('kcat', ['-b', broker.bootstrap, '-C', '-t', TOPIC, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o %s\\n']);
    t.equal(r.code, 0, r.stderr);
    t.same(r.stdout.trimEnd().split('\n').map((l) => { const [o, v] = l.split(' '); return [Number(o), v]; }), records);
  });

  await t.test('confluent-kafka-python (librdkafka 2.0): reads the data records and its position reaches the log end', async (t) => {
    if (!haveClient(t, 'python3-confluent-kafka')) return;
    const out = await readToEnd(t, 'ck', broker.bootstrap, end);
    t.same(out.records, records);
    t.equal(out.position, end);
  });

  // kafka-python 2.0.2 (Debian) has no control batch handling at all: it hands every record of a
  // control batch to the application as a message, whatever its type (Kafka's transaction markers
  // too). No control type can fix that; the table in src/protocol/records/README.md says so.
  await t.test('kafka-python 2.0.2: reads the data records and its position reaches the log end', { todo: 'kafka-python 2.0.2 delivers control records as messages (any type)' }, async (t) => {
    if (!haveClient(t, 'python3-kafka')) return;
    const out = await readToEnd(t, 'kp', broker.bootstrap, end);
    t.same(out.records, records);
    t.equal(out.position, end);
  });

  await t.test('kafka-python 2.0.2: sees every data record at its offset, and the control records besides; it does not stall on gaps', async (t) => {
    if (!haveClient(t, 'python3-kafka')) return;
    const out = await readToEnd(t, 'kp', broker.bootstrap, end);
    t.same(out.records.filter(([o]) => !log.controls.includes(o)), records, 'the data records, offsets kept');
    t.same(out.records.filter(([o]) => log.controls.includes(o)).map(([o]) => o), log.controls, 'one message per control batch');
    t.equal(out.position, end);
  });

  await t.test('node-rdkafka (librdkafka 2.12): reads the data records and its position reaches the log end', async (t) => {
    const out = await rdkafkaReadToEnd(broker.bootstrap, 0, end);
    t.same(out.records, records);
    t.equal(out.position, end);
  });

  await t.test('Sarama: a partition consumer from offset 0 gets exactly the data records', async (t) => {
    if (!haveGoClient(t, 'sarama-client')) return;
    const bin = await buildGoClient('sarama-client');
    const r = await runGoClient(bin, ['records-consume', '-bootstrap', broker.bootstrap, '-assign', `${TOPIC}:0:0:${records.length}`]);
    const line = r.lines.find((l) => l.step === 'records-consume');
    t.equal(line?.ok, true, JSON.stringify(line) + r.stderr);
    t.same((line?.records ?? []).map((w: { o: number; v: string }) => [w.o, Buffer.from(w.v, 'base64').toString()]), records);
  });

  await t.test('a partition holding only control batches: nothing to read, and the end is reached', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    const all = await fetchAt(client, 0, 1);
    t.same([all.errorCode, all.highWatermark, all.batches], [ErrorCode.NONE, onlyEnd, [[0, 2], [1, 6]]]);
    if (clientPresent('kcat')) {
      const r = await run('kcat', ['-b', broker.bootstrap, '-C', '-t', TOPIC, '-p', '1', '-o', 'beginning', '-e', '-q', '-f', '%o %s\\n']);
      t.same([r.code, r.stdout], [0, ''], 'kcat: no message, exits at the end');
    }
    if (clientPresent('python3-confluent-kafka')) t.same(await readToEnd(t, 'ck', broker.bootstrap, onlyEnd, 1), { records: [], position: onlyEnd }, 'confluent-kafka-python');
    if (clientPresent('python3-kafka')) {
      const kp = await readToEnd(t, 'kp', broker.bootstrap, onlyEnd, 1);
      t.same([kp.records.map(([o]) => o), kp.position], [[0, 1], onlyEnd], 'kafka-python 2.0.2: the two control records as messages, then the end');
    }
    t.same(await rdkafkaReadToEnd(broker.bootstrap, 1, onlyEnd), { records: [], position: onlyEnd }, 'node-rdkafka');
  });

  await t.test('consumer groups read the data records, commit, and resume after a new record', async (t) => {
    // @platformatic/kafka commits each fetched batch's end, control batches included: the log end.
    const plt = await groupRead('platformatic', broker.bootstrap, 'ctl-plt', records.length, end, onlyEnd);
    t.same(plt.read, records, 'platformatic: the data records');
    t.equal(plt.committed, end, 'platformatic: committed offset = log end, past the trailing control batch');
    t.equal(plt.onlyCommitted, onlyEnd, 'platformatic: the control-only partition committed at its end');
    // kafkajs (eachMessage) commits the offset after the last message it handed out. The trailing
    // control batch came in the same fetch as the data, so it is never resolved: the commit stays
    // one short of the log end (lag 1) until a data record follows. Resuming there re-reads only
    // the control batch, which it skips again.
    const kjs = await groupRead('kafkajs', broker.bootstrap, 'ctl-kafkajs', records.length, lastData + 1, -1);
    t.same(kjs.read, records, 'kafkajs: the data records');
    t.equal(kjs.committed, lastData + 1, 'kafkajs: committed offset = last data record + 1 (before the trailing control batch)');
    // A fetch of control batches only is resolved, but committed only when kafkajs' autocommit
    // interval has passed by then (no later batch comes to trigger it): none yet, or the end.
    t.ok([-1, onlyEnd].includes(kjs.onlyCommitted), `kafkajs: the control-only partition has no commit or one at its end (${kjs.onlyCommitted})`);

    const producer = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: [{ partition: 0, value: 'after' }] });
    await producer.disconnect();
    for (const [client, groupId] of [['platformatic', 'ctl-plt'], ['kafkajs', 'ctl-kafkajs']] as const) {
      const again = await groupRead(client, broker.bootstrap, groupId, 1, end + 1, client === 'platformatic' ? onlyEnd : -1);
      t.same(again.read, [[end, 'after']], `${client}: the resumed member reads only the new record`);
      t.equal(again.committed, end + 1, `${client}: committed past it`);
    }
  });

  await t.test('Produce refuses control batches from clients with INVALID_RECORD, as Kafka does', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    const before = (await fetchAt(client, 0)).highWatermark;
    const raft = [CONTROL_TYPE_RAFT_NOOP, CONTROL_TYPE_RAFT_CONFIG].map((type) => encodeControlBatch({ type, value: Buffer.from('x'), baseOffset: 0, leaderEpoch: -1, timestampMs: Date.now() }));
    // A transaction marker is refused as a control batch first (Kafka checks control before transactional).
    for (const batch of [...raft, controlBatch('commit', { producerId: 1, producerEpoch: 0 })]) {
      const res = await client.request(ApiKey.Produce, 9, produceRequest(TOPIC, 0, batch));
      t.match(res.responses[0].partitionResponses[0], { errorCode: ErrorCode.INVALID_RECORD, errorMessage: /control/ });
    }
    t.equal((await fetchAt(client, 0)).highWatermark, before, 'nothing appended');
  });

  await t.test('DeleteRecords to a control batch, into a gap, and the batches after serve', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    const deleteTo = async (offset: number) => {
      const res = await client.request(ApiKey.DeleteRecords, 2, { topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, offset }] }], timeoutMs: 5000 });
      const p = res.topics[0].partitions[0];
      return [p.errorCode, Number(p.lowWatermark)];
    };
    const earliest = async () => Number((await client.request(ApiKey.ListOffsets, 7, listOffsetsRequest(TOPIC, 0, -2))).topics[0].partitions[0].offset);
    for (const [offset, firstBatch, why] of [[8, 8, 'the second of two control batches'], [15, 9, 'inside a batch\'s gap: the batch holding it'], [25, 30, 'the gap between segments: the next batch']] as const) {
      t.same(await deleteTo(offset), [ErrorCode.NONE, offset], `delete before ${offset}`);
      t.equal(await earliest(), offset, 'ListOffsets earliest = the new log start');
      const r = await fetchAt(client, offset);
      t.same([r.errorCode, r.batches[0]?.[0]], [ErrorCode.NONE, firstBatch], `fetch at ${offset}: ${why}`);
      t.equal((await fetchAt(client, offset - 1)).errorCode, ErrorCode.OFFSET_OUT_OF_RANGE, `fetch below ${offset}: out of range`);
    }
    const end = (await fetchAt(client, 30)).highWatermark;
    t.same(await deleteTo(end), [ErrorCode.NONE, end], 'delete everything, past the trailing control batch');
    t.same((await fetchAt(client, end)).batches, [], 'fetch at the end: nothing, no error');
  });
});
