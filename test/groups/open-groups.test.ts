/**
 * open-groups.ts over the real journal: the coordinator's records land in __consumer_offsets
 * partitions through the Partition door, survive a close/reopen of the node, and compaction moves
 * the partition's log start while keeping the state.
 */
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { NodeBroker } from '../../src/broker/open-broker.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { OFFSETS_TOPIC } from '../../src/groups/open-groups.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';
import { encodeControlBatch, CONTROL_TYPE_RAFT_CONFIG, CONTROL_TYPE_RAFT_NOOP } from '../../src/protocol/records/control-batch.js';
import { PartitionLog, DEFAULT_JOURNAL_CONFIG } from '../../src/journal/partition-log.js';
import { PARTITIONS_DIR } from '../../src/replication/partition-manager.js';

const COMMITS = 40;

t.test('commits survive a reopen and a compaction of the real offsets partition', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-groups-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = { ...defaultConfig(), dataDir, adminListen: null, offsetsTopicPartitions: 3 };
  const logger = pino({ level: 'silent' });

  const broker = await NodeBroker.open(config, logger);
  await broker.topics.create('orders', { partitions: 2 });
  const groups = broker.groups!;
  t.equal(broker.topics.get(OFFSETS_TOPIC)!.internal, true);
  t.equal(broker.topics.get(OFFSETS_TOPIC)!.partitionCount, 3);
  for (let i = 1; i <= COMMITS; i++) {
    t.same(await groups.commitOffsets('g', '', null, -1, [{ topic: 'orders', partition: 0, offset: i, leaderEpoch: -1, metadata: 'x' }]), ['NONE']);
  }
  const p = groups.partitionFor('g');
  const partition = broker.partitions.get(OFFSETS_TOPIC, p)!;
  t.equal(partition.highWatermark, COMMITS, 'one record per commit');
  await broker.close();

  const again = await NodeBroker.open(config, logger);
  t.equal(again.groups!.fetchOffsets('g', null).entries[0]!.offset, COMMITS, 'replayed after reopen');
  const r = await again.groups!.compactPartition(p);
  t.same(r, { recordsBefore: COMMITS, recordsAfter: 1 });
  t.equal(again.partitions.get(OFFSETS_TOPIC, p)!.logStartOffset, COMMITS, 'log start moved to the snapshot');
  await again.close();

  const third = await NodeBroker.open(config, logger);
  t.same(third.groups!.fetchOffsets('g', null).entries.map((e) => [e.partition, e.offset, e.metadata]), [[0, COMMITS, 'x']], 'the compacted log replays to the same state');
  await third.topics.delete('orders');
  t.same(third.groups!.fetchOffsets('g', null).entries, [], 'deleting the topic deleted its offsets');
  await third.close();
});

t.test('an offset reset by timestamp lands on the record, not on the start of its batch', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-groups-reset-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const broker = await NodeBroker.open({ ...defaultConfig(), dataDir, adminListen: null }, pino({ level: 'silent' }));
  t.teardown(() => broker.close());
  await broker.topics.create('events', { partitions: 1 });
  // One batch of five records stamped 1000..1004: the first record at or after 1002 is offset 2.
  const records = Array.from({ length: 5 }, (_, i) => ({ key: null, value: Buffer.from(`e${i}`), timestamp: 1000 + i }));
  await broker.partitions.get('events', 0)!.append(buildBatchUncompressed(records), { acks: -1, timeoutMs: 10_000 });
  const reset = await broker.groups!.resetOffsets({ groupId: 'replay', topic: 'events', partitions: [0], to: { kind: 'timestamp', timestampMs: 1002 }, dryRun: true });
  t.equal(reset.error, 'NONE');
  t.same(reset.rows.map((r) => r.newOffset), [2], 'the record ListOffsets would name');
  const past = await broker.groups!.resetOffsets({ groupId: 'replay', topic: 'events', partitions: [0], to: { kind: 'timestamp', timestampMs: 5000 }, dryRun: true });
  t.same(past.rows.map((r) => r.newOffset), [5], 'no record that late: the high watermark');
});

t.test('group loading skips Raft control batches in the offsets partition', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-groups-control-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = { ...defaultConfig(), dataDir, adminListen: null, offsetsTopicPartitions: 1 };
  const logger = pino({ level: 'silent' });
  const commit = (broker: NodeBroker, offset: number) =>
    broker.groups!.commitOffsets('g', '', null, -1, [{ topic: 'orders', partition: 0, offset, leaderEpoch: -1, metadata: 'x' }]);
  // Control batches appended to the closed offsets partition, as Raft writes its no-op and config entries.
  const appendControls = async (types: number[]) => {
    const log = await PartitionLog.open(join(dataDir, PARTITIONS_DIR, `${OFFSETS_TOPIC}-0`), DEFAULT_JOURNAL_CONFIG);
    const base = log.logEndOffset;
    await log.appendReplicated(Buffer.concat(types.map((type, i) => encodeControlBatch({ type, value: Buffer.from('raft'), baseOffset: base + i, leaderEpoch: 0, timestampMs: Date.now() }))));
    await log.close();
  };

  let broker = await NodeBroker.open(config, logger);
  await broker.topics.create('orders', { partitions: 1 });
  t.same(await commit(broker, 5), ['NONE']);
  await broker.close();
  await appendControls([CONTROL_TYPE_RAFT_NOOP, CONTROL_TYPE_RAFT_CONFIG]);

  broker = await NodeBroker.open(config, logger);
  t.equal(broker.groups!.fetchOffsets('g', null).entries[0]?.offset, 5, 'replayed across the control batches after it');
  t.same(await commit(broker, 7), ['NONE']);
  await broker.close();
  await appendControls([CONTROL_TYPE_RAFT_NOOP]);

  broker = await NodeBroker.open(config, logger);
  t.teardown(() => broker.close());
  t.same(broker.groups!.fetchOffsets('g', null).entries.map((e) => [e.offset, e.metadata]), [[7, 'x']], 'control batches between and after the commits are skipped');
  // recordsBefore counts offsets: 2 commits and 3 control batches.
  t.same(await broker.groups!.compactPartition(0), { recordsBefore: 5, recordsAfter: 1 }, 'compaction over the control batches');
  t.same(broker.groups!.fetchOffsets('g', null).entries.map((e) => e.offset), [7]);
});
