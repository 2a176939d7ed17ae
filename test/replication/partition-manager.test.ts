import t from 'tap';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';
import { partitionsOnDisk } from '../helpers/partitions-on-disk.js';

const RECORD_BYTES = 300;
const batch = () => buildBatchUncompressed([{ key: null, value: Buffer.alloc(RECORD_BYTES, 7) }]);

t.test('config changes reach the open journals and the append settings at once', async (t) => {
  const { topics, partitions } = await partitionsOnDisk(t, { retentionCheckIntervalMs: 0 });
  await topics.create('tuned', { partitions: 2 });
  await topics.alterConfigs('tuned', { set: { 'segment.bytes': '4096', 'retention.bytes': '8192', 'retention.ms': '-1', 'message.timestamp.type': 'LogAppendTime', 'max.message.bytes': '2000', 'message.timestamp.after.max.ms': '5000', 'message.timestamp.difference.max.ms': '7000' } });
  for (const p of partitions.forTopic('tuned')) {
    t.same([p.storage.settings.segmentBytesMax, p.storage.settings.retentionBytes, p.storage.settings.retentionMs], [4096, 8192, -1]);
    t.same(p.settings, {
      logAppendTime: true, batchBytesMax: 2000, timestampBeforeMaxMs: 7000, timestampAfterMaxMs: 5000,
      decompressedBytesMax: DEFAULT_LIMITS.batchDecompressedBytesMax, recordsMax: DEFAULT_LIMITS.batchRecordsMax,
    }, 'difference.max.ms bounds both sides; the tighter bound wins');
  }
  // Small segments now roll: 60 batches of ~370 bytes make several 4 KiB segments.
  const p = partitions.get('tuned', 0)!;
  for (let i = 0; i < 60; i++) await p.append(batch(), { acks: -1, timeoutMs: 10_000 });
  t.ok(p.storage.segmentCount >= 3, `${p.storage.segmentCount} segments after rolling at 4 KiB`);
  t.equal(p.logStartOffset, 0, 'no retention timer ran (interval 0)');

  t.equal(await partitions.enforceRetention() > 0, true, 'one explicit pass deletes the oldest segments');
  t.ok(p.logStartOffset > 0 && p.logStartOffset < 60, `log start moved to ${p.logStartOffset}`);
  t.ok(p.sizeBytes <= 8192 + 4096, 'what remains is within retention.bytes plus the active segment');

  await topics.alterConfigs('tuned', { set: {}, remove: ['segment.bytes', 'retention.bytes', 'retention.ms', 'message.timestamp.type', 'max.message.bytes', 'message.timestamp.after.max.ms', 'message.timestamp.difference.max.ms'] });
  t.same([p.storage.settings.segmentBytesMax, p.storage.settings.retentionBytes, p.storage.settings.retentionMs], [1073741824, -1, 604800000], 'back to the defaults');
  t.same(p.settings, {
    logAppendTime: false, batchBytesMax: 1048588, timestampBeforeMaxMs: Number.POSITIVE_INFINITY, timestampAfterMaxMs: 3_600_000,
    decompressedBytesMax: DEFAULT_LIMITS.batchDecompressedBytesMax, recordsMax: DEFAULT_LIMITS.batchRecordsMax,
  }, 'Kafka 4 defaults: no lower bound, one hour ahead');
});

t.test('the retention timer runs every retentionCheckIntervalMs', async (t) => {
  const INTERVAL_MS = 50;
  const WAIT_MS_MAX = 10_000;
  const { topics, partitions } = await partitionsOnDisk(t, { retentionCheckIntervalMs: INTERVAL_MS });
  partitions.startRetention();
  await topics.create('short', { partitions: 1, configs: { 'segment.bytes': '2048', 'retention.bytes': '2048', 'retention.ms': '-1' } });
  const p = partitions.get('short', 0)!;
  for (let i = 0; i < 20; i++) await p.append(batch(), { acks: -1, timeoutMs: 10_000 });
  const deadline = Date.now() + WAIT_MS_MAX;
  while (p.logStartOffset === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, INTERVAL_MS));
  t.ok(p.logStartOffset > 0, `the timer moved the log start to ${p.logStartOffset}`);
});
