import t from 'tap';
import { GroupsService } from '../../src/groups/service.js';
import { DEFAULT_COORDINATOR_CONFIG } from '../../src/groups/coordinator.js';
import { MemoryGroupLog } from '../../src/groups/group-log.js';
import { ManualTimers } from '../../src/groups/timers.js';
import type { PartitionOffsetsSource } from '../../src/groups/lag.js';
import { lagOf, totalLag } from '../../src/groups/lag.js';

/** Topic "events": partition 0 spans offsets [5, 100) with timestamps 1000 + offset; partition 1 [0, 30). */
const source: PartitionOffsetsSource = {
  highWatermark: (topic, p) => (topic !== 'events' ? null : p === 0 ? 100 : p === 1 ? 30 : null),
  logStartOffset: (topic, p) => (topic !== 'events' ? null : p === 0 ? 5 : p === 1 ? 0 : null),
  offsetForTimestamp: async (topic, p, ts) => (topic === 'events' && p === 0 ? (ts <= 1099 ? Math.max(5, ts - 1000) : null) : null),
  recordTimestampFrom: async (topic, p, offset) => (topic === 'events' && p === 0 && offset < 100 ? 1000 + Math.max(5, offset) : null),
  partitionIds: (topic) => (topic === 'events' ? [0, 1] : null),
};

function assignment(topic: string, partitions: number[]): Buffer {
  const b = Buffer.alloc(2 + 4 + 2 + topic.length + 4 + 4 * partitions.length + 4);
  let pos = b.writeInt16BE(0, 0);
  pos = b.writeInt32BE(1, pos);
  pos = b.writeInt16BE(topic.length, pos);
  pos += b.write(topic, pos);
  pos = b.writeInt32BE(partitions.length, pos);
  for (const p of partitions) pos = b.writeInt32BE(p, pos);
  b.writeInt32BE(-1, pos);
  return b;
}

async function service() {
  const s = new GroupsService({ log: new MemoryGroupLog(2), timers: new ManualTimers(), config: { ...DEFAULT_COORDINATOR_CONFIG, initialRebalanceDelayMs: 0 }, source });
  await s.start();
  return s;
}

t.test('lag arithmetic', async (t) => {
  t.equal(lagOf(40, 100), 60);
  t.equal(lagOf(120, 100), 0, 'never negative');
  t.equal(lagOf(null, 100), null);
  t.equal(lagOf(3, null), null);
  t.equal(totalLag([{ topic: 'a', partition: 0, committedOffset: 1, highWatermark: 5, lag: 4, memberId: null }, { topic: 'a', partition: 1, committedOffset: null, highWatermark: 5, lag: null, memberId: null }]), 4);
});

t.test('describeWithLag: members, decoded assignments and lag per partition', async (t) => {
  const s = await service();
  const j = await s.join('g', {
    memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
    sessionTimeoutMs: 30_000, rebalanceTimeoutMs: 30_000, clientId: 'cli', clientHost: '/127.0.0.1', requireKnownMemberId: false,
  });
  await s.sync('g', { memberId: j.memberId, generationId: j.generationId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [{ memberId: j.memberId, assignment: assignment('events', [0, 1]) }] });
  await s.commitOffsets('g', j.memberId, null, j.generationId, [{ topic: 'events', partition: 0, offset: 40, leaderEpoch: -1, metadata: '' }]);
  const view = s.describeWithLag('g')!;
  t.equal(view.state, 'Stable');
  t.same(view.members.map((m) => [m.clientId, m.assignment]), [['cli', [{ topic: 'events', partitions: [0, 1] }]]]);
  t.same(view.offsets, [
    { topic: 'events', partition: 0, committedOffset: 40, highWatermark: 100, lag: 60, memberId: j.memberId },
    { topic: 'events', partition: 1, committedOffset: null, highWatermark: 30, lag: null, memberId: j.memberId },
  ]);
  t.equal(s.describeWithLag('nobody'), null);
  t.equal((await s.resetOffsets({ groupId: 'g', topic: 'events', to: { kind: 'earliest' }, dryRun: false })).error, 'NON_EMPTY_GROUP', 'not while members are active');
  s.stop();
});

t.test('resetOffsets: earliest, latest, timestamp, offset (clamped), dry run, unknown topic', async (t) => {
  const s = await service();
  await s.commitOffsets('g', '', null, -1, [{ topic: 'events', partition: 0, offset: 50, leaderEpoch: -1, metadata: '' }]);
  const dry = await s.resetOffsets({ groupId: 'g', topic: 'events', to: { kind: 'earliest' }, dryRun: true });
  t.same(dry, { error: 'NONE', rows: [{ topic: 'events', partition: 0, previousOffset: 50, newOffset: 5 }, { topic: 'events', partition: 1, previousOffset: null, newOffset: 0 }] });
  t.equal(s.fetchOffsets('g', null).entries[0]!.offset, 50, 'a dry run commits nothing');
  const latest = await s.resetOffsets({ groupId: 'g', topic: 'events', partitions: [1], to: { kind: 'latest' }, dryRun: false });
  t.same(latest.rows.map((r) => [r.partition, r.newOffset]), [[1, 30]]);
  const ts = await s.resetOffsets({ groupId: 'g', topic: 'events', partitions: [0], to: { kind: 'timestamp', timestampMs: 1042 }, dryRun: false });
  t.same(ts.rows.map((r) => r.newOffset), [42]);
  const late = await s.resetOffsets({ groupId: 'g', topic: 'events', partitions: [0], to: { kind: 'timestamp', timestampMs: 9999 }, dryRun: false });
  t.same(late.rows.map((r) => r.newOffset), [100], 'after the last record: the high watermark');
  const clamped = await s.resetOffsets({ groupId: 'g', topic: 'events', partitions: [0], to: { kind: 'offset', offset: 1 }, dryRun: false });
  t.same(clamped.rows.map((r) => r.newOffset), [5], 'clamped to the log start');
  t.same(s.fetchOffsets('g', null).entries.map((e) => [e.partition, e.offset]), [[0, 5], [1, 30]]);
  t.equal((await s.resetOffsets({ groupId: 'g', topic: 'nope', to: { kind: 'latest' }, dryRun: false })).error, 'UNKNOWN_TOPIC_OR_PARTITION');
  t.equal((await s.resetOffsets({ groupId: 'g', topic: 'events', partitions: [7], to: { kind: 'latest' }, dryRun: false })).error, 'UNKNOWN_TOPIC_OR_PARTITION');
  t.same(await s.deleteGroups(['g', 'h']), [{ groupId: 'g', error: 'NONE' }, { groupId: 'h', error: 'GROUP_ID_NOT_FOUND' }]);
  s.stop();
});
