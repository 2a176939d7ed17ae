import t from 'tap';
import { GroupCoordinator, DEFAULT_COORDINATOR_CONFIG } from '../../src/groups/coordinator.js';
import type { CoordinatorConfig } from '../../src/groups/coordinator.js';
import type { JoinParams } from '../../src/groups/group.js';
import { MemoryGroupLog } from '../../src/groups/group-log.js';
import { ManualTimers } from '../../src/groups/timers.js';
import { groupKey, groupPartition, offsetKey } from '../../src/groups/log-records.js';

const RETENTION_MS = 60_000;
const CHECK_MS = 1000;
const config: CoordinatorConfig = {
  ...DEFAULT_COORDINATOR_CONFIG,
  offsetsPartitionCount: 4,
  initialRebalanceDelayMs: 0,
  offsetsRetentionMs: RETENTION_MS,
  offsetsRetentionCheckIntervalMs: CHECK_MS,
};

async function started(log = new MemoryGroupLog(4), timers = new ManualTimers()) {
  const c = new GroupCoordinator({ log, timers, config });
  await c.start();
  return { c, log, timers };
}

/** Subscription v0 for topics, as consumers send it in JoinGroup. */
function subscription(topics: string[]): Buffer {
  const parts = [Buffer.from([0, 0]), Buffer.alloc(4)];
  parts[1]!.writeInt32BE(topics.length);
  for (const topic of topics) {
    const len = Buffer.alloc(2);
    len.writeInt16BE(topic.length);
    parts.push(len, Buffer.from(topic));
  }
  parts.push(Buffer.from([0xff, 0xff, 0xff, 0xff]));
  return Buffer.concat(parts);
}

/** Assignment v0: one topic with the given partitions. */
function assignment(topic: string, partitions: number[]): Buffer {
  const b = Buffer.alloc(2 + 4 + 2 + topic.length + 4 + partitions.length * 4 + 4);
  let pos = b.writeInt16BE(0, 0);
  pos = b.writeInt32BE(1, pos);
  pos = b.writeInt16BE(topic.length, pos);
  pos += b.write(topic, pos);
  pos = b.writeInt32BE(partitions.length, pos);
  for (const p of partitions) pos = b.writeInt32BE(p, pos);
  b.writeInt32BE(-1, pos);
  return b;
}

const joinParams = (over: Partial<JoinParams> = {}): JoinParams => ({
  memberId: '',
  groupInstanceId: null,
  protocolType: 'consumer',
  protocols: [{ name: 'range', metadata: subscription(['orders']) }],
  sessionTimeoutMs: 10_000,
  rebalanceTimeoutMs: 20_000,
  clientId: 'c',
  clientHost: '/127.0.0.1',
  requireKnownMemberId: false,
  ...over,
});

t.test('requests before load get COORDINATOR_LOAD_IN_PROGRESS', async (t) => {
  const c = new GroupCoordinator({ log: new MemoryGroupLog(4), timers: new ManualTimers(), config });
  t.equal(c.heartbeat('g', 'm', null, 1), 'COORDINATOR_LOAD_IN_PROGRESS');
  t.equal((await c.join('g', joinParams())).error, 'COORDINATOR_LOAD_IN_PROGRESS');
  await c.start();
  t.equal(c.heartbeat('g', 'm', null, 1), 'UNKNOWN_MEMBER_ID');
});

t.test('session timeout range covers every client default', async (t) => {
  const { c } = await started();
  for (const ms of [10_000, 30_000, 45_000, 60_000]) {
    const r = await c.join(`g${ms}`, joinParams({ sessionTimeoutMs: ms }));
    t.equal(r.error, 'NONE', `session ${ms} ms accepted`);
  }
  t.equal((await c.join('g', joinParams({ sessionTimeoutMs: 5999 }))).error, 'INVALID_SESSION_TIMEOUT');
  t.equal((await c.join('g', joinParams({ sessionTimeoutMs: 1_800_001 }))).error, 'INVALID_SESSION_TIMEOUT');
  c.stop();
});

