import t from 'tap';
import { Group } from '../../src/groups/group.js';
import type { GroupSnapshot, JoinParams, JoinResult, SyncResult } from '../../src/groups/group.js';
import type { GroupError } from '../../src/groups/errors.js';
import { ManualTimers } from '../../src/groups/timers.js';

const SESSION_MS = 10_000;
const REBALANCE_MS = 30_000;
const INITIAL_DELAY_MS = 100;

/** Lets the persist promise of a SyncGroup resolve. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function harness(opts: { initialDelayMs?: number; persistError?: GroupError } = {}) {
  const timers = new ManualTimers();
  const persisted: GroupSnapshot[] = [];
  let n = 0;
  const group = new Group('g', {
    timers,
    initialRebalanceDelayMs: opts.initialDelayMs ?? 0,
    onPersist: async (s) => {
      persisted.push(s);
      return opts.persistError ?? 'NONE';
    },
    newMemberId: (c) => `${c}-${++n}`,
  });
  const join = (p: Partial<JoinParams> & { protocols?: JoinParams['protocols'] } = {}) => {
    const box: { result: JoinResult | null } = { result: null };
    group.join(
      {
        memberId: '',
        groupInstanceId: null,
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata: Buffer.from('m') }],
        sessionTimeoutMs: SESSION_MS,
        rebalanceTimeoutMs: REBALANCE_MS,
        clientId: 'c',
        clientHost: '/127.0.0.1',
        requireKnownMemberId: false,
        ...p,
      },
      (r) => (box.result = r),
    );
    return box;
  };
  const sync = (memberId: string, generationId: number, assignments: { memberId: string; assignment: Buffer }[] = [], groupInstanceId: string | null = null) => {
    const box: { result: SyncResult | null } = { result: null };
    group.sync({ memberId, generationId, groupInstanceId, protocolType: null, protocolName: null, assignments }, (r) => (box.result = r));
    return box;
  };
  return { timers, group, persisted, join, sync };
}

/** Two members joined and synced into Stable generation 1. */
async function stableTwo(h: ReturnType<typeof harness>) {
  const a = h.join();
  const aId = a.result!.memberId;
  const b = h.join();
  const a2 = h.join({ memberId: aId });
  t.equal(a2.result!.error, 'NONE');
  const bId = b.result!.memberId;
  const sa = h.sync(aId, a2.result!.generationId, [
    { memberId: aId, assignment: Buffer.from('A') },
    { memberId: bId, assignment: Buffer.from('B') },
  ]);
  const sb = h.sync(bId, a2.result!.generationId);
  await flush();
  return { aId, bId, sa, sb, generationId: a2.result!.generationId };
}

t.test('a single member joins, becomes leader, syncs and is Stable', async (t) => {
  const h = harness();
  const j = h.join();
  t.equal(j.result!.error, 'NONE');
  t.equal(j.result!.generationId, 1);
  t.equal(j.result!.leaderId, j.result!.memberId);
  t.equal(j.result!.protocolName, 'range');
  t.same(j.result!.members.map((m) => m.memberId), [j.result!.memberId]);
  t.equal(h.group.state, 'CompletingRebalance');
  const s = h.sync(j.result!.memberId, 1, [{ memberId: j.result!.memberId, assignment: Buffer.from('x') }]);
  t.equal(s.result, null, 'the leader waits for the assignment to be persisted');
  await flush();
  t.equal(s.result!.error, 'NONE');
  t.equal(s.result!.assignment.toString(), 'x');
  t.equal(h.group.state, 'Stable');
  t.equal(h.persisted.at(-1)!.members[0]!.assignment.toString(), 'x');
});

t.test('v4+ two-step join: MEMBER_ID_REQUIRED then join with the given id', async (t) => {
  const h = harness();
  const first = h.join({ requireKnownMemberId: true });
  t.equal(first.result!.error, 'MEMBER_ID_REQUIRED');
  t.equal(first.result!.memberId, 'c-1');
  t.equal(h.group.state, 'Empty');
  const second = h.join({ memberId: 'c-1', requireKnownMemberId: true });
  t.equal(second.result!.error, 'NONE');
  t.equal(second.result!.memberId, 'c-1');
  t.equal(h.group.memberCount, 1);
  const unknown = h.join({ memberId: 'nobody' });
  t.equal(unknown.result!.error, 'UNKNOWN_MEMBER_ID');
});

t.test('a pending member id expires after its session timeout', async (t) => {
  const h = harness();
  h.join({ requireKnownMemberId: true });
  h.timers.advance(SESSION_MS + 1);
  t.equal(h.join({ memberId: 'c-1' }).result!.error, 'UNKNOWN_MEMBER_ID');
});

