// The peer transport over real sockets on 127.0.0.1: three nodes exchange Raft messages for several
// groups, frames are coalesced per peer per turn, unknown groups are dropped and counted.
import t from 'tap';
import { EntryType, makeMessage, type Message } from '../../../src/raft/messages.js';
import { raftIdOf } from '../../../src/replication/raft-ids.js';
import { METADATA_GROUP, type RaftGroup } from '../../../src/replication/transport/group.js';
import { heartbeat, metricValue, nodeLinkedTo, startCluster, waitFor, type TestNode } from '../../helpers/peer-transports.js';

const GROUPS: RaftGroup[] = [{ topic: 'orders', partition: 0 }, { topic: 'orders', partition: 1 }, { topic: 'logs', partition: 7 }, METADATA_GROUP];
const key = (g: RaftGroup): string => `${g.topic}-${g.partition}`;

/** One message of every shape the core sends, so that every field crosses the wire. */
function everyKind(from: number, to: number, seed: number): Message[] {
  const f = raftIdOf(from);
  const r = raftIdOf(to);
  const batch = Buffer.alloc(64 * 1024 + seed, seed & 0xff); // a large entry, appended by reference
  return [
    makeMessage({ type: 'app', from: f, to: r, term: 4, index: 9, logTerm: 3, commit: 8, entries: [
      { index: 10, count: 5, term: 4, type: EntryType.Normal, data: batch },
      { index: 15, count: 1, term: 4, type: EntryType.LeaderNoop, data: Buffer.alloc(0) },
      { index: 16, count: 1, term: 4, type: EntryType.Config, data: Buffer.from([1, 2, 3]) },
    ] }),
    makeMessage({ type: 'app-resp', from: f, to: r, term: 4, index: 12, reject: true, rejectHint: 7, logTerm: 2 }),
    heartbeat(from, to, 8 + seed, 42),
    makeMessage({ type: 'heartbeat-resp', from: f, to: r, term: 4, context: 42 }),
    makeMessage({ type: 'vote', from: f, to: r, term: 5, index: 16, logTerm: 4, transfer: true }),
    makeMessage({ type: 'vote-resp', from: f, to: r, term: 5, reject: true }),
    makeMessage({ type: 'pre-vote', from: f, to: r, term: 6, index: 16, logTerm: 4 }),
    makeMessage({ type: 'pre-vote-resp', from: f, to: r, term: 6 }),
    makeMessage({ type: 'snap', from: f, to: r, term: 4, snapshot: { index: 99, term: 3, confState: { voters: [1, 2, 3], nonVoters: [4] } } }),
    makeMessage({ type: 'timeout-now', from: f, to: r, term: 4, commit: 16 }),
  ];
}

/** Messages compared as plain values (entry data as hex). */
function plain(ms: readonly Message[]): unknown {
  return ms.map((m) => ({ ...m, entries: m.entries.map((e) => ({ ...e, data: Buffer.from(e.data).toString('hex') })) }));
}

t.test('three nodes exchange every kind of Raft message for several groups', async (t) => {
  const nodes = await startCluster(t, 3);
  for (const n of nodes) for (const g of GROUPS) n.listenTo(g);
  const expected = new Map<string, Message[]>(); // "receiver/group" → messages in send order
  for (const sender of nodes) {
    for (const [gi, g] of GROUPS.entries()) {
      const messages = nodes.filter((n) => n !== sender).flatMap((n) => everyKind(sender.nodeId, n.nodeId, gi));
      sender.transport.send(g, messages);
      for (const m of messages) {
        const k = `${m.to - 1}/${key(g)}`;
        expected.set(k, [...(expected.get(k) ?? []), m]);
      }
    }
  }
  const total = [...expected.values()].reduce((n, ms) => n + ms.length, 0);
  const receivedCount = (): number => nodes.reduce((n, node) => n + [...node.received.values()].reduce((k, ms) => k + ms.length, 0), 0);
  await waitFor(`${total} messages delivered`, () => receivedCount() >= total);
  for (const n of nodes) {
    for (const g of GROUPS) {
      const got = n.received.get(key(g)) ?? [];
      const want = expected.get(`${n.nodeId}/${key(g)}`)!;
      // Order is kept per sender; two senders' frames interleave in any order.
      for (const sender of nodes.filter((s) => s !== n)) {
        t.strictSame(plain(got.filter((m) => m.from === raftIdOf(sender.nodeId))), plain(want.filter((m) => m.from === raftIdOf(sender.nodeId))),
          `node ${n.nodeId} ${key(g)}: every field of node ${sender.nodeId}'s messages arrived, in order`);
      }
    }
  }
});

