// The in-place upgrade of a single-node data dir: a real TopicStore writes topics.json on disk
// (today's code), is reopened from the file, and what it holds becomes the records of a fresh
// metadata log; through the KIP-631 frame and the state machine they give the same topics.
import t, { type Test } from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { TopicStore } from '../../src/cluster/topic-store.js';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { topicStoreToRecords, type UpgradingNode } from '../../src/cluster/topic-store-upgrade.js';
import { applyRecords } from '../../src/cluster/metadata-apply.js';
import { EMPTY_METADATA_IMAGE, liveNodes, topicByName } from '../../src/cluster/metadata-image.js';
import { decodeMetadataRecord, encodeMetadataRecord } from '../../src/cluster/metadata-record-frame.js';

const logger = pino({ level: 'silent' });
const node: UpgradingNode = {
  clusterId: 'AAAAAAAAAAAAAAAAAAAAAA', nodeId: 0, incarnationId: Buffer.alloc(16, 9), rack: null,
  endpoints: [{ name: 'kafka', host: '127.0.0.1', port: 9092 }],
};

async function writtenStore(t: Test): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-upgrade-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const store = await TopicStore.open({ dataDir, limits: DEFAULT_LIMITS, logger });
  await store.create('orders', { partitions: 3, configs: { 'retention.ms': '60000' } });
  await store.create('__consumer_offsets', { partitions: 2, internal: true, configs: { 'cleanup.policy': 'compact' } });
  await store.create('gone', { partitions: 1 });
  await store.create('logs', { partitions: 1 });
  await store.addPartitions('logs', 4);
  await store.alterConfigs('logs', { set: { 'segment.bytes': '1048576' } });
  await store.delete('gone');
  await store.idle();
  return dataDir;
}

t.test('a topic store written by today\'s code becomes the records of a fresh metadata log', async (t) => {
  const dataDir = await writtenStore(t);
  const reopened = await TopicStore.open({ dataDir, limits: DEFAULT_LIMITS, logger });
  const out = topicStoreToRecords(reopened.list(), node);
  if (!out.ok) throw new Error(out.error.message);
  const image = out.value.image;
  t.equal(image.clusterId, node.clusterId);
  t.strictSame(liveNodes(image).map((n) => n.id), [0], 'the node is registered and live');
  t.strictSame([...image.topicIdByName.keys()].sort(), ['__consumer_offsets', 'logs', 'orders'], 'the deleted topic is not carried');
  for (const before of reopened.list()) {
    const after = topicByName(image, before.name)!;
    t.ok(after.id.equals(before.id), `${before.name} keeps its topic id`);
    t.equal(after.internal, before.internal, `${before.name} keeps its internal flag`);
    t.strictSame(after.partitions.map((p) => [...p.replicas]), Array.from({ length: before.partitionCount }, () => [0]), `${before.name}: every partition on node 0`);
    t.strictSame(Object.fromEntries(after.configs), before.configs, `${before.name} keeps its configs`);
  }
  const onDisk = JSON.parse(readFileSync(join(dataDir, 'topics.json'), 'utf8')) as { topics: Array<{ name: string; id: string }> };
  t.strictSame(onDisk.topics.map((x) => x.id).sort(), [...image.topics.keys()].sort(), 'the ids in topics.json are the image\'s');

  // As the log will hold them: framed values, decoded and applied by another node.
  const decoded = out.value.records.map((r) => {
    const back = decodeMetadataRecord(encodeMetadataRecord(r));
    if (!back.ok) throw new Error(back.error.message);
    return back.value;
  });
  const replayed = applyRecords(EMPTY_METADATA_IMAGE, decoded);
  t.strictSame(replayed.refused, []);
  t.strictSame(replayed.delta.topicsAdded.map((x) => x.name).sort(), ['__consumer_offsets', 'logs', 'orders'], 'the delta tells the broker to open every topic');
  t.equal(replayed.delta.topicsAdded.reduce((n, x) => n + x.partitions.length, 0), 9);
});

t.test('a topic the state machine would refuse fails the upgrade, naming it', async (t) => {
  const dataDir = await writtenStore(t);
  // A hand-edited topics.json (TopicStore.open does not re-validate configs).
  const path = join(dataDir, 'topics.json');
  const file = JSON.parse(readFileSync(path, 'utf8')) as { topics: Array<{ name: string; configs: Record<string, string> }> };
  file.topics.find((x) => x.name === 'logs')!.configs['retention.ms'] = 'forever';
  writeFileSync(path, JSON.stringify(file));
  const reopened = await TopicStore.open({ dataDir, limits: DEFAULT_LIMITS, logger });
  const out = topicStoreToRecords(reopened.list(), node);
  t.notOk(out.ok);
  if (!out.ok) {
    t.equal(out.error.code, 'INVALID_CONFIG');
    t.match(out.error.message, /cannot upgrade logs: .*retention\.ms/);
  }
});