t.test('initial rebalance delay gathers members into one generation', async (t) => {
  const h = harness({ initialDelayMs: INITIAL_DELAY_MS });
  const a = h.join();
  t.equal(a.result, null, 'the first join waits for the delay');
  h.timers.advance(INITIAL_DELAY_MS / 2);
  const b = h.join();
  h.timers.advance(INITIAL_DELAY_MS / 2 + 1);
  t.equal(a.result, null, 'a new member extended the delay');
  h.timers.advance(INITIAL_DELAY_MS);
  t.equal(a.result!.error, 'NONE');
  t.equal(b.result!.error, 'NONE');
  t.equal(a.result!.generationId, 1);
  t.equal(b.result!.generationId, 1);
  t.equal(a.result!.members.length, 2, 'the leader sees both members');
  t.equal(b.result!.members.length, 0);
});

t.test('two members: rebalance on join, assignments delivered, heartbeats', async (t) => {
  const h = harness();
  const { aId, bId, sa, sb, generationId } = await stableTwo(h);
  t.equal(generationId, 2, 'the second member forced a second generation');
  t.equal(sa.result!.assignment.toString(), 'A');
  t.equal(sb.result!.assignment.toString(), 'B');
  t.equal(h.group.heartbeat(aId, null, generationId), 'NONE');
  t.equal(h.group.heartbeat(bId, null, generationId - 1), 'ILLEGAL_GENERATION');
  t.equal(h.group.heartbeat('zzz', null, generationId), 'UNKNOWN_MEMBER_ID');
});

t.test('a third member joining puts the others in REBALANCE_IN_PROGRESS until they rejoin', async (t) => {
  const h = harness();
  const { aId, bId, generationId } = await stableTwo(h);
  const c = h.join();
  t.equal(c.result, null);
  t.equal(h.group.state, 'PreparingRebalance');
  t.equal(h.group.heartbeat(aId, null, generationId), 'REBALANCE_IN_PROGRESS');
  t.equal(h.sync(bId, generationId).result!.error, 'REBALANCE_IN_PROGRESS');
  t.equal(h.group.validateCommit(aId, null, generationId), 'NONE', 'commits of the old generation are allowed while preparing');
  const a = h.join({ memberId: aId });
  t.equal(a.result, null);
  const b = h.join({ memberId: bId });
  t.equal(b.result!.error, 'NONE');
  t.equal(a.result!.generationId, generationId + 1);
  t.equal(a.result!.members.length, 3);
  t.equal(h.group.validateCommit(aId, null, generationId + 1), 'REBALANCE_IN_PROGRESS', 'no commits between join and sync');
});

t.test('a member that heartbeats but does not rejoin within the rebalance timeout is removed', async (t) => {
  const h = harness();
  const { aId, bId, generationId } = await stableTwo(h);
  h.join(); // c triggers a rebalance
  const a = h.join({ memberId: aId });
  for (let elapsedMs = 0; elapsedMs < REBALANCE_MS; elapsedMs += SESSION_MS / 2) {
    t.equal(h.group.heartbeat(bId, null, generationId), 'REBALANCE_IN_PROGRESS');
    h.timers.advance(SESSION_MS / 2);
  }
  h.timers.advance(1);
  t.equal(a.result!.error, 'NONE');
  t.notOk(h.group.hasMember(bId));
  t.equal(h.group.memberCount, 2);
  t.equal(a.result!.members.length, 2);
});

t.test('a member that neither heartbeats nor rejoins expires and the rebalance completes without it', async (t) => {
  const h = harness();
  const { aId, bId } = await stableTwo(h);
  const a = h.join({ memberId: aId });
  t.equal(a.result, null);
  h.timers.advance(SESSION_MS + 1);
  t.notOk(h.group.hasMember(bId));
  t.equal(a.result!.error, 'NONE');
  t.equal(a.result!.members.length, 1);
});

t.test('session expiry removes a silent member and rebalances', async (t) => {
  const h = harness();
  const { aId, bId, generationId } = await stableTwo(h);
  h.timers.advance(SESSION_MS / 2);
  t.equal(h.group.heartbeat(aId, null, generationId), 'NONE');
  h.timers.advance(SESSION_MS / 2 + 1);
  t.notOk(h.group.hasMember(bId), 'b missed its session');
  t.equal(h.group.state, 'PreparingRebalance');
  t.equal(h.group.heartbeat(aId, null, generationId), 'REBALANCE_IN_PROGRESS');
  const a = h.join({ memberId: aId });
  t.equal(a.result!.error, 'NONE');
  t.equal(a.result!.members.length, 1);
});

