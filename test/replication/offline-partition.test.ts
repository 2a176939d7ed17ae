/**
 * A real broker, real files, kafkajs: one byte flipped in the middle of a partition's segment
 * after an unclean stop. On restart that partition is offline (its files untouched, an error log
 * line naming file, byte and offset), every other partition serves, and its requests answer
 * KAFKA_STORAGE_ERROR. `canopy journal repair --quarantine` (broker stopped) brings it back with
 * every batch but the damaged one; the removed bytes are in the quarantine folder.
 */
import t from 'tap';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { runCli } from '../helpers/cli.js';
import { fetchRequest, listOffsetsRequest, produceRequest } from '../helpers/requests.js';
import { makeBatch } from '../helpers/journal-batches.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

const MESSAGES = 12;
const DAMAGED_NTH = 5; // the 6th batch of the damaged partition's segment
const CONSUME_MS_MAX = 30_000;

async function filesOf(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of (await readdir(dir)).sort()) out[n] = (await stat(join(dir, n))).size;
  return out;
}

/** Reads `count` messages of topic/partition from the beginning (bounded wait); values in offset order. */
async function consume(kafka: Kafka, topic: string, partition: number, count: number, groupId: string): Promise<Array<{ offset: number; value: string }>> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const got: Array<{ offset: number; value: string }> = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ partition: p, message }) => { if (p === partition) got.push({ offset: Number(message.offset), value: String(message.value) }); } });
    const deadline = Date.now() + CONSUME_MS_MAX;
    while (got.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  } finally {
    await consumer.disconnect();
  }
  return got.sort((a, b) => a.offset - b.offset);
}

