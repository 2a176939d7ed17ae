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