t.test("a log written in Canopy's earlier record layout (value version 1) loads, and new writes use Kafka's", async (t) => {
  const log = new MemoryGroupLog(4);
  const p = groupPartition('old', 4);
  // Bytes exactly as the earlier log-records.ts wrote them (see log-records-legacy.ts).
  const legacyOffset = Buffer.from('0001' + '000000000000002a' + '00000003' + '0002' + Buffer.from('md').toString('hex') + '0000018bcfe56800', 'hex');
  const str = (v: string) => Buffer.concat([Buffer.from([0, v.length]), Buffer.from(v)]).toString('hex');
  const legacyGroup = Buffer.from(
    '0001' + str('consumer') + str('range') + '00000004' + str('m1') + str('Stable') + '0000018bcfe56800' + '00000001' +
      str('m1') + 'ffff' + str('c') + str('/h') + '00002710' + '00002710' + '00000001' + str('range') + '00000000' + '00000000',
    'hex',
  );
  log.records[p]!.push({ key: offsetKey('old', 'orders', 0), value: legacyOffset, timestampMs: 0 }, { key: groupKey('old'), value: legacyGroup, timestampMs: 0 });
  const { c } = await started(log);
  t.same(c.fetchOffsets('old', ['orders']).entries.map((e) => [e.offset, e.leaderEpoch, e.metadata, e.commitTimestampMs]), [[42, 3, 'md', 1_700_000_000_000]]);
  const d = c.describe('old').group;
  t.same([d.state, d.generationId, d.leaderId, d.members.map((m) => m.memberId)], ['Stable', 4, 'm1', ['m1']]);
  await c.commitOffsets('old', 'm1', null, 4, [{ topic: 'orders', partition: 0, offset: 43, leaderEpoch: -1, metadata: '' }]);
  const last = log.records[p]!.at(-1)!;
  t.same(last.value!.subarray(0, 2), Buffer.from([0, 3]), 'the new commit is an OffsetCommitValue v3');
  c.stop();
});

t.test("OffsetCommit v1's commit timestamp is stored; -1 or none means now", async (t) => {
  const { c, timers } = await started();
  const errors = await c.commitOffsets('v1', '', null, -1, [
    { topic: 'orders', partition: 0, offset: 1, leaderEpoch: -1, metadata: '', commitTimestampMs: 1_600_000_000_000 },
    { topic: 'orders', partition: 1, offset: 2, leaderEpoch: -1, metadata: '', commitTimestampMs: -1 },
    { topic: 'orders', partition: 2, offset: 3, leaderEpoch: -1, metadata: '' },
  ]);
  t.same(errors, ['NONE', 'NONE', 'NONE']);
  t.same(c.fetchOffsets('v1', ['orders']).entries.map((e) => e.commitTimestampMs), [1_600_000_000_000, timers.now(), timers.now()]);
  c.stop();
});

t.test('commit and fetch offsets; a commit from outside the group (generation -1)', async (t) => {
  const { c } = await started();
  const errors = await c.commitOffsets('solo', '', null, -1, [
    { topic: 'orders', partition: 0, offset: 42, leaderEpoch: 3, metadata: 'm0' },
    { topic: 'orders', partition: 1, offset: 7, leaderEpoch: -1, metadata: null },
    { topic: 'orders', partition: 2, offset: 9, leaderEpoch: -1, metadata: 'x'.repeat(5000) },
  ]);
  t.same(errors, ['NONE', 'NONE', 'OFFSET_METADATA_TOO_LARGE']);
  const f = c.fetchOffsets('solo', ['orders']);
  t.same(f.entries.map((e) => [e.partition, e.offset, e.leaderEpoch, e.metadata]), [
    [0, 42, 3, 'm0'],
    [1, 7, -1, ''],
  ]);
  t.same(c.fetchOffsets('solo', ['other']).entries, []);
  t.equal(c.fetchOffsets('nobody', null).entries.length, 0);
  t.same((await c.commitOffsets('fresh', 'x', null, 3, [{ topic: 'a', partition: 0, offset: 1, leaderEpoch: -1, metadata: '' }])), ['ILLEGAL_GENERATION']);
  c.stop();
});