t.test('leave: the leader leaves, the other member becomes leader', async (t) => {
  const h = harness();
  const { aId, bId, generationId } = await stableTwo(h);
  t.same(h.group.leave(aId, null), { error: 'NONE', memberId: aId });
  t.same(h.group.leave(aId, null).error, 'UNKNOWN_MEMBER_ID');
  t.equal(h.group.heartbeat(bId, null, generationId), 'REBALANCE_IN_PROGRESS');
  const b = h.join({ memberId: bId });
  t.equal(b.result!.leaderId, bId);
  t.equal(h.group.leave(bId, null).error, 'NONE');
  t.equal(h.group.state, 'Empty', 'the last member left');
  t.equal(h.persisted.at(-1)!.state, 'Empty');
  t.equal(h.group.validateCommit('', null, -1), 'NONE', 'an empty group accepts commits from outside');
});

t.test('leaving during CompletingRebalance fails pending syncs with REBALANCE_IN_PROGRESS', async (t) => {
  const h = harness();
  const a = h.join();
  const aId = a.result!.memberId;
  const b = h.join();
  h.join({ memberId: aId });
  const bId = b.result!.memberId;
  t.equal(h.group.state, 'CompletingRebalance');
  const sb = h.sync(bId, h.group.generationId);
  t.equal(sb.result, null);
  h.group.leave(aId, null);
  t.equal(sb.result!.error, 'REBALANCE_IN_PROGRESS');
});

t.test('protocol selection: a protocol every member supports, by preference', async (t) => {
  const h = harness();
  const a = h.join({ protocols: [{ name: 'cooperative-sticky', metadata: Buffer.from('a1') }, { name: 'range', metadata: Buffer.from('a2') }] });
  const aId = a.result!.memberId;
  const bad = h.join({ protocols: [{ name: 'roundrobin', metadata: Buffer.alloc(0) }] });
  t.equal(bad.result!.error, 'INCONSISTENT_GROUP_PROTOCOL');
  const wrongType = h.join({ protocolType: 'connect' });
  t.equal(wrongType.result!.error, 'INCONSISTENT_GROUP_PROTOCOL');
  h.join({ protocols: [{ name: 'range', metadata: Buffer.from('b') }, { name: 'cooperative-sticky', metadata: Buffer.from('b2') }] });
  const a2 = h.join({ memberId: aId, protocols: [{ name: 'cooperative-sticky', metadata: Buffer.from('a1') }, { name: 'range', metadata: Buffer.from('a2') }] });
  t.equal(a2.result!.protocolName, 'cooperative-sticky', 'tie broken by the leader\'s preference');
  t.same(a2.result!.members.find((m) => m.memberId === aId)!.metadata, Buffer.from('a1'), 'metadata of the chosen protocol');
  t.equal(h.join({ protocols: [] }).result!.error, 'INCONSISTENT_GROUP_PROTOCOL');
});

t.test('static membership: a restarted member replaces the old id without a rebalance', async (t) => {
  const h = harness();
  const a = h.join({ groupInstanceId: 'i-a' });
  const aId = a.result!.memberId;
  const b = h.join({ groupInstanceId: 'i-b' });
  const a2 = h.join({ memberId: aId, groupInstanceId: 'i-a' });
  const bId = b.result!.memberId;
  const gen = a2.result!.generationId;
  h.sync(aId, gen, [
    { memberId: aId, assignment: Buffer.from('A') },
    { memberId: bId, assignment: Buffer.from('B') },
  ], 'i-a');
  h.sync(bId, gen, [], 'i-b');
  await flush();
  t.equal(h.group.state, 'Stable');

  // b restarts: joins with no member id and the same instance id
  const b2 = h.join({ groupInstanceId: 'i-b' });
  await flush();
  t.equal(b2.result!.error, 'NONE');
  t.not(b2.result!.memberId, bId);
  t.equal(b2.result!.generationId, gen, 'same generation: no rebalance');
  t.equal(h.group.state, 'Stable');
  t.equal(h.group.heartbeat(aId, 'i-a', gen), 'NONE', 'the other member is undisturbed');
  const s = h.sync(b2.result!.memberId, gen, [], 'i-b');
  t.equal(s.result!.assignment.toString(), 'B', 'keeps its assignment');
  // the old incarnation is fenced
  t.equal(h.group.heartbeat(bId, 'i-b', gen), 'FENCED_INSTANCE_ID');
  t.equal(h.join({ memberId: bId, groupInstanceId: 'i-b' }).result!.error, 'FENCED_INSTANCE_ID');
  t.equal(h.group.validateCommit(bId, 'i-b', gen), 'FENCED_INSTANCE_ID');
  t.equal(h.group.leave(bId, 'i-b').error, 'FENCED_INSTANCE_ID');
});

