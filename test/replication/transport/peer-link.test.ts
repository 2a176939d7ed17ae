// Outbound peer connections over real sockets: the handshake refuses a peer of another cluster or
// the wrong node (logged on both sides), a peer that is down is reached once it comes up (and again
// after it restarts), and the queue for an unreachable peer is bounded (oldest dropped, counted).
import t from 'tap';
import type { PeerAddress } from '../../../src/replication/transport/peer-transport.js';
import { heartbeat, listeningNode, metricValue, reservePort, waitFor, type TestNode } from '../../helpers/peer-transports.js';

const GROUP = { topic: 'orders', partition: 2 };
const FAST_RETRY = { backoffMsMin: 10, backoffMsMax: 100 };

function logged(node: TestNode, msg: string): Array<Record<string, unknown>> {
  return node.logLines.filter((l) => l.msg === msg);
}

function commits(node: TestNode): number[] {
  return (node.received.get('orders-2') ?? []).map((m) => m.commit);
}

t.test('a peer of another cluster is refused, with the error logged on both sides', async (t) => {
  const nodes = new Map<number, PeerAddress>([[0, { host: '127.0.0.1', port: 0 }], [1, { host: '127.0.0.1', port: 0 }]]);
  const a = await listeningNode(t, { nodeId: 0, clusterId: 'alpha', nodes, limits: FAST_RETRY });
  const b = await listeningNode(t, { nodeId: 1, clusterId: 'beta', nodes, limits: FAST_RETRY });
  b.listenTo(GROUP);
  a.transport.connect();
  await waitFor('node 1 refuses node 0', () => logged(b, 'refusing peer').length > 0);
  await waitFor('node 0 logs the refusal', () => logged(a, 'peer refused: not connecting to it').length > 0);
  const refusing = logged(b, 'refusing peer')[0]!;
  t.equal(refusing.level, 50, 'an error on the receiving side');
  t.match(String(refusing.reason), /cluster id "alpha" is not this node's "beta"/);
  const refused = logged(a, 'peer refused: not connecting to it')[0]!;
  t.equal(refused.level, 50, 'an error on the connecting side');
  t.equal(refused.peer, 1);
  t.match(String(refused.reason), /INCONSISTENT_CLUSTER_ID: cluster id "alpha"/);
  t.strictSame(a.transport.connectedPeers(), [], 'no connection is used');
  t.equal(await metricValue(a.registry, 'peersConnected'), 0);
  t.equal(logged(b, 'connected to peer').length, 0);
});

t.test('an address that answers as another node, or a sender the receiver does not know, is refused', async (t) => {
  const nodes = new Map<number, PeerAddress>([[0, { host: '127.0.0.1', port: 0 }], [1, { host: '127.0.0.1', port: 0 }], [2, { host: '127.0.0.1', port: 0 }]]);
  const c = await listeningNode(t, { nodeId: 2, nodes, limits: FAST_RETRY });
  // Node 0 believes node 1 lives at node 2's address.
  const wrongMap = new Map<number, PeerAddress>([[0, { host: '127.0.0.1', port: 0 }], [1, nodes.get(2)!]]);
  const a = await listeningNode(t, { nodeId: 0, nodes: wrongMap, limits: FAST_RETRY });
  a.transport.connect();
  await waitFor('node 0 logs the refusal', () => logged(a, 'peer refused: not connecting to it').length > 0);
  t.match(String(logged(a, 'peer refused: not connecting to it')[0]!.reason), /INVALID_VOTER_KEY: this is node 2, not node 1/);
  await waitFor('node 2 logs it', () => logged(c, 'refusing peer').length > 0);
  t.match(String(logged(c, 'refusing peer')[0]!.reason), /this is node 2, not node 1/);

  // Node 9 is in no one's map: node 2 does not accept it.
  const strangerMap = new Map<number, PeerAddress>([[9, { host: '127.0.0.1', port: 0 }], [2, nodes.get(2)!]]);
  const stranger = await listeningNode(t, { nodeId: 9, nodes: strangerMap, limits: FAST_RETRY });
  stranger.transport.connect();
  await waitFor('node 9 logs the refusal', () => logged(stranger, 'peer refused: not connecting to it').length > 0);
  t.match(String(logged(stranger, 'peer refused: not connecting to it')[0]!.reason), /VOTER_NOT_FOUND: node 9 is not a peer of node 2/);
});

t.test('a peer that is down gets its messages once it is up, and again after a restart', async (t) => {
  const port = await reservePort();
  const nodes = new Map<number, PeerAddress>([[0, { host: '127.0.0.1', port: 0 }], [1, { host: '127.0.0.1', port }]]);
  const a = await listeningNode(t, { nodeId: 0, nodes, limits: FAST_RETRY });
  a.transport.connect();
  a.transport.send(GROUP, [heartbeat(0, 1, 1)]);
  await waitFor('node 0 retries', async () => (await metricValue(a.registry, 'peerReconnects', { peer: '1' })) >= 2);
  t.equal(logged(a, 'peer connection failed; retrying with backoff').length, 1, 'a run of failures is logged once');

  const b = await listeningNode(t, { nodeId: 1, nodes, port, limits: FAST_RETRY });
  b.listenTo(GROUP);
  await waitFor('the queued heartbeat arrives', () => commits(b).includes(1));
  a.transport.send(GROUP, [heartbeat(0, 1, 2)]);
  await waitFor('a later heartbeat arrives', () => commits(b).includes(2));
  t.strictSame(commits(b), [1, 2]);
  t.equal(await metricValue(a.registry, 'peersConnected'), 1);

  await b.transport.close();
  await waitFor('node 0 sees the connection lost', () => !a.transport.connectedPeers().includes(1));
  t.equal(await metricValue(a.registry, 'peersConnected'), 0);
  a.transport.send(GROUP, [heartbeat(0, 1, 3)]);
  const restarted = await listeningNode(t, { nodeId: 1, nodes, port, limits: FAST_RETRY });
  restarted.listenTo(GROUP);
  await waitFor('the restarted peer gets the message sent while it was down', () => commits(restarted).includes(3));
  t.equal(logged(a, 'lost connection to peer; reconnecting').length, 1);
});

t.test('the queue for an unreachable peer keeps the newest messages and counts the dropped', async (t) => {
  const port = await reservePort();
  const nodes = new Map<number, PeerAddress>([[0, { host: '127.0.0.1', port: 0 }], [1, { host: '127.0.0.1', port }]]);
  const a = await listeningNode(t, { nodeId: 0, nodes, limits: { ...FAST_RETRY, queueMessagesMax: 10 } });
  a.transport.connect();
  for (let commit = 1; commit <= 25; commit++) a.transport.send(GROUP, [heartbeat(0, 1, commit)]);
  t.equal(await metricValue(a.registry, 'peerMessagesDropped', { peer: '1', reason: 'queue-full' }), 15);
  const b = await listeningNode(t, { nodeId: 1, nodes, port, limits: FAST_RETRY });
  b.listenTo(GROUP);
  await waitFor('the queue is delivered', () => commits(b).length === 10);
  t.strictSame(commits(b), [16, 17, 18, 19, 20, 21, 22, 23, 24, 25], 'the 10 newest, in order');
});
