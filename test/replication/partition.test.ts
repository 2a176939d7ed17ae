import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { PartitionManager } from '../../src/replication/partition-manager.js';
import { partitionSettingsOf } from '../../src/cluster/partition-settings.js';
import { PartitionError } from '../../src/replication/errors.js';
import { TopicStore } from '../../src/cluster/topic-store.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';

const logger = pino({ level: 'silent' });
const batch = (n: number, ts = 1000) => buildBatchUncompressed(Array.from({ length: n }, (_, i) => ({ key: null, value: Buffer.from(`v${i}`), timestamp: ts + i })));

async function open(t: { teardown(fn: () => unknown): void }, dataDir: string) {
  const config = { ...defaultConfig(), dataDir };
  const topics = await TopicStore.open({ dataDir, limits: config.limits, logger });
  const partitions = new PartitionManager({ settingsOf: partitionSettingsOf, config, logger });
  await partitions.openAll(topics.list());
  topics.addListener(partitions);
  t.teardown(() => partitions.closeAll());
  return { topics, partitions };
}

t.test('append, committed reads, waitForData, topic lifecycle, reopen', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-partition-'));
  const { topics, partitions } = await open(t, dataDir);
  await topics.create('a', { partitions: 2 });
  const p = partitions.get('a', 1)!;
  t.same([p.logStartOffset, p.highWatermark, p.logEndOffset], [0, 0, 0]);

  const waiting = p.waitForData(0, Date.now() + 60_000);
  const first = await p.append(batch(3), { acks: -1, timeoutMs: 10_000 });
  await waiting;
  t.same([first.baseOffset, first.duplicate, p.highWatermark], [0, false, 3], 'woken by the append');
  const second = await p.append(batch(2), { acks: 1, timeoutMs: 10_000 });
  t.equal(second.baseOffset, 3);
  const read = await p.read(0, 1 << 20);
  t.ok(read.bytes > 0 && read.chunks.length > 0);
  t.same(await p.read(5, 100), { chunks: [], bytes: 0 }, 'at the high watermark: nothing');
  await t.rejects(p.read(6, 100), PartitionError, 'past the end');
  t.same(await p.offsetForTimestamp(1001), { offset: 1, timestamp: 1001 });

  t.same(p.endOffsetForEpoch(p.leaderEpoch), { epoch: p.leaderEpoch, endOffset: 5 }, 'current epoch ends at the log end');
  await t.rejects(p.deleteBefore(6), { code: 'OFFSET_OUT_OF_RANGE' }, 'only committed data');
  t.equal(await p.deleteBefore(2), 2, 'log start moved');
  t.equal(p.logStartOffset, 2);
  await t.rejects(p.read(1, 100), { code: 'OFFSET_OUT_OF_RANGE' }, 'below the log start');

  const aborted = new AbortController();
  const parked = p.waitForData(5, Date.now() + 60_000, aborted.signal);
  aborted.abort();
  await parked;
  t.pass('abort ends a wait');

  await topics.addPartitions('a', 3);
  t.ok(partitions.get('a', 2), 'grown');
  await topics.create('gone', { partitions: 1 });
  await partitions.get('gone', 0)!.append(batch(1), { acks: 1, timeoutMs: 1000 });
  await topics.delete('gone');
  t.equal(partitions.get('gone', 0), undefined);

  await partitions.closeAll();
  const again = await open(t, dataDir);
  const q = again.partitions.get('a', 1)!;
  t.same([q.highWatermark, q.logEndOffset], [5, 5], 'data kept');
  t.equal(again.partitions.forTopic('a').length, 3);
  await again.topics.create('gone', { partitions: 1 });
  t.equal(again.partitions.get('gone', 0)!.logEndOffset, 0, 'a re-created topic starts empty');
});

t.test('max.message.bytes and closed partitions are typed errors', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-partition-'));
  const { topics, partitions } = await open(t, dataDir);
  await topics.create('small', { partitions: 1, configs: { 'max.message.bytes': '100' } });
  const p = partitions.get('small', 0)!;
  await t.rejects(p.append(batch(10), { acks: 1, timeoutMs: 1000 }), { code: 'TOO_LARGE' });
  await p.close();
  await t.rejects(p.append(batch(1), { acks: 1, timeoutMs: 1000 }), { code: 'SHUTTING_DOWN' });
});