t.test('a commit is not visible when its append fails', async (t) => {
  const { c, log } = await started();
  log.failNextAppend = 'NOT_COORDINATOR';
  const errors = await c.commitOffsets('g', '', null, -1, [{ topic: 'a', partition: 0, offset: 5, leaderEpoch: -1, metadata: '' }]);
  t.same(errors, ['NOT_COORDINATOR']);
  t.same(c.fetchOffsets('g', null).entries, []);
  c.stop();
});

t.test('member commits are checked against generation and membership', async (t) => {
  const { c } = await started();
  const j = await c.join('g', joinParams());
  const entry = [{ topic: 'orders', partition: 0, offset: 10, leaderEpoch: -1, metadata: '' }];
  t.same(await c.commitOffsets('g', j.memberId, null, j.generationId, entry), ['REBALANCE_IN_PROGRESS'], 'not before sync');
  const s = await c.sync('g', { memberId: j.memberId, generationId: j.generationId, groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments: [{ memberId: j.memberId, assignment: assignment('orders', [0, 1]) }] });
  t.equal(s.error, 'NONE');
  t.same(await c.commitOffsets('g', j.memberId, null, j.generationId, entry), ['NONE']);
  t.same(await c.commitOffsets('g', j.memberId, null, j.generationId + 1, entry), ['ILLEGAL_GENERATION']);
  t.same(await c.commitOffsets('g', 'other', null, j.generationId, entry), ['UNKNOWN_MEMBER_ID']);
  t.same(await c.commitOffsets('g', '', null, -1, entry), ['UNKNOWN_MEMBER_ID'], 'outsiders may not commit while the group has members');
  c.stop();
});

t.test('state and offsets survive a restart: replaying the log restores them', async (t) => {
  const log = new MemoryGroupLog(4);
  const { c } = await started(log);
  const j = await c.join('g', joinParams({ groupInstanceId: 'inst-1' }));
  await c.sync('g', { memberId: j.memberId, generationId: j.generationId, groupInstanceId: 'inst-1', protocolType: null, protocolName: null, assignments: [{ memberId: j.memberId, assignment: assignment('orders', [0]) }] });
  await c.commitOffsets('g', j.memberId, 'inst-1', j.generationId, [{ topic: 'orders', partition: 0, offset: 100, leaderEpoch: 1, metadata: 'meta' }]);
  await c.commitOffsets('g', j.memberId, 'inst-1', j.generationId, [{ topic: 'orders', partition: 0, offset: 150, leaderEpoch: 1, metadata: 'meta2' }]);
  c.stop();
  t.ok(log.records[c.partitionFor('g')]!.length >= 3, 'records went to the group\'s partition');
  for (let p = 0; p < 4; p++) if (p !== c.partitionFor('g')) t.equal(log.records[p]!.length, 0);

  const { c: c2 } = await started(log);
  t.equal(c2.fetchOffsets('g', null).entries[0]!.offset, 150, 'the latest commit wins');
  t.equal(c2.fetchOffsets('g', null).entries[0]!.metadata, 'meta2');
  const d = c2.describe('g').group;
  t.equal(d.state, 'Stable');
  t.equal(d.generationId, j.generationId);
  t.equal(d.members[0]!.memberId, j.memberId);
  t.equal(c2.heartbeat('g', j.memberId, 'inst-1', j.generationId), 'NONE', 'the member heartbeats on after the restart');
  const s = await c2.sync('g', { memberId: j.memberId, generationId: j.generationId, groupInstanceId: 'inst-1', protocolType: null, protocolName: null, assignments: [] });
  t.same(s.assignment, assignment('orders', [0]));
  c2.stop();
});

t.test('delete groups: only empty ones, and they stay deleted after a restart', async (t) => {
  const log = new MemoryGroupLog(4);
  const { c } = await started(log);
  t.equal(await c.deleteGroup('none'), 'GROUP_ID_NOT_FOUND');
  const j = await c.join('busy', joinParams());
  t.equal(await c.deleteGroup('busy'), 'NON_EMPTY_GROUP');
  c.leave('busy', [{ memberId: j.memberId, groupInstanceId: null }]);
  await c.commitOffsets('busy', '', null, -1, [{ topic: 'orders', partition: 0, offset: 1, leaderEpoch: -1, metadata: '' }]);
  t.equal(c.describe('busy').group.state, 'Empty');
  t.equal(await c.deleteGroup('busy'), 'NONE');
  t.same(c.fetchOffsets('busy', null).entries, []);
  t.equal(c.list(null).length, 0);
  c.stop();
  const { c: c2 } = await started(log);
  t.equal(c2.list(null).length, 0);
  t.same(c2.fetchOffsets('busy', null).entries, []);
  c2.stop();
});