async function framesSent(node: TestNode, peer: number): Promise<number> {
  return metricValue(node.registry, 'peerFramesSent', { peer: String(peer) });
}

t.test('N sends to one peer in one turn, across groups, make one frame; N turns make N frames', async (t) => {
  const nodes = await startCluster(t, 3);
  const [a, b, c] = nodes as [TestNode, TestNode, TestNode];
  const groups = Array.from({ length: 50 }, (_, i): RaftGroup => ({ topic: `t${i % 5}`, partition: i }));
  for (const g of groups) { b.listenTo(g); c.listenTo(g); }
  await nodeLinkedTo(nodes, 0, [1, 2]);
  const beforeB = await framesSent(a, 1);
  const beforeC = await framesSent(a, 2);
  const receivedBefore = await metricValue(b.registry, 'peerFramesReceived', { peer: '0' });
  for (const g of groups) a.transport.send(g, [heartbeat(0, 1, 5), heartbeat(0, 2, 5)]);
  const delivered = (n: TestNode): number => [...n.received.values()].reduce((k, ms) => k + ms.length, 0);
  await waitFor('100 heartbeats delivered', () => delivered(b) === 50 && delivered(c) === 50);
  t.equal((await framesSent(a, 1)) - beforeB, 1, '50 groups to node 1 in one turn: one frame');
  t.equal((await framesSent(a, 2)) - beforeC, 1, 'and one frame to node 2');
  t.equal((await metricValue(b.registry, 'peerFramesReceived', { peer: '0' })) - receivedBefore, 1, 'node 1 received one frame');
  t.ok((await metricValue(a.registry, 'peerBytesSent', { peer: '1' })) > 50 * 40, 'the bytes of 50 heartbeats were counted');

  const turns = 5;
  for (let i = 0; i < turns; i++) {
    a.transport.send(groups[i]!, [heartbeat(0, 1, 6)]);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
  }
  await waitFor('5 more heartbeats delivered', () => delivered(b) === 55);
  t.equal((await framesSent(a, 1)) - beforeB, 1 + turns, 'one send per turn: one frame per turn');
});

t.test('messages for a group the receiver does not have are dropped and counted; the rest of the frame is delivered', async (t) => {
  const nodes = await startCluster(t, 2);
  const [a, b] = nodes as [TestNode, TestNode];
  const known: RaftGroup = { topic: 'known', partition: 0 };
  const unknown: RaftGroup = { topic: 'gone', partition: 3 };
  b.listenTo(known);
  a.transport.send(unknown, [heartbeat(0, 1, 1), heartbeat(0, 1, 2), heartbeat(0, 1, 3)]);
  a.transport.send(known, [heartbeat(0, 1, 4)]);
  await waitFor('drops counted', async () => (await metricValue(b.registry, 'peerMessagesDropped', { peer: '0', reason: 'unknown-group' })) === 3);
  await waitFor('the known group got its message', () => (b.received.get('known-0')?.length ?? 0) === 1);
  t.equal(b.received.get('known-0')![0]!.commit, 4);
  t.equal(b.received.has('gone-3'), false);

  // Unregistering makes a group unknown again.
  const unregister = b.transport.register({ topic: 'late', partition: 0 }, () => t.fail('unregistered handler called'));
  unregister();
  a.transport.send({ topic: 'late', partition: 0 }, [heartbeat(0, 1, 5)]);
  await waitFor('the unregistered group counted as unknown', async () => (await metricValue(b.registry, 'peerMessagesDropped', { peer: '0', reason: 'unknown-group' })) === 4);

  // A message to a node that is not in the map never leaves.
  a.transport.send(known, [heartbeat(0, 9, 1)]);
  t.equal(await metricValue(a.registry, 'peerMessagesDropped', { peer: 'unknown', reason: 'unknown-peer' }), 1);
  t.throws(() => b.transport.register(known, () => undefined), { message: /known-0 is already registered/ });

  // A value the codec refuses (an int64 beyond 2^53) costs that frame's messages, not the node.
  a.transport.send(known, [{ ...heartbeat(0, 1, 6), term: 2 ** 60 }]);
  await waitFor('the unencodable message counted', async () => (await metricValue(a.registry, 'peerMessagesDropped', { peer: '1', reason: 'unencodable' })) === 1);
  t.equal(a.logLines.filter((l) => l.msg === 'could not encode Raft messages; dropped').length, 1, 'and logged');
  a.transport.send(known, [heartbeat(0, 1, 7)]);
  await waitFor('later messages still flow', () => b.received.get('known-0')!.some((m) => m.commit === 7));
  t.notOk(b.received.get('known-0')!.some((m) => m.commit === 6), 'the refused message never arrived');
});
