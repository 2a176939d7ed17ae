import t, { type Test } from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { readdirSync } from 'node:fs';
import { spawnBroker, type SpawnedBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { fetchRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { decodeBatchRecords } from '../../src/protocol/records/batch.js';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { connectionsMaxWithin, FD_RESERVE, JOURNAL_FILES_OPEN_MIN, journalFilesOpenMax, readFdSoftLimit } from '../../src/broker/fd-budget.js';
import { connect, type Socket } from 'node:net';

/** Below what ~1,000 partitions needed when each segment held a descriptor (one each, plus sockets). */
const FD_LIMIT = 256;
const TOPICS = ['wide-a', 'wide-b', 'wide-c', 'wide-d'];
const PARTITIONS_PER_TOPIC = 250;
/** Every 23rd partition of each topic gets a record: a spread over the whole range. */
const SPREAD = 23;
const ARGS = ['--default-partitions', '1', '--offsets-topic-partitions', '2', '--log-level', 'info'];

t.test('readFdSoftLimit parses /proc/self/limits', async (t) => {
  const text = 'Limit                     Soft Limit           Hard Limit           Units     \nMax open files            1024                 524288               files     \n';
  t.equal(readFdSoftLimit(text), 1024);
  t.equal(readFdSoftLimit(text.replace('1024', 'unlimited')), null);
  t.equal(readFdSoftLimit('no such line'), null);
  t.ok((readFdSoftLimit() ?? 0) > 0, 'this process has a limit');
});

t.test('journalFilesOpenMax: derived from the fd limit, configured values checked against it', async (t) => {
  const limits = { ...DEFAULT_LIMITS };
  t.equal(journalFilesOpenMax(limits, 256), (256 - FD_RESERVE) / 2);
  t.equal(journalFilesOpenMax(limits, 1_000_000), 4096, 'capped');
  t.equal(journalFilesOpenMax(limits, null), 4096, 'unknown limit');
  t.equal(journalFilesOpenMax({ ...limits, journalFilesOpenMax: 100 }, 1024), 100);
  const low = FD_RESERVE + 2 * JOURNAL_FILES_OPEN_MIN - 1;
  t.throws(() => journalFilesOpenMax(limits, low), { code: 'CANOPY_ERR_CONFIG_LIMITS', message: /open file limit/ });
  t.throws(() => journalFilesOpenMax({ ...limits, journalFilesOpenMax: 1000 }, 1024), /limits\.journalFilesOpenMax 1000/);
});

t.test('connectionsMaxWithin: connections get what the reserve and the journal leave', async (t) => {
  const limits = { ...DEFAULT_LIMITS };
  t.equal(connectionsMaxWithin(limits, 1024, 448), 1024 - FD_RESERVE - 448);
  t.equal(connectionsMaxWithin(limits, 1_000_000, 4096), limits.connectionsMax, 'the configured limit when it fits');
  t.equal(connectionsMaxWithin(limits, null, 4096), limits.connectionsMax, 'unknown fd limit: as configured');
});

t.test('client connections cannot take the descriptors the journal needs', async (t) => {
  const fdLimit = 300;
  const broker = await spawnBroker(t, { fdLimit, args: [...ARGS, '--connections-per-address-max', '100000'] });
  const journalFiles = Math.floor((fdLimit - FD_RESERVE) / 2);
  const allowed = fdLimit - FD_RESERVE - journalFiles;
  t.match(await broker.outputMatching(/Kafka connections limited/), new RegExp(`Kafka connections limited to ${allowed} by the open file limit ${fdLimit}`), 'the lowered limit is logged');
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  const producer = kafka.producer();
  await producer.connect();
  t.teardown(() => producer.disconnect());
  // Idle clients take every connection slot and then some.
  const idle: Socket[] = [];
  t.teardown(() => { for (const s of idle) s.destroy(); });
  for (let i = 0; i < fdLimit; i++) {
    const s = connect(broker.port, '127.0.0.1');
    s.on('error', () => undefined);
    idle.push(s);
  }
  await broker.outputMatching(/connectionsMax \d+ reached/);
  // The journal still opens, writes and syncs files for new partitions and their leader epochs.
  t.equal(await admin.createTopics({ topics: [{ topic: 'crowded', numPartitions: 40 }] }), true);
  for (let p = 0; p < 40; p++) await producer.send({ topic: 'crowded', messages: [{ partition: p, value: `v${p}` }] });
  const fds = readdirSync(`/proc/${broker.pid}/fd`).length;
  t.ok(fds < fdLimit, `the broker holds ${fds} descriptors`);
  t.notMatch(broker.output(), /EMFILE/, 'no file operation ran out of descriptors');
});

t.test('a broker whose fd limit cannot fit refuses to start with a message naming the limit', async (t) => {
  const low = FD_RESERVE + 2 * JOURNAL_FILES_OPEN_MIN - 1;
  let message = '';
  try {
    await spawnBroker(t, { fdLimit: low, args: ARGS });
  } catch (err) {
    message = (err as Error).message;
  }
  t.match(message, /exited with code 2/);
  t.match(message, new RegExp(`CANOPY_ERR_CONFIG_LIMITS: the process's open file limit ${low} is too low`));
  t.match(message, /ulimit -n/);
});

async function readOne(raw: RawClient, topic: string, partition: number): Promise<string[]> {
  const res = await raw.request(ApiKey.Fetch, 11, fetchRequest([{ topic, partition, offset: 0 }]));
  const p = res.responses[0].partitions[0];
  if (p.errorCode !== ErrorCode.NONE) return [`error ${p.errorCode}`];
  if (p.records === null || p.records.length === 0) return [];
  return (await decodeBatchRecords(p.records)).map((r) => r.value!.toString());
}

async function checkSpread(t: Test, broker: SpawnedBroker): Promise<void> {
  const raw = await RawClient.connect(t, broker.port);
  let checked = 0;
  for (const topic of TOPICS) {
    for (let p = 0; p < PARTITIONS_PER_TOPIC; p++) {
      const expected = p % SPREAD === 0 ? [`${topic}/${p}`] : [];
      // Every written partition, and a sample of the empty ones.
      if (expected.length === 0 && p % 7 !== 1) continue;
      const got = await readOne(raw, topic, p);
      if (JSON.stringify(got) !== JSON.stringify(expected)) t.same(got, expected, `${topic}-${p}`);
      checked++;
    }
  }
  t.pass(`${checked} partitions read back`);
  raw.close();
}

t.test(`1,000 partitions under an fd limit of ${FD_LIMIT}: create, produce, consume, restart`, async (t) => {
  const broker = await spawnBroker(t, { fdLimit: FD_LIMIT, args: ARGS });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  t.equal(await admin.createTopics({ topics: TOPICS.map((topic) => ({ topic, numPartitions: PARTITIONS_PER_TOPIC })), timeout: 120_000 }), true);
  const producer = kafka.producer();
  await producer.connect();
  for (const topic of TOPICS) {
    const messages = [];
    for (let p = 0; p < PARTITIONS_PER_TOPIC; p += SPREAD) messages.push({ partition: p, value: `${topic}/${p}` });
    await producer.send({ topic, messages });
  }
  await producer.disconnect();
  const fds = readdirSync(`/proc/${broker.pid}/fd`).length;
  t.ok(fds < FD_LIMIT, `the broker holds ${fds} descriptors`);
  await checkSpread(t, broker);
  await admin.disconnect();
  t.equal(await broker.stop(), 0, 'clean stop');
  t.notMatch(broker.output(), /EMFILE/);

  const again = await spawnBroker(t, { fdLimit: FD_LIMIT, args: ARGS, dataDir: broker.dataDir });
  const admin2 = new Kafka({ brokers: [again.bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin2.connect();
  t.teardown(() => admin2.disconnect());
  const metadata = await admin2.fetchTopicMetadata({ topics: TOPICS });
  t.same(metadata.topics.map((x) => x.partitions.length), TOPICS.map(() => PARTITIONS_PER_TOPIC), 'every partition is back');
  await checkSpread(t, again);
  t.notMatch(again.output(), /EMFILE/);
});
