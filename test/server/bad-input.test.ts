import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { apiVersionsRequest, fetchRequest, metadataRequest, produceRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { readApiVersionsResponse } from '../../src/protocol/generated/api-versions-response.js';
import { readResponseHeader } from '../../src/protocol/generated/response-header.js';
import { Reader } from '../../src/protocol/primitives/reader.js';

/** A request frame with the given header fields and raw body bytes (header v1). */
function frame(apiKey: number, apiVersion: number, correlationId: number, body: Buffer): Buffer {
  const clientId = Buffer.from('bad');
  const header = Buffer.alloc(10 + clientId.length);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(apiVersion, 2);
  header.writeInt32BE(correlationId, 4);
  header.writeInt16BE(clientId.length, 8);
  clientId.copy(header, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(header.length + body.length, 0);
  return Buffer.concat([size, header, body]);
}

function sizePrefix(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n, 0);
  return b;
}

t.test('bad input closes only the offending connection; the broker keeps serving', async (t) => {
  const broker = await spawnBroker(t);
  // A half-open connection (connected, never sends a byte) and a half-sent frame stay open throughout.
  const idle = await RawClient.connect(t, broker.port);
  const halfFrame = await RawClient.connect(t, broker.port);
  halfFrame.writeRaw(Buffer.concat([sizePrefix(100), Buffer.alloc(10)]));

  const cases: Array<{ name: string; bytes: Buffer; reason: RegExp }> = [
    { name: 'HTTP request (size prefix parses as ~1.2 GB)', bytes: Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), reason: /exceeds frameBytesMax/ },
    { name: 'negative size', bytes: Buffer.from('ffffffff00', 'hex'), reason: /negative frame size/ },
    { name: 'oversize frame', bytes: sizePrefix(200 * 1024 * 1024), reason: /exceeds frameBytesMax/ },
    { name: 'frame shorter than a header', bytes: Buffer.concat([sizePrefix(3), Buffer.from([0, 3, 0])]), reason: /shorter than a request header/ },
    { name: 'unknown API key', bytes: frame(999, 0, 1, Buffer.alloc(0)), reason: /unknown API key 999/ },
    { name: 'malformed body (array count past the end)', bytes: frame(ApiKey.Metadata, 1, 1, Buffer.from('000f4240', 'hex')), reason: /malformed request/ },
    { name: 'random bytes', bytes: Buffer.from('0000002a' + 'a5'.repeat(42), 'hex'), reason: /./ },
  ];
  for (const c of cases) {
    await t.test(c.name, async (t) => {
      const client = await RawClient.connect(t, broker.port);
      client.writeRaw(c.bytes);
      t.equal(await client.nextFrame(), null, 'connection closed without a response');
      await client.closed;
    });
  }

  await t.test('the broker logged each close with the peer and the reason', async (t) => {
    const closes = broker.output().split('\n').filter((l) => l.includes('closing connection')).map((l) => JSON.parse(l) as { peer: string; reason: string });
    for (const c of cases) t.ok(closes.some((x) => c.reason.test(x.reason) && /^127\.0\.0\.1:\d+$/.test(x.peer)), `${c.name}: logged`);
  });

  /** The broker's JSON log lines that match, once one arrived (they cross the child's stdout pipe; bounded wait). */
  const logLines = async (pattern: RegExp) => {
    for (let i = 0; i < 100 && !pattern.test(broker.output()); i++) await new Promise((r) => setTimeout(r, 50));
    return broker.output().split('\n').filter((l) => pattern.test(l)).map((l) => JSON.parse(l) as { msg: string; clientId: string | null; api: string; apiVersion: number });
  };

  await t.test('Fetch v2 (kafka-go 0.2.1): UNSUPPORTED_VERSION in every partition, in v2 framing; the connection stays open', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    client.clientId = 'old-go-client';
    const r = await client.request(ApiKey.Fetch, 2, fetchRequest([{ topic: 'legacy', partition: 0, offset: 0 }, { topic: 'legacy', partition: 1, offset: 5 }]));
    t.same(r.responses.map((x: { topic: string; partitions: { partitionIndex: number; errorCode: number }[] }) => [x.topic, x.partitions.map((p) => [p.partitionIndex, p.errorCode])]), [
      ['legacy', [[0, ErrorCode.UNSUPPORTED_VERSION], [1, ErrorCode.UNSUPPORTED_VERSION]]],
    ]);
    const m = await client.request(ApiKey.Metadata, 1, metadataRequest([], false));
    t.ok(Array.isArray(m.brokers), 'the same connection still answers');
    const lines = await logLines(/unsupported version 2 of Fetch/);
    t.equal(lines.length, 1, 'one log line');
    t.match(lines[0], { clientId: 'old-go-client', api: 'Fetch', apiVersion: 2, msg: /client "old-go-client".*answered UNSUPPORTED_VERSION/ });
  });

  await t.test('Produce v2 (kafka-go 0.2.1): UNSUPPORTED_VERSION per partition and one log line naming client, API and version', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    client.clientId = 'old-go-producer';
    const r = await client.request(ApiKey.Produce, 2, produceRequest('legacy', 0, Buffer.alloc(30)));
    t.same(r.responses.map((x: { name: string; partitionResponses: { index: number; errorCode: number }[] }) => [x.name, x.partitionResponses.map((p) => [p.index, p.errorCode])]), [
      ['legacy', [[0, ErrorCode.UNSUPPORTED_VERSION]]],
    ]);
    const lines = await logLines(/unsupported version 2 of Produce/);
    t.equal(lines.length, 1, 'one log line');
    t.match(lines[0], { clientId: 'old-go-producer', api: 'Produce', apiVersion: 2, msg: /client "old-go-producer".*answered UNSUPPORTED_VERSION/ });
  });

  await t.test('a version with no known response shape (Metadata v99): one log line naming client, API and version, then close', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    client.writeRaw(frame(ApiKey.Metadata, 99, 1, Buffer.alloc(0)));
    t.equal(await client.nextFrame(), null, 'connection closed without a response');
    await client.closed;
    const lines = await logLines(/unsupported version 99 of Metadata/);
    t.equal(lines.length, 1, 'one log line');
    t.match(lines[0], { clientId: 'bad', api: 'Metadata', apiVersion: 99, msg: /client "bad".*closing the connection/ });
  });

  await t.test('ApiVersions at an unsupported version: v0-framed UNSUPPORTED_VERSION with the API list', async (t) => {
    const client = await RawClient.connect(t, broker.port);
    // ApiVersions v9 does not exist; its header is v2 (flexible), the body empty tags.
    const header = Buffer.from('0012' + '0009' + '00000007' + '0003' + Buffer.from('bad').toString('hex') + '00', 'hex');
    const body = Buffer.from('000000', 'hex');
    client.writeRaw(Buffer.concat([sizePrefix(header.length + body.length), header, body]));
    const f = await client.nextFrame();
    t.ok(f, 'answered');
    const r = new Reader(f!);
    t.equal(readResponseHeader(r, 0).correlationId, 7);
    const res = readApiVersionsResponse(r, 0);
    t.equal(res.errorCode, ErrorCode.UNSUPPORTED_VERSION);
    t.ok(res.apiKeys.some((k) => k.apiKey === ApiKey.ApiVersions && k.maxVersion >= 3), 'lists ApiVersions so the client can retry');
    const ok = await client.request(ApiKey.ApiVersions, 3, apiVersionsRequest());
    t.equal(ok.errorCode, ErrorCode.NONE, 'the same connection then works at v3');
  });

  await t.test('well-behaved clients still work, the idle ones were not disturbed', async (t) => {
    const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const sent = await producer.send({ topic: 'after-bad-input', messages: [{ value: 'fine' }] });
    await producer.disconnect();
    t.equal(sent[0]!.errorCode, 0);
    const m = await idle.request(ApiKey.Metadata, 1, metadataRequest(['after-bad-input']));
    t.equal(m.topics[0].errorCode, 0, 'the idle connection answers');
    t.doesNotThrow(() => process.kill(broker.pid, 0), 'broker process alive');
    halfFrame.close();
  });
});
