import t from 'tap';
import { startAdminNode, http, type AdminNode } from '../../helpers/admin-node.js';
import { recordsBatch } from '../../helpers/valid-batches.js';
import { DEFAULT_COORDINATOR_CONFIG } from '../../../src/groups/coordinator.js';
import { GroupsService } from '../../../src/groups/service.js';
import { partitionOffsetsSource } from '../../../src/groups/open-groups.js';
import { MemoryGroupLog } from '../../../src/groups/group-log.js';
import { ManualTimers } from '../../../src/groups/timers.js';
import { createGroupsView } from '../../../src/admin/group-views.js';

/** ConsumerProtocolAssignment v0 bytes: version, [topic, [partition]], user data null. */
function assignmentBytes(topics: Array<[string, number[]]>): Buffer {
  const parts: Buffer[] = [Buffer.from([0, 0])];
  const count = Buffer.alloc(4);
  count.writeInt32BE(topics.length);
  parts.push(count);
  for (const [topic, partitions] of topics) {
    const name = Buffer.from(topic);
    const header = Buffer.alloc(2 + name.length + 4);
    header.writeInt16BE(name.length);
    name.copy(header, 2);
    header.writeInt32BE(partitions.length, 2 + name.length);
    parts.push(header);
    for (const p of partitions) {
      const b = Buffer.alloc(4);
      b.writeInt32BE(p);
      parts.push(b);
    }
  }
  const userData = Buffer.alloc(4);
  userData.writeInt32BE(-1);
  parts.push(userData);
  return Buffer.concat(parts);
}

interface GroupNode { node: AdminNode; coordinator: GroupsService; timers: ManualTimers }

async function startGroupNode(t: Parameters<typeof startAdminNode>[0]): Promise<GroupNode> {
  const timers = new ManualTimers(Date.now());
  let coordinator: GroupsService | undefined;
  // The real GroupsService over the node's real partitions; only its own log is in memory.
  const node = await startAdminNode(t, {
    groups: (broker) => {
      coordinator = new GroupsService({
        log: new MemoryGroupLog(4), timers, config: { ...DEFAULT_COORDINATOR_CONFIG },
        source: partitionOffsetsSource(broker.partitions, broker.topics),
      });
      return createGroupsView(coordinator);
    },
  });
  await coordinator!.start();
  t.teardown(() => coordinator!.stop());
  // Topic "events": partition 0 holds 10 records in two batches (timestamps 1000 and 2000), partition 1 holds 3.
  await node.broker.topics.create('events', { partitions: 2 });
  const p0 = node.broker.partitions.get('events', 0)!;
  await p0.append(recordsBatch(6, 1000), { acks: 1, timeoutMs: 5000 });
  await p0.append(recordsBatch(4, 2000), { acks: 1, timeoutMs: 5000 });
  await node.broker.partitions.get('events', 1)!.append(recordsBatch(3, 1500), { acks: 1, timeoutMs: 5000 });
  return { node, coordinator: coordinator!, timers };
}

async function commit(coordinator: GroupsService, group: string, offsets: Array<[string, number, number]>): Promise<void> {
  const errors = await coordinator.commitOffsets(group, '', null, -1, offsets.map(([topic, partition, offset]) => ({ topic, partition, offset, leaderEpoch: -1, metadata: 'm' })));
  if (errors.some((e) => e !== 'NONE')) throw new Error(`commit failed: ${errors.join(',')}`);
}

/** One consumer joins and syncs, assigned both partitions of "events". */
async function joinMember(g: GroupNode, group: string): Promise<string> {
  const joining = g.coordinator.join(group, {
    memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
    sessionTimeoutMs: 30_000, rebalanceTimeoutMs: 30_000, clientId: 'test-client', clientHost: '/127.0.0.1', requireKnownMemberId: false,
  });
  g.timers.advance(DEFAULT_COORDINATOR_CONFIG.initialRebalanceDelayMs + 1);
  const joined = await joining;
  t.equal(joined.error, 'NONE');
  const synced = await g.coordinator.sync(group, {
    memberId: joined.memberId, generationId: joined.generationId, groupInstanceId: null, protocolType: 'consumer', protocolName: 'range',
    assignments: [{ memberId: joined.memberId, assignment: assignmentBytes([['events', [0, 1]]]) }],
  });
  t.equal(synced.error, 'NONE');
  return joined.memberId;
}