t.test('static members keep their place across a rebalance they missed, until their session ends', async (t) => {
  const h = harness();
  const longSessionMs = REBALANCE_MS * 2;
  const a = h.join({ groupInstanceId: 'i-a', sessionTimeoutMs: longSessionMs });
  const aId = a.result!.memberId;
  h.sync(aId, 1, [{ memberId: aId, assignment: Buffer.from('A') }], 'i-a');
  await flush();
  const b = h.join();
  h.timers.advance(REBALANCE_MS / 2);
  t.equal(h.group.heartbeat(aId, 'i-a', 1), 'REBALANCE_IN_PROGRESS');
  t.equal(b.result, null, 'waiting for a to rejoin');
  h.timers.advance(REBALANCE_MS / 2 + 1);
  t.equal(b.result!.error, 'NONE', 'the rebalance timed out');
  t.ok(h.group.hasMember(aId), 'static a keeps its place');
  t.equal(b.result!.members.length, b.result!.leaderId === b.result!.memberId ? 2 : 0);
  h.timers.advance(longSessionMs);
  t.notOk(h.group.hasMember(aId), 'a expires when its session ends');
});

t.test('static leave by instance id removes the member', async (t) => {
  const h = harness();
  const a = h.join({ groupInstanceId: 'i-a' });
  t.same(h.group.leave('', 'i-a'), { error: 'NONE', memberId: a.result!.memberId });
  t.equal(h.group.leave('', 'i-a').error, 'UNKNOWN_MEMBER_ID');
});

t.test('a failed persist during sync fails the sync and rebalances', async (t) => {
  const h = harness({ persistError: 'NOT_COORDINATOR' });
  const a = h.join();
  const s = h.sync(a.result!.memberId, 1, []);
  await flush();
  t.equal(s.result!.error, 'NOT_COORDINATOR');
  t.equal(h.group.state, 'PreparingRebalance');
});

t.test('restore from a snapshot keeps a Stable group Stable with its assignments', async (t) => {
  const h = harness();
  const { aId, generationId } = await stableTwo(h);
  const snap = h.persisted.at(-1)!;
  const timers = new ManualTimers();
  const g2 = Group.restore(snap, { timers, initialRebalanceDelayMs: 0, onPersist: async () => 'NONE' });
  t.equal(g2.state, 'Stable');
  t.equal(g2.generationId, generationId);
  t.equal(g2.leaderId, aId);
  t.equal(g2.heartbeat(aId, null, generationId), 'NONE');
  let got: SyncResult | null = null;
  g2.sync({ memberId: aId, generationId, groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments: [] }, (r) => (got = r));
  t.equal(got!.assignment.toString(), 'A');
  timers.advance(SESSION_MS + 1);
  t.equal(g2.state, 'Empty', 'members that never came back expire');
});

t.test('Dead groups refuse everything with COORDINATOR_NOT_AVAILABLE', async (t) => {
  const h = harness();
  h.group.markDead();
  t.equal(h.join().result!.error, 'COORDINATOR_NOT_AVAILABLE');
  t.equal(h.group.heartbeat('x', null, 1), 'COORDINATOR_NOT_AVAILABLE');
  t.equal(h.group.validateCommit('', null, -1), 'COORDINATOR_NOT_AVAILABLE');
  t.equal(h.timers.pendingCount, 0);
});

t.test('a restarted static leader gets the members but must skip the assignment (JoinGroup v9)', async (t) => {
  const h = harness();
  const a = h.join({ groupInstanceId: 'i-a' });
  const aId = a.result!.memberId;
  h.sync(aId, 1, [{ memberId: aId, assignment: Buffer.from('A') }], 'i-a');
  await flush();
  const a2 = h.join({ groupInstanceId: 'i-a' });
  await flush();
  t.equal(a2.result!.error, 'NONE');
  t.equal(a2.result!.generationId, 1, 'no new generation');
  t.equal(a2.result!.leaderId, a2.result!.memberId, 'the new id is the leader');
  t.equal(a2.result!.skipAssignment, true);
  t.equal(a2.result!.members.length, 1);
  const s = h.sync(a2.result!.memberId, 1, [{ memberId: a2.result!.memberId, assignment: Buffer.from('ignored') }], 'i-a');
  t.equal(s.result!.assignment.toString(), 'A', 'Stable keeps the persisted assignment');
  t.equal(h.persisted.at(-1)!.members[0]!.memberId, a2.result!.memberId, 'the replacement was persisted');
});
