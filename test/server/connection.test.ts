import t from 'tap';
import { createServer, connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { pino } from 'pino';
import { Connection, type DispatchOutcome, type FrameDispatcher } from '../../src/server/connection.js';
import { RequestMemoryPool } from '../../src/server/request-memory-pool.js';

/** A dispatcher whose answers the test releases by hand, in any order. */
class HeldDispatcher implements FrameDispatcher {
  held: Array<{ frame: Buffer; release: (o: DispatchOutcome) => void }> = [];
  arrived: Array<() => void> = [];
  dispatch(frame: Buffer): Promise<DispatchOutcome> {
    return new Promise((release) => {
      this.held.push({ frame, release });
      this.arrived.shift()?.();
    });
  }
  async waitFor(count: number): Promise<void> {
    while (this.held.length < count) await new Promise<void>((resolve) => this.arrived.push(resolve));
  }
}

function frame(tag: number, bodyBytes = 4): Buffer {
  const b = Buffer.alloc(4 + bodyBytes);
  b.writeInt32BE(bodyBytes, 0);
  b.writeInt32BE(tag, 4);
  return b;
}

function respond(tag: number): DispatchOutcome {
  const b = Buffer.alloc(8);
  b.writeInt32BE(4, 0);
  b.writeInt32BE(tag, 4);
  return { kind: 'respond', chunks: [b] };
}

async function setup(t: { teardown(fn: () => unknown): void }, limits: { inflightMax: number; inflightBytesMax: number }, pool = new RequestMemoryPool(1 << 30)) {
  const dispatcher = new HeldDispatcher();
  const server = createServer((socket) => {
    new Connection(socket, { frameBytesMax: 1 << 20, idleMsMax: 60_000, frameReceiveMsMax: 60_000, pool, dispatcher, logger: pino({ level: 'silent' }), ...limits });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  const client: Socket = connect(port, '127.0.0.1');
  await once(client, 'connect');
  const received: number[] = [];
  let pending = Buffer.alloc(0);
  client.on('data', (c: Buffer) => {
    pending = Buffer.concat([pending, c]);
    while (pending.length >= 8) {
      received.push(pending.readInt32BE(4));
      pending = pending.subarray(8);
    }
  });
  t.teardown(() => {
    client.destroy();
    server.close();
  });
  return { dispatcher, client, received };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

t.test('responses leave in request order even when handlers finish out of order', async (t) => {
  const { dispatcher, client, received } = await setup(t, { inflightMax: 8, inflightBytesMax: 1 << 20 });
  client.write(Buffer.concat([frame(1), frame(2), frame(3)]));
  await dispatcher.waitFor(3);
  dispatcher.held[2]!.release(respond(3));
  dispatcher.held[1]!.release(respond(2));
  await new Promise((resolve) => setTimeout(resolve, 20));
  t.same(received, [], 'nothing leaves before the first answer');
  dispatcher.held[0]!.release(respond(1));
  await until(() => received.length === 3);
  t.same(received, [1, 2, 3]);
});

t.test('at most inflightMax requests are dispatched until answers leave', async (t) => {
  const { dispatcher, client, received } = await setup(t, { inflightMax: 2, inflightBytesMax: 1 << 20 });
  client.write(Buffer.concat([frame(1), frame(2), frame(3), frame(4)]));
  await dispatcher.waitFor(2);
  await new Promise((resolve) => setTimeout(resolve, 20));
  t.equal(dispatcher.held.length, 2, 'the third request waits');
  dispatcher.held[0]!.release(respond(1));
  await dispatcher.waitFor(3);
  t.equal(dispatcher.held.length, 3, 'one answer lets one more in');
  dispatcher.held[1]!.release(respond(2));
  dispatcher.held[2]!.release(respond(3));
  await dispatcher.waitFor(4);
  dispatcher.held[3]!.release(respond(4));
  await until(() => received.length === 4);
  t.same(received, [1, 2, 3, 4]);
});

t.test('request bytes in flight are bounded too', async (t) => {
  const { dispatcher, client, received } = await setup(t, { inflightMax: 100, inflightBytesMax: 1000 });
  client.write(Buffer.concat([frame(1, 600), frame(2, 600), frame(3, 10)]));
  await dispatcher.waitFor(2);
  await new Promise((resolve) => setTimeout(resolve, 20));
  t.equal(dispatcher.held.length, 2, 'the frame crossing the bound is taken, the next one waits');
  dispatcher.held[0]!.release(respond(1));
  dispatcher.held[1]!.release(respond(2));
  await dispatcher.waitFor(3);
  dispatcher.held[2]!.release(respond(3));
  await until(() => received.length === 3);
  t.same(received, [1, 2, 3]);
});

t.test('a frame that does not fit the node-wide pool waits for a response or a close to release bytes', async (t) => {
  const pool = new RequestMemoryPool(1000);
  const limits = { inflightMax: 100, inflightBytesMax: 1 << 20 };
  const [a, b, c] = [await setup(t, limits, pool), await setup(t, limits, pool), await setup(t, limits, pool)];
  a.client.write(frame(1, 600));
  await a.dispatcher.waitFor(1);
  b.client.write(frame(2, 600));
  c.client.write(frame(3, 600));
  await new Promise((resolve) => setTimeout(resolve, 20));
  t.same([b.dispatcher.held.length, c.dispatcher.held.length], [0, 0], 'neither fits beside the first: not read');
  t.equal(pool.reservedBytes, 600);
  a.dispatcher.held[0]!.release(respond(1));
  await until(() => b.dispatcher.held.length + c.dispatcher.held.length === 1);
  t.equal(b.dispatcher.held.length + c.dispatcher.held.length, 1, 'the response released the bytes: one waiter is read');
  const [holder, waiter] = b.dispatcher.held.length === 1 ? [b, c] : [c, b];
  holder.client.destroy();
  await waiter.dispatcher.waitFor(1);
  t.equal(waiter.dispatcher.held.length, 1, 'closing the holder released its bytes: the last one is read');
  t.equal(pool.reservedBytes, 600);
  t.same(a.received, [1]);
});

t.test('a close outcome closes the connection after earlier responses', async (t) => {
  const { dispatcher, client, received } = await setup(t, { inflightMax: 8, inflightBytesMax: 1 << 20 });
  client.write(Buffer.concat([frame(1), frame(2)]));
  await dispatcher.waitFor(2);
  dispatcher.held[1]!.release({ kind: 'close', reason: 'test' });
  dispatcher.held[0]!.release(respond(1));
  await once(client, 'close');
  t.same(received, [1]);
});
