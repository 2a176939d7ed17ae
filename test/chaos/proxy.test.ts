import t, { type Test } from 'tap';
import { createServer, connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { LinkProxy } from './proxy.js';

/** A server on 127.0.0.1:0 handing each accepted socket to the test. */
async function upstream(t: Test) {
  const accepted: Socket[] = [];
  const waiting: ((s: Socket) => void)[] = [];
  const server = createServer((s) => {
    s.on('error', () => undefined);
    const w = waiting.shift();
    if (w) w(s);
    else accepted.push(s);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => {
    server.close();
  });
  return {
    port: (server.address() as { port: number }).port,
    next: () => new Promise<Socket>((res) => { const s = accepted.shift(); if (s) res(s); else waiting.push(res); }),
  };
}

/** Collects what a socket receives. */
function collect(s: Socket): { text: () => string; until: (text: string) => Promise<void> } {
  let got = '';
  s.on('data', (c: Buffer) => void (got += c.toString()));
  return {
    text: () => got,
    async until(text: string) {
      for (let i = 0; i < 200 && !got.includes(text); i++) await new Promise((r) => setTimeout(r, 10));
      if (!got.includes(text)) throw new Error(`never received ${JSON.stringify(text)}; got ${JSON.stringify(got)}`);
    },
  };
}

/** Long enough for a byte to cross loopback and the proxy many times over. */
const settle = () => new Promise((r) => setTimeout(r, 150));

async function linked(t: Test) {
  const up = await upstream(t);
  const proxy = await LinkProxy.start(up.port);
  t.teardown(() => proxy.close());
  const client = connect(proxy.port, '127.0.0.1');
  client.on('error', () => undefined);
  t.teardown(() => client.destroy());
  const server = await up.next();
  return { up, proxy, client, server, atClient: collect(client), atServer: collect(server) };
}

t.test('pass forwards both directions; the proxy listens on loopback', async (t) => {
  const { proxy, client, server, atClient, atServer } = await linked(t);
  t.match(proxy.address, /^127\.0\.0\.1:\d+$/);
  client.write('ping');
  await atServer.until('ping');
  server.write('pong');
  await atClient.until('pong');
  t.equal(proxy.describe(), 'up=pass down=pass');
});

t.test('partition stalls both directions and heal delivers what waited, in order', async (t) => {
  const { proxy, client, server, atClient, atServer } = await linked(t);
  proxy.partition();
  client.write('a1');
  server.write('b1');
  await settle();
  t.equal(atServer.text(), '', 'nothing crosses up during the partition');
  t.equal(atClient.text(), '', 'nothing crosses down during the partition');
  client.write('a2');
  proxy.heal();
  await atServer.until('a1a2');
  await atClient.until('b1');
  t.equal(atServer.text(), 'a1a2');
});

t.test('one-way partition lets only one direction through', async (t) => {
  const { proxy, client, server, atClient, atServer } = await linked(t);
  proxy.oneWay('up');
  client.write('to-server');
  server.write('to-client');
  await atServer.until('to-server');
  await settle();
  t.equal(atClient.text(), '', 'down is blocked');
  proxy.heal();
  await atClient.until('to-client');
  proxy.oneWay('down');
  client.write('x');
  server.write('y');
  await atClient.until('to-clienty');
  await settle();
  t.equal(atServer.text(), 'to-server', 'up is blocked');
});

t.test('delay keeps the byte order even when the delay is lowered mid-stream', async (t) => {
  const { proxy, client, atServer } = await linked(t);
  proxy.delay({ upMs: 300 });
  client.write('first-');
  await new Promise((r) => setImmediate(r));
  proxy.delay({ upMs: 0 });
  client.write('second');
  await atServer.until('second');
  t.equal(atServer.text(), 'first-second');
});

t.test('drop blackhole discards bytes; at heal a connection that lost bytes is reset, others pass', async (t) => {
  const { up, proxy, client, server, atServer } = await linked(t);
  const quiet = connect(proxy.port, '127.0.0.1');
  t.teardown(() => quiet.destroy());
  const quietServer = collect(await up.next());
  const reset = new Promise<NodeJS.ErrnoException>((res) => client.once('error', res));
  proxy.drop('blackhole');
  client.write('lost-up');
  server.write('lost-down');
  await settle();
  t.equal(atServer.text(), '', 'nothing crossed');
  proxy.heal();
  t.equal((await reset).code, 'ECONNRESET', 'the connection with a hole is reset');
  quiet.write('kept');
  await quietServer.until('kept');
  t.equal(quietServer.text(), 'kept', 'a connection that lost nothing carries on');
});

t.test('drop reset resets open connections and new ones until heal', async (t) => {
  const { up, proxy, client } = await linked(t);
  const closed = new Promise((res) => client.once('close', res));
  const errored = new Promise<NodeJS.ErrnoException>((res) => client.once('error', res));
  proxy.drop('reset');
  t.equal((await errored).code, 'ECONNRESET');
  await closed;
  const again = connect(proxy.port, '127.0.0.1');
  const err = await new Promise<NodeJS.ErrnoException>((res) => again.once('error', res));
  t.equal(err.code, 'ECONNRESET', 'a new connection is reset at accept');
  proxy.heal();
  const third = connect(proxy.port, '127.0.0.1');
  t.teardown(() => third.destroy());
  const server = await up.next();
  const atServer = collect(server);
  third.write('hello');
  await atServer.until('hello');
  t.pass('connections pass after heal');
});

t.test('setTarget sends new connections to the new upstream', async (t) => {
  const a = await upstream(t);
  const b = await upstream(t);
  const proxy = await LinkProxy.start(a.port);
  t.teardown(() => proxy.close());
  proxy.setTarget(b.port);
  const c = connect(proxy.port, '127.0.0.1');
  t.teardown(() => c.destroy());
  const atB = collect(await b.next());
  c.write('to-b');
  await atB.until('to-b');
  t.equal(proxy.accepted, 1);
});