t.test('a partition with damage before valid data is fenced, the rest serves, repair brings it back', async (t) => {
  const first = await spawnBroker(t);
  const dataDir = first.dataDir;
  const kafka = (b: { bootstrap: string }) => new Kafka({ brokers: [b.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka(first).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'damaged', numPartitions: 2 }, { topic: 'healthy', numPartitions: 1 }] });
  await admin.disconnect();
  const producer = kafka(first).producer();
  await producer.connect();
  for (let i = 0; i < MESSAGES; i++) await producer.send({ topic: 'damaged', messages: [{ partition: 0, value: `d0-${i}` }] }); // one batch each
  await producer.send({ topic: 'damaged', messages: [{ partition: 1, value: 'd1-0' }] });
  await producer.send({ topic: 'healthy', messages: [{ partition: 0, value: 'h-0' }] });
  await producer.disconnect();
  first.kill('SIGKILL'); // unclean: the next start scans the active segments
  await first.exited;

  // Flip one byte inside the 6th batch of damaged-0's only segment.
  const partDir = join(dataDir, 'partitions', 'damaged-0');
  const segment = (await readdir(partDir)).find((n) => n.endsWith('.log'))!;
  const bytes = await readFile(join(partDir, segment));
  let position = 0;
  for (let i = 0; i < DAMAGED_NTH; i++) position += bytes.readInt32BE(position + 8) + 12;
  bytes[position + 70]! ^= 0x01;
  await writeFile(join(partDir, segment), bytes);
  const before = await filesOf(partDir);

  const second = await spawnBroker(t, { dataDir });
  t.same(await filesOf(partDir), before, 'no file of the damaged partition was deleted, truncated or added');
  const line = second.output().split('\n').filter((l) => l.includes('is offline')).map((l) => JSON.parse(l) as Record<string, unknown>)[0];
  t.ok(line, 'an offline log line');
  t.match(line, { level: 'error', topic: 'damaged', partition: 0, file: join(partDir, segment), position, offset: DAMAGED_NTH }, 'error level, names file, byte position and offset');

  // Everything else serves: kafkajs produces to and consumes from the other partition and topic.
  const k2 = kafka(second);
  const p2 = k2.producer();
  await p2.connect();
  await p2.send({ topic: 'healthy', messages: [{ partition: 0, value: 'h-1' }] });
  await p2.send({ topic: 'damaged', messages: [{ partition: 1, value: 'd1-1' }] });
  await p2.disconnect();
  t.same((await consume(k2, 'healthy', 0, 2, 'g-healthy')).map((m) => m.value), ['h-0', 'h-1']);
  const meta = await (async () => { const a = k2.admin(); await a.connect(); try { return await a.fetchTopicMetadata({ topics: ['damaged'] }); } finally { await a.disconnect(); } })();
  const parts = meta.topics[0]!.partitions.sort((a, b) => a.partitionId - b.partitionId);
  const nodeId = parts[1]!.leader;
  t.ok(nodeId >= 0, 'the healthy partition of the same topic has its leader');
  t.match(parts[0], { partitionId: 0, leader: -1, offlineReplicas: [nodeId] }, 'Metadata: the offline partition has no leader and is listed offline');

  // Produce, Fetch and ListOffsets on the offline partition: KAFKA_STORAGE_ERROR, with a message.
  const raw = await RawClient.connect(t, second.port);
  const prod = await raw.request(ApiKey.Produce, 9, produceRequest('damaged', 0, makeBatch({ records: 1, payloadBytes: 10, maxTimestamp: 1, seed: 1 })));
  const pr = prod.responses[0].partitionResponses[0];
  t.equal(pr.errorCode, ErrorCode.KAFKA_STORAGE_ERROR);
  t.match(pr.errorMessage, new RegExp(`offline: .*${segment} at byte ${position} \\(offset ${DAMAGED_NTH}`));
  const fetched = await raw.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'damaged', partition: 0, offset: 0 }]));
  t.equal(fetched.responses[0].partitions[0].errorCode, ErrorCode.KAFKA_STORAGE_ERROR);
  const listed = await raw.request(ApiKey.ListOffsets, 5, listOffsetsRequest('damaged', 0, -1));
  t.equal(listed.topics[0].partitions[0].errorCode, ErrorCode.KAFKA_STORAGE_ERROR);
  // The other partition of the same topic reads normally (a kafkajs group consumer of this topic
  // stalls on the leaderless partition, as it does against Kafka, so this read is a raw Fetch).
  const other = (await raw.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'damaged', partition: 1, offset: 0 }]))).responses[0].partitions[0];
  t.match(other, { errorCode: ErrorCode.NONE, highWatermark: 2 });
  t.ok(other.records.length > 0, 'records of damaged-1 come back');

  // The admin API shows which partition is offline and why.
  const described = await (await fetch(`${second.adminUrl}/v1/topics/damaged`)).json() as { partitions: Array<{ partition: number; leader: number; offline: string | null }> };
  t.match(described.partitions, [{ partition: 0, leader: -1, offline: new RegExp(`${segment} at byte ${position}`) }, { partition: 1, leader: nodeId, offline: null }]);

  // The repair tool refuses while the broker holds the data dir, then repairs it offline.
  const busy = await runCli(['journal', 'repair', '--data-dir', dataDir, '--topic', 'damaged', '--partition', '0', '--quarantine']);
  t.equal(busy.code, 1, 'refused while the broker runs');
  t.match(busy.stderr, /in use by process .*stop the broker first/);
  t.equal(await second.stop(), 0);
  const repaired = await runCli(['journal', 'repair', '--data-dir', dataDir, '--topic', 'damaged', '--partition', '0', '--quarantine']);
  t.equal(repaired.code, 0, repaired.stderr);
  t.match(repaired.stdout, new RegExp(`damage in .*${segment} at byte ${position} \\(offset ${DAMAGED_NTH}\\)`));
  t.match(repaired.stdout, new RegExp(`removed offsets ${DAMAGED_NTH}\\.\\.${DAMAGED_NTH}`));
  const quarantineRoot = join(dataDir, 'quarantine');
  const [qdir] = await readdir(quarantineRoot);
  const quarantined = await readdir(join(quarantineRoot, qdir!));
  t.equal(quarantined.length, 1);
  const batchBytes = bytes.readInt32BE(position + 8) + 12;
  t.same(await readFile(join(quarantineRoot, qdir!, quarantined[0]!)), bytes.subarray(position, position + batchBytes), 'the quarantine holds the damaged batch as it was on disk');

  // Back in service: every message but the damaged one, and appends continue after the old end.
  const third = await spawnBroker(t, { dataDir });
  const k3 = kafka(third);
  const p3 = k3.producer();
  await p3.connect();
  const [sent] = await p3.send({ topic: 'damaged', messages: [{ partition: 0, value: 'd0-after' }] });
  await p3.disconnect();
  t.equal(Number(sent!.baseOffset), MESSAGES, 'the next append goes after the old log end');
  const values = (await consume(k3, 'damaged', 0, MESSAGES, 'g-d0')).map((m) => m.value);
  t.same(values, [...Array.from({ length: MESSAGES }, (_, i) => `d0-${i}`).filter((_, i) => i !== DAMAGED_NTH), 'd0-after']);
  t.equal(await third.stop(), 0);
});
