/**
 * The group API handlers over a real socket to the real broker, at the versions and edge cases
 * clients rely on: FindCoordinator v0/v1/v4 (transaction keys refused with a message), the v4+
 * two-step join, INVALID_SESSION_TIMEOUT, SyncGroup v5 protocol checks, Heartbeat errors,
 * OffsetCommit v0/v1 (Sarama's default), v2 and the v8 multi-group shape, OffsetFetch v0/v1, DescribeGroups, ListGroups with a
 * states filter, LeaveGroup v3 batch leave, DeleteGroups and OffsetDelete.
 */
import t from 'tap';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { BROKER_READY_MS_MAX } from '../helpers/group-interop.js';
import { RawClient } from '../helpers/raw-client.js';

const SESSION_MS = 10_000;

t.test('group APIs over the wire', async (t) => {
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: ['--group-initial-rebalance-delay-ms', '0', '--default-partitions', '2'] });
  const c = await RawClient.connect(t, broker.port);
  // Auto-create the topic the commits refer to.
  await c.request(ApiKey.Metadata, 4, { topics: [{ topicId: Buffer.alloc(16), name: 'orders' }], allowAutoTopicCreation: true, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false });

  t.test('FindCoordinator', async (t) => {
    const v0 = await c.request(ApiKey.FindCoordinator, 0, { key: 'g', keyType: 0, coordinatorKeys: [] });
    t.equal(v0.errorCode, ErrorCode.NONE);
    t.equal(v0.nodeId, 0);
    t.equal(v0.port, broker.port);
    const txn = await c.request(ApiKey.FindCoordinator, 1, { key: 'tx', keyType: 1, coordinatorKeys: [] });
    t.equal(txn.errorCode, ErrorCode.COORDINATOR_NOT_AVAILABLE);
    t.match(txn.errorMessage, /transactions/);
    const v4 = await c.request(ApiKey.FindCoordinator, 4, { key: '', keyType: 0, coordinatorKeys: ['a', 'b'] });
    t.same(v4.coordinators.map((x: { key: string; errorCode: number; port: number }) => [x.key, x.errorCode, x.port]), [['a', 0, broker.port], ['b', 0, broker.port]]);
  });

  const join = (version: number, over: Record<string, unknown> = {}) =>
    c.request(ApiKey.JoinGroup, version, {
      groupId: 'g', sessionTimeoutMs: SESSION_MS, rebalanceTimeoutMs: SESSION_MS, memberId: '', groupInstanceId: null,
      protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.from([0, 0, 0, 0, 0, 1, 0, 6, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x73, 0xff, 0xff, 0xff, 0xff]) }],
      reason: null, ...over,
    });

  let memberId = '';
  let generationId = -1;
  t.test('JoinGroup: session timeout range, two-step join, leader', async (t) => {
    t.equal((await join(0, { sessionTimeoutMs: 5000 })).errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
    const first = await join(5);
    t.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
    t.ok(first.memberId.startsWith('canopy-raw-client-'), 'member id derives from the client id');
    const second = await join(5, { memberId: first.memberId });
    t.equal(second.errorCode, ErrorCode.NONE);
    t.equal(second.generationId, 1);
    t.equal(second.leader, first.memberId);
    t.equal(second.protocolName, 'range');
    t.equal(second.members.length, 1);
    memberId = second.memberId;
    generationId = second.generationId;
  });

  t.test('SyncGroup and Heartbeat', async (t) => {
    const sync = (over: Record<string, unknown>) =>
      c.request(ApiKey.SyncGroup, 5, { groupId: 'g', generationId, memberId, groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments: [], ...over });
    t.equal((await sync({ protocolName: 'roundrobin' })).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const ok = await sync({ assignments: [{ memberId, assignment: Buffer.from('assigned') }] });
    t.equal(ok.errorCode, ErrorCode.NONE);
    t.equal(ok.assignment.toString(), 'assigned');
    const hb = (v: number, over: Record<string, unknown>) => c.request(ApiKey.Heartbeat, v, { groupId: 'g', generationId, memberId, groupInstanceId: null, ...over });
    t.equal((await hb(0, {})).errorCode, ErrorCode.NONE);
    t.equal((await hb(4, { generationId: generationId + 1 })).errorCode, ErrorCode.ILLEGAL_GENERATION);
    t.equal((await hb(1, { memberId: 'nobody' })).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  });

  t.test('OffsetCommit and OffsetFetch across versions', async (t) => {
    const commit = (v: number, over: Record<string, unknown>, partitions: Array<[number, number]>, topic = 'orders') =>
      c.request(ApiKey.OffsetCommit, v, {
        groupId: 'g', generationIdOrMemberEpoch: generationId, memberId, groupInstanceId: null, retentionTimeMs: -1,
        topics: [{ name: topic, partitions: partitions.map(([partitionIndex, committedOffset]) => ({ partitionIndex, committedOffset, committedLeaderEpoch: 4, commitTimestamp: -1, committedMetadata: 'meta' })) }],
        ...over,
      });
    const r2 = await commit(2, {}, [[0, 10], [1, 20], [9, 1]]);
    t.same(r2.topics[0].partitions.map((p: { errorCode: number }) => p.errorCode), [0, 0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
    const unknownTopic = await commit(8, {}, [[0, 1]], 'nope');
    t.equal(unknownTopic.topics[0].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    t.equal((await commit(7, { generationIdOrMemberEpoch: generationId + 5 }, [[0, 11]])).topics[0].partitions[0].errorCode, ErrorCode.ILLEGAL_GENERATION);
    t.equal((await commit(8, {}, [[1, 21]])).topics[0].partitions[0].errorCode, ErrorCode.NONE);

    const v1 = await c.request(ApiKey.OffsetFetch, 1, { groupId: 'g', topics: [{ name: 'orders', partitionIndexes: [0, 1] }], groups: [], requireStable: false });
    t.same(v1.topics[0].partitions.map((p: { committedOffset: number }) => p.committedOffset), [10, 21]);
    const v5 = await c.request(ApiKey.OffsetFetch, 5, { groupId: 'g', topics: null, groups: [], requireStable: false });
    t.equal(v5.errorCode, ErrorCode.NONE);
    t.same(v5.topics[0].partitions.map((p: { partitionIndex: number; committedOffset: number; committedLeaderEpoch: number; metadata: string }) => [p.partitionIndex, p.committedOffset, p.committedLeaderEpoch, p.metadata]), [
      [0, 10, -1, 'meta'],
      [1, 21, 4, 'meta'],
    ], 'v2 commits carry no leader epoch; v8 ones do');
    const v8 = await c.request(ApiKey.OffsetFetch, 8, {
      groupId: '', topics: null, requireStable: true,
      groups: [{ groupId: 'g', memberId: null, memberEpoch: -1, topics: [{ name: 'orders', partitionIndexes: [1] }] }, { groupId: 'other', memberId: null, memberEpoch: -1, topics: null }],
    });
    t.same(v8.groups.map((g: { groupId: string; errorCode: number }) => [g.groupId, g.errorCode]), [['g', 0], ['other', 0]]);
    t.equal(v8.groups[0].topics[0].partitions[0].committedOffset, 21);
    t.same(v8.groups[1].topics, [], 'a group with no commits has no topics');
    const missing = await c.request(ApiKey.OffsetFetch, 3, { groupId: 'g', topics: [{ name: 'orders', partitionIndexes: [0] }, { name: 'later', partitionIndexes: [0] }], groups: [], requireStable: false });
    t.equal(missing.topics[1].partitions[0].committedOffset, -1, 'nothing committed: -1');
  });

  t.test('DescribeGroups and ListGroups', async (t) => {
    const d = await c.request(ApiKey.DescribeGroups, 5, { groups: ['g', 'unknown'], includeAuthorizedOperations: false });
    t.equal(d.groups[0].groupState, 'Stable');
    t.equal(d.groups[0].protocolData, 'range');
    t.equal(d.groups[0].members[0].memberId, memberId);
    t.equal(d.groups[0].members[0].memberAssignment.toString(), 'assigned');
    t.equal(d.groups[1].groupState, 'Dead', 'an unknown group is Dead with no error, as in Kafka');
    const all = await c.request(ApiKey.ListGroups, 0, { statesFilter: [], typesFilter: [] });
    t.same(all.groups.map((g: { groupId: string }) => g.groupId), ['g']);
    const empty = await c.request(ApiKey.ListGroups, 4, { statesFilter: ['Empty'], typesFilter: [] });
    t.same(empty.groups, []);
    const stable = await c.request(ApiKey.ListGroups, 5, { statesFilter: ['Stable'], typesFilter: ['classic'] });
    t.same(stable.groups.map((g: { groupId: string; groupState: string }) => [g.groupId, g.groupState]), [['g', 'Stable']]);
  });

  t.test('OffsetCommit v0 and v1 (the Sarama default) and OffsetFetch v0, as Kafka 3.x serves them', async (t) => {
    const partition = (partitionIndex: number, committedOffset: number, commitTimestamp = -1) =>
      ({ partitionIndex, committedOffset, committedLeaderEpoch: -1, commitTimestamp, committedMetadata: 'old' });
    const v1 = await c.request(ApiKey.OffsetCommit, 1, {
      groupId: 'g', generationIdOrMemberEpoch: generationId, memberId, groupInstanceId: null, retentionTimeMs: -1,
      topics: [{ name: 'orders', partitions: [partition(0, 30, 1_600_000_000_000), partition(1, 31)] }],
    });
    t.same(v1.topics[0].partitions.map((p: { errorCode: number }) => p.errorCode), [0, 0]);
    const stale = await c.request(ApiKey.OffsetCommit, 1, {
      groupId: 'g', generationIdOrMemberEpoch: generationId + 1, memberId, groupInstanceId: null, retentionTimeMs: -1,
      topics: [{ name: 'orders', partitions: [partition(0, 99)] }],
    });
    t.equal(stale.topics[0].partitions[0].errorCode, ErrorCode.ILLEGAL_GENERATION, 'v1 checks the generation');
    // v0 has no generation or member id: a commit from outside any group.
    const v0 = await c.request(ApiKey.OffsetCommit, 0, {
      groupId: 'simple', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, retentionTimeMs: -1,
      topics: [{ name: 'orders', partitions: [partition(1, 5)] }],
    });
    t.equal(v0.topics[0].partitions[0].errorCode, ErrorCode.NONE);
    const intoLiveGroup = await c.request(ApiKey.OffsetCommit, 0, {
      groupId: 'g', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, retentionTimeMs: -1,
      topics: [{ name: 'orders', partitions: [partition(0, 99)] }],
    });
    t.not(intoLiveGroup.topics[0].partitions[0].errorCode, ErrorCode.NONE, 'v0 cannot commit into a group with members');
    const fetch0 = (groupId: string) => c.request(ApiKey.OffsetFetch, 0, { groupId, topics: [{ name: 'orders', partitionIndexes: [0, 1] }], groups: [], requireStable: false });
    const g = await fetch0('g');
    t.same(g.topics[0].partitions.map((p: { committedOffset: number; metadata: string; errorCode: number }) => [p.committedOffset, p.metadata, p.errorCode]), [[30, 'old', 0], [31, 'old', 0]]);
    const simple = await fetch0('simple');
    t.same(simple.topics[0].partitions.map((p: { committedOffset: number }) => p.committedOffset), [-1, 5]);
  });

  t.test('OffsetDelete, LeaveGroup v3, DeleteGroups', async (t) => {
    const od = await c.request(ApiKey.OffsetDelete, 0, { groupId: 'g', topics: [{ name: 'orders', partitions: [{ partitionIndex: 0 }] }] });
    t.equal(od.topics[0].partitions[0].errorCode, ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC, 'the member subscribes to orders');
    const busy = await c.request(ApiKey.DeleteGroups, 2, { groupsNames: ['g', 'nope'] });
    t.same(busy.results.map((r: { errorCode: number }) => r.errorCode), [ErrorCode.NON_EMPTY_GROUP, ErrorCode.GROUP_ID_NOT_FOUND]);
    const leave = await c.request(ApiKey.LeaveGroup, 3, { groupId: 'g', memberId: '', members: [{ memberId, groupInstanceId: null, reason: null }, { memberId: 'ghost', groupInstanceId: null, reason: null }] });
    t.equal(leave.errorCode, ErrorCode.NONE);
    t.same(leave.members.map((m: { errorCode: number }) => m.errorCode), [ErrorCode.NONE, ErrorCode.UNKNOWN_MEMBER_ID]);
    const od2 = await c.request(ApiKey.OffsetDelete, 0, { groupId: 'g', topics: [{ name: 'orders', partitions: [{ partitionIndex: 0 }] }] });
    t.equal(od2.topics[0].partitions[0].errorCode, ErrorCode.NONE, 'deletable once the group is empty');
    const after = await c.request(ApiKey.OffsetFetch, 2, { groupId: 'g', topics: null, groups: [], requireStable: false });
    t.same(after.topics[0].partitions.map((p: { partitionIndex: number }) => p.partitionIndex), [1]);
    const del = await c.request(ApiKey.DeleteGroups, 0, { groupsNames: ['g'] });
    t.equal(del.results[0].errorCode, ErrorCode.NONE);
    const gone = await c.request(ApiKey.OffsetFetch, 2, { groupId: 'g', topics: null, groups: [], requireStable: false });
    t.same(gone.topics, [], 'offsets deleted with the group');
  });
});

t.test('a JoinGroup parked in a rebalance is answered at shutdown instead of holding it', async (t) => {
  const broker = await spawnBroker(t, { readyMsMax: BROKER_READY_MS_MAX, args: ['--group-initial-rebalance-delay-ms', '0'] });
  const a = await RawClient.connect(t, broker.port);
  const body = (memberId: string) => ({
    groupId: 'parked', sessionTimeoutMs: 60_000, rebalanceTimeoutMs: 60_000, memberId, groupInstanceId: null,
    protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }], reason: null,
  });
  const first = await a.request(ApiKey.JoinGroup, 2, body(''));
  t.equal(first.errorCode, ErrorCode.NONE);
  const synced = await a.request(ApiKey.SyncGroup, 2, { groupId: 'parked', generationId: first.generationId, memberId: first.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
  t.equal(synced.errorCode, ErrorCode.NONE);
  // b's join waits for a to rejoin, which it never does (rebalance timeout 60 s).
  const b = await RawClient.connect(t, broker.port);
  const id = b.send(ApiKey.JoinGroup, 2, body(''));
  // Stop only once b's join is parked (the group left Stable); a SIGTERM that wins the race with
  // b's request would close b's connection before the broker read it, which is not this test.
  let state = '';
  for (let i = 0; i < 100 && state !== 'PreparingRebalance'; i++) {
    const described = await a.request(ApiKey.DescribeGroups, 0, { groups: ['parked'], includeAuthorizedOperations: false });
    state = described.groups[0].groupState;
    if (state !== 'PreparingRebalance') await new Promise((r) => setTimeout(r, 50));
  }
  t.equal(state, 'PreparingRebalance', "b's join is parked in a rebalance");
  const stopping = broker.stop();
  const answer = await b.nextResponse(ApiKey.JoinGroup, 2);
  t.equal(answer.correlationId, id);
  t.equal(answer.body.errorCode, ErrorCode.COORDINATOR_NOT_AVAILABLE, 'the parked join is answered with a retriable error');
  t.equal(await stopping, 0, 'graceful stop completed (not killed after its grace period)');
});