t.test('list groups with a states filter', async (t) => {
  const { c } = await started();
  await c.join('a', joinParams());
  await c.commitOffsets('b', '', null, -1, [{ topic: 'orders', partition: 0, offset: 1, leaderEpoch: -1, metadata: '' }]);
  t.same(c.list(null).map((g) => g.groupId).sort(), ['a', 'b']);
  t.same(c.list(['CompletingRebalance']).map((g) => g.groupId), ['a']);
  t.same(c.list(['empty']).map((g) => g.groupId), ['b']);
  c.stop();
});

t.test('offset delete refuses topics the members subscribe to', async (t) => {
  const { c } = await started();
  const j = await c.join('g', joinParams());
  await c.sync('g', { memberId: j.memberId, generationId: j.generationId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
  await c.commitOffsets('g', j.memberId, null, j.generationId, [
    { topic: 'orders', partition: 0, offset: 1, leaderEpoch: -1, metadata: '' },
    { topic: 'old', partition: 0, offset: 2, leaderEpoch: -1, metadata: '' },
  ]);
  const r = await c.deleteOffsets('g', [{ topic: 'orders', partition: 0 }, { topic: 'old', partition: 0 }]);
  t.same(r.partitions.map((p) => p.error), ['GROUP_SUBSCRIBED_TO_TOPIC', 'NONE']);
  t.same(c.fetchOffsets('g', null).entries.map((e) => e.topic), ['orders']);
  t.equal((await c.deleteOffsets('nope', [])).error, 'GROUP_ID_NOT_FOUND');
  c.stop();
});

t.test('offsets of an empty group expire after the retention; active groups keep theirs', async (t) => {
  const log = new MemoryGroupLog(4);
  const { c, timers } = await started(log);
  await c.commitOffsets('idle', '', null, -1, [{ topic: 'orders', partition: 0, offset: 1, leaderEpoch: -1, metadata: '' }]);
  const j = await c.join('live', joinParams({ sessionTimeoutMs: 6 * RETENTION_MS, rebalanceTimeoutMs: 6 * RETENTION_MS }));
  await c.sync('live', { memberId: j.memberId, generationId: j.generationId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
  await c.commitOffsets('live', j.memberId, null, j.generationId, [{ topic: 'orders', partition: 0, offset: 5, leaderEpoch: -1, metadata: '' }]);
  for (let i = 0; i < RETENTION_MS / CHECK_MS - 2; i++) {
    timers.advance(CHECK_MS);
    await new Promise((r) => setImmediate(r));
    t.equal(c.heartbeat('live', j.memberId, null, j.generationId), 'NONE');
  }
  t.equal(c.fetchOffsets('idle', null).entries.length, 1, 'not yet');
  for (let i = 0; i < 4; i++) {
    timers.advance(CHECK_MS);
    await new Promise((r) => setImmediate(r));
  }
  t.equal(c.fetchOffsets('idle', null).entries.length, 0, 'expired');
  t.equal(c.fetchOffsets('live', null).entries.length, 1, 'a group with members keeps its offsets');
  c.stop();
  const { c: c2 } = await started(log);
  t.equal(c2.fetchOffsets('idle', null).entries.length, 0, 'the expiry was persisted');
  t.same(c2.list(null).map((g) => g.groupId), ['live']);
  c2.stop();
});

t.test('deleting a topic forgets its committed offsets in every group', async (t) => {
  const log = new MemoryGroupLog(4);
  const { c } = await started(log);
  for (const g of ['a', 'b']) {
    await c.commitOffsets(g, '', null, -1, [
      { topic: 'gone', partition: 0, offset: 3, leaderEpoch: -1, metadata: '' },
      { topic: 'kept', partition: 0, offset: 4, leaderEpoch: -1, metadata: '' },
    ]);
  }
  t.equal(await c.forgetTopic('gone'), 2);
  t.same(c.fetchOffsets('a', null).entries.map((e) => e.topic), ['kept']);
  c.stop();
  const { c: c2 } = await started(log);
  t.same(c2.fetchOffsets('b', null).entries.map((e) => e.topic), ['kept'], 'persisted as tombstones');
  c2.stop();
});

t.test('compaction rewrites the live state and drops superseded records; a restart sees the same state', async (t) => {
  const log = new MemoryGroupLog(4);
  const { c } = await started(log);
  const j = await c.join('g', joinParams());
  await c.sync('g', { memberId: j.memberId, generationId: j.generationId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [{ memberId: j.memberId, assignment: assignment('orders', [0, 1]) }] });
  for (let i = 1; i <= 50; i++) {
    await c.commitOffsets('g', j.memberId, null, j.generationId, [
      { topic: 'orders', partition: 0, offset: i, leaderEpoch: 2, metadata: `m${i}` },
      { topic: 'orders', partition: 1, offset: 2 * i, leaderEpoch: 2, metadata: '' },
    ]);
  }
  const p = c.partitionFor('g');
  t.equal(log.records[p]!.length, 101, 'one group record and fifty commits of two records');
  const r = await c.compactPartition(p);
  t.same(r, { recordsBefore: 101, recordsAfter: 3 }, 'the group and its two offsets remain');
  t.equal(log.startOffsets[p], 101, 'the log start moved past the old records');
  await c.commitOffsets('g', j.memberId, null, j.generationId, [{ topic: 'orders', partition: 0, offset: 99, leaderEpoch: 2, metadata: 'late' }]);
  c.stop();
  const { c: c2 } = await started(log);
  t.same(c2.fetchOffsets('g', null).entries.map((e) => [e.partition, e.offset, e.metadata, e.leaderEpoch]), [[0, 99, 'late', 2], [1, 100, '', 2]]);
  t.equal(c2.describe('g').group.state, 'Stable');
  t.equal(c2.heartbeat('g', j.memberId, null, j.generationId), 'NONE');
  c2.stop();
});

t.test('a commit in flight when compaction starts is not lost', async (t) => {
  const log = new MemoryGroupLog(4);
  const { c } = await started(log);
  await c.commitOffsets('g', '', null, -1, [{ topic: 'orders', partition: 0, offset: 1, leaderEpoch: -1, metadata: '' }]);
  const committing = c.commitOffsets('g', '', null, -1, [{ topic: 'orders', partition: 0, offset: 2, leaderEpoch: -1, metadata: '' }]);
  const compacting = c.compactPartition(c.partitionFor('g'));
  const later = c.commitOffsets('g', '', null, -1, [{ topic: 'orders', partition: 1, offset: 5, leaderEpoch: -1, metadata: '' }]);
  t.same(await committing, ['NONE']);
  t.ok(await compacting);
  t.same(await later, ['NONE']);
  c.stop();
  const { c: c2 } = await started(log);
  t.same(c2.fetchOffsets('g', null).entries.map((e) => [e.partition, e.offset]), [[0, 2], [1, 5]]);
  c2.stop();
});

t.test('compactIfNeeded compacts only long, mostly superseded partitions', async (t) => {
  const log = new MemoryGroupLog(4);
  const timers = new ManualTimers();
  const c = new GroupCoordinator({ log, timers, config: { ...config, compactionRecordsMin: 20 } });
  await c.start();
  for (let i = 0; i < 10; i++) await c.commitOffsets('few', '', null, -1, [{ topic: 'a', partition: 0, offset: i, leaderEpoch: -1, metadata: '' }]);
  t.equal(await c.compactIfNeeded(), 0, 'below the record minimum');
  for (let i = 0; i < 30; i++) await c.commitOffsets('few', '', null, -1, [{ topic: 'a', partition: 0, offset: i, leaderEpoch: -1, metadata: '' }]);
  t.equal(await c.compactIfNeeded(), 1);
  t.equal(log.records[c.partitionFor('few')]!.length, 1);
  t.equal(await c.compactIfNeeded(), 0, 'nothing left to gain');
  c.stop();
});