t.test('list and describe groups with members, assignments and lag per partition', async (t) => {
  const g = await startGroupNode(t);
  await commit(g.coordinator, 'billing', [['events', 0, 4], ['events', 1, 3]]);
  const memberId = await joinMember(g, 'billing');

  const list = await http(g.node.baseUrl, 'GET', '/v1/groups');
  t.equal(list.status, 200);
  t.same(list.body, { groups: [{ groupId: 'billing', state: 'Stable', protocolType: 'consumer', members: 1 }] });

  const described = await http(g.node.baseUrl, 'GET', '/v1/groups/billing');
  t.equal(described.status, 200);
  t.match(described.body, {
    groupId: 'billing', state: 'Stable', protocolType: 'consumer', protocol: 'range', totalLag: 6,
    members: [{ memberId, clientId: 'test-client', clientHost: '/127.0.0.1', assignments: [{ topic: 'events', partitions: [0, 1] }] }],
  });
  t.same(described.body.offsets, [
    { topic: 'events', partition: 0, committedOffset: 4, highWatermark: 10, lag: 6, memberId },
    { topic: 'events', partition: 1, committedOffset: 3, highWatermark: 3, lag: 0, memberId },
  ]);

  const refused = await http(g.node.baseUrl, 'POST', '/v1/groups/billing/offsets/reset', { to: 'earliest' });
  t.equal(refused.status, 409, 'no reset while members are active');
  t.equal(refused.body.error.code, 'CANOPY_ERR_GROUP_NOT_EMPTY');
  const notDeleted = await http(g.node.baseUrl, 'DELETE', '/v1/groups/billing');
  t.equal(notDeleted.status, 409);
  t.equal(notDeleted.body.error.code, 'CANOPY_ERR_GROUP_NOT_EMPTY');
  const preview = await http(g.node.baseUrl, 'POST', '/v1/groups/billing/offsets/reset', { to: 'earliest', dryRun: true });
  t.equal(preview.status, 409, 'as in Kafka, even a dry run needs an inactive group');
});

t.test('reset offsets: dry run, earliest, latest, offset (clamped), timestamp; then delete', async (t) => {
  const g = await startGroupNode(t);
  await commit(g.coordinator, 'etl', [['events', 0, 4], ['events', 1, 1]]);
  const url = '/v1/groups/etl/offsets/reset';

  const dry = await http(g.node.baseUrl, 'POST', url, { to: 'latest', dryRun: true });
  t.equal(dry.status, 200);
  t.same(dry.body, { groupId: 'etl', dryRun: true, partitions: [
    { topic: 'events', partition: 0, previousOffset: 4, newOffset: 10 },
    { topic: 'events', partition: 1, previousOffset: 1, newOffset: 3 },
  ] });
  t.equal(g.coordinator.offsets.get('etl', 'events', 0)!.offset, 4, 'a dry run commits nothing');

  const earliest = await http(g.node.baseUrl, 'POST', url, { to: 'earliest', topic: 'events', partitions: [0] });
  t.equal(earliest.status, 200);
  t.same(earliest.body.partitions, [{ topic: 'events', partition: 0, previousOffset: 4, newOffset: 0 }]);
  t.equal(g.coordinator.offsets.get('etl', 'events', 0)!.offset, 0);
  t.equal(g.coordinator.offsets.get('etl', 'events', 1)!.offset, 1, 'other partitions untouched');

  const offset = await http(g.node.baseUrl, 'POST', url, { to: 'offset', offset: 99, topic: 'events' });
  t.same(offset.body.partitions.map((p: { newOffset: number }) => p.newOffset), [10, 3], 'clamped to the high watermark');

  const byTime = await http(g.node.baseUrl, 'POST', url, { to: 'timestamp', timestampMs: 1001, topic: 'events' });
  t.equal(byTime.status, 200);
  // Partition 0: the batch stamped 1000 ends before 1001, the next (offsets 6..9, 2000) does not.
  // Partition 1: its only batch (1500) qualifies, so the reset goes to its start.
  t.same(byTime.body.partitions.map((p: { newOffset: number }) => p.newOffset), [6, 0], 'first batch at or after the time');

  const described = await http(g.node.baseUrl, 'GET', '/v1/groups/etl');
  t.equal(described.body.state, 'Empty');
  t.equal(described.body.totalLag, 4 + 3);

  const deleted = await http(g.node.baseUrl, 'DELETE', '/v1/groups/etl');
  t.equal(deleted.status, 200);
  t.same(deleted.body, { deleted: 'etl' });
  const gone = await http(g.node.baseUrl, 'GET', '/v1/groups/etl');
  t.equal(gone.status, 404);
  t.equal(gone.body.error.code, 'CANOPY_ERR_GROUP_NOT_FOUND');
});

