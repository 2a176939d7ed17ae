// The internal listener under bad input, over real sockets: garbage, oversized or truncated frames,
// a first frame that is not PeerHello, a bad RaftMessages frame after a good hello. Each closes that
// connection, with a log line; the node keeps serving its peers.
import t from 'tap';
import { connect, type Socket } from 'node:net';
import { Writer } from '../../../src/protocol/primitives/writer.js';
import { CanopyApiKey } from '../../../src/protocol/generated/canopy-index.js';
import { writePeerHelloRequest } from '../../../src/protocol/generated/peer-hello-request.js';
import { encodeInternalRequest } from '../../../src/replication/transport/internal-frames.js';
import { heartbeat, metricValue, nodeLinkedTo, startCluster, waitFor, type TestNode } from '../../helpers/peer-transports.js';

const CLOSE_WAIT_MS_MAX = 10_000;
const GROUP = { topic: 'orders', partition: 0 };

/** Writes `bytes` on a fresh connection and resolves once the listener closes it (bounded). */
function sendAndAwaitClose(port: number, ...writes: Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: '127.0.0.1', port }, () => { for (const b of writes) socket.write(b); });
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('the listener kept the connection open')); }, CLOSE_WAIT_MS_MAX);
    socket.on('error', () => undefined);
    socket.resume(); // read (and discard) a hello answer, so that the close is seen
    socket.on('close', () => { clearTimeout(timer); resolve(); });
  });
}

function frame(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function hello(senderNodeId: number, receiverNodeId: number): Buffer {
  return Buffer.concat(encodeInternalRequest({ apiKey: CanopyApiKey.PeerHello, apiVersion: 0, correlationId: 0 },
    (w) => writePeerHelloRequest(w, 0, { clusterId: 'test-cluster', senderNodeId, receiverNodeId, protocolVersion: 0 })));
}

/** A RaftMessages frame whose one message has type 99 (no sender writes it). */
function badTypeRaftMessages(): Buffer {
  return Buffer.concat(encodeInternalRequest({ apiKey: CanopyApiKey.RaftMessages, apiVersion: 0, correlationId: 1 }, (w: Writer) => {
    w.writeUnsignedVarint(2); w.writeCompactString('orders'); w.writeUnsignedVarint(2); w.writeInt32(0);
    w.writeUnsignedVarint(2);
    w.writeInt8(99); w.writeInt32(1); w.writeInt32(2);
    for (let i = 0; i < 4; i++) w.writeInt64(0);
    w.writeUnsignedVarint(1); w.writeUnsignedVarint(0); // no entries, no tagged fields
    w.writeUnsignedVarint(0); w.writeUnsignedVarint(0); w.writeUnsignedVarint(0);
  }));
}

function closings(node: TestNode): Array<Record<string, unknown>> {
  return node.logLines.filter((l) => l.msg === 'closing internal connection: bad frame');
}

t.test('garbage, oversized, truncated and out-of-order frames close only their connection', async (t) => {
  const nodes = await startCluster(t, 2);
  const [a, b] = nodes as [TestNode, TestNode];
  b.listenTo(GROUP);
  const port = b.address.port;
  const cases: Array<[string, Buffer[], RegExp]> = [
    ['an HTTP request', [Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')], /frame of \d+ bytes is outside/],
    ['a frame of 2 GiB', [Buffer.from([0x7f, 0xff, 0xff, 0xff, 1, 2, 3])], /frame of 2147483647 bytes is outside/],
    ['a negative frame size', [Buffer.from([0xff, 0xff, 0xff, 0xfe])], /frame of -2 bytes is outside/],
    ['a PeerHello frame too short for its header', [frame(Buffer.from('753000000000', 'hex'))], /need \d+ bytes/],
    ['a Kafka Metadata request (header v1) first', [frame(Buffer.from('00030000000000070000', 'hex'))], /api key 3 is not a Canopy internal API/],
    ['RaftMessages before PeerHello', [badTypeRaftMessages()], /not PeerHello v0/],
    ['a message type no sender writes, after a good hello', [hello(0, 1), badTypeRaftMessages()], /unknown Raft message type 99/],
    ['random bytes after a good hello', [hello(0, 1), frame(Buffer.from('0123456789abcdef0123456789', 'hex'))], /./],
  ];
  for (const [what, writes, reason] of cases) {
    const before = closings(b).length;
    await sendAndAwaitClose(port, ...writes);
    await waitFor(`the log line for ${what}`, () => closings(b).length === before + 1);
    t.match(String(closings(b).at(-1)!.reason), reason, `${what}: closed, and the reason is logged`);
  }
  // Still serving: the real peer's messages arrive.
  await nodeLinkedTo(nodes, 0, [1]);
  a.transport.send(GROUP, [heartbeat(0, 1, 77)]);
  await waitFor('a heartbeat after the bad input', () => b.received.get('orders-0')?.some((m) => m.commit === 77) === true);
  t.ok(await metricValue(b.registry, 'peerFramesReceived', { peer: '0' }) >= 1, 'frames from node 0 counted');
});

t.test('a connection that never says hello is closed after the handshake timeout', async (t) => {
  const nodes = await startCluster(t, 2, { handshakeTimeoutMs: 200 });
  const b = nodes[1]!;
  await sendAndAwaitClose(b.address.port);
  await waitFor('the log line', () => b.logLines.some((l) => String(l.msg).startsWith('closing internal connection: no PeerHello within 200 ms')));
  t.equal(b.logLines.filter((l) => l.msg === 'closing internal connection: bad frame').length, 0, 'closed for the timeout, not as a bad frame');
  await nodeLinkedTo(nodes, 0, [1]);
  t.ok(nodes[0]!.transport.connectedPeers().includes(1), 'the real peer still connects');
});