t.test('group errors: unknown group 404, bad reset bodies 400 naming the field, unknown topic 404', async (t) => {
  const g = await startGroupNode(t);
  await commit(g.coordinator, 'known', [['events', 0, 1]]);
  const cases: Array<[string, string, unknown, number, string, string?]> = [
    ['GET', '/v1/groups/nobody', undefined, 404, 'CANOPY_ERR_GROUP_NOT_FOUND', 'params.group'],
    ['DELETE', '/v1/groups/nobody', undefined, 404, 'CANOPY_ERR_GROUP_NOT_FOUND'],
    ['POST', '/v1/groups/nobody/offsets/reset', { to: 'earliest' }, 404, 'CANOPY_ERR_GROUP_NOT_FOUND'],
    ['POST', '/v1/groups/known/offsets/reset', {}, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.to'],
    ['POST', '/v1/groups/known/offsets/reset', { to: 'yesterday' }, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.to'],
    ['POST', '/v1/groups/known/offsets/reset', { to: 'offset' }, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.offset'],
    ['POST', '/v1/groups/known/offsets/reset', { to: 'timestamp' }, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.timestampMs'],
    ['POST', '/v1/groups/known/offsets/reset', { to: 'offset', offset: -1 }, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.offset'],
    ['POST', '/v1/groups/known/offsets/reset', { to: 'earliest', partitions: [0] }, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.topic'],
    ['POST', '/v1/groups/known/offsets/reset', { to: 'earliest', dryRun: 'yes' }, 400, 'CANOPY_ERR_INVALID_REQUEST', 'body.dryRun'],
    ['POST', '/v1/groups/known/offsets/reset', { to: 'earliest', topic: 'nope' }, 404, 'CANOPY_ERR_TOPIC_NOT_FOUND'],
    ['POST', '/v1/groups/known/offsets/reset', { to: 'earliest', topic: 'events', partitions: [7] }, 404, 'CANOPY_ERR_TOPIC_NOT_FOUND'],
  ];
  for (const [method, path, body, status, code, field] of cases) {
    const res = await http(g.node.baseUrl, method, path, body);
    const label = `${method} ${path} ${JSON.stringify(body)}`;
    t.equal(res.status, status, label);
    t.equal(res.body.error?.code, code, label);
    if (field !== undefined) t.equal(res.body.error.field, field, `${label} names ${field}`);
  }
});

t.test('without a group coordinator the group routes answer 503', async (t) => {
  const node = await startAdminNode(t);
  for (const [method, path] of [['GET', '/v1/groups'], ['GET', '/v1/groups/x'], ['DELETE', '/v1/groups/x']] as const) {
    const res = await http(node.baseUrl, method, path);
    t.equal(res.status, 503, `${method} ${path}`);
    t.equal(res.body.error.code, 'CANOPY_ERR_GROUPS_UNAVAILABLE');
  }
});
