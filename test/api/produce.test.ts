import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { TopicStore } from '../../src/cluster/topic-store.js';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { metadataRequest, produceRequest, fetchRequest, listOffsetsRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { buildBatchUncompressed, decodeBatchRecords } from '../../src/protocol/records/batch.js';
import { readBatchHeader, ATTR_TIMESTAMP_LOG_APPEND, OFFSET_MAGIC } from '../../src/protocol/records/batch-header.js';

const rec = (v: string, k: string | null = null) => ({ key: k === null ? null : Buffer.from(k), value: Buffer.from(v) });

t.test('Produce against a real broker', async (t) => {
  // Topics with their own configs are written to the data dir's topic store before the broker
  // starts (CreateTopics is another handler's test).
  const dataDir = mkdtempSync(join(tmpdir(), 'canopy-produce-'));
  const store = await TopicStore.open({ dataDir, limits: DEFAULT_LIMITS, logger: pino({ level: 'silent' }) });
  await store.create('stamped', { partitions: 1, configs: { 'message.timestamp.type': 'LogAppendTime' } });
  await store.create('small', { partitions: 1, configs: { 'max.message.bytes': '1000' } });
  const broker = await spawnBroker(t, { dataDir });
  const c = await RawClient.connect(t, broker.port);
  const V = 7;
  const code = (res: any) => res.responses[0].partitionResponses[0];

  await t.test('acks=-1 and acks=1 answer with consecutive base offsets', async (t) => {
    const a = code(await c.request(ApiKey.Produce, V, produceRequest('p1', 0, buildBatchUncompressed([rec('a', 'k'), rec('b')]), -1)));
    t.equal(a.errorCode, ErrorCode.NONE);
    t.equal(a.baseOffset, 0);
    t.equal(a.logAppendTimeMs, -1, 'CreateTime topic');
    const b = code(await c.request(ApiKey.Produce, V, produceRequest('p1', 0, buildBatchUncompressed([rec('c')]), 1)));
    t.equal(b.errorCode, ErrorCode.NONE);
    t.equal(b.baseOffset, 2);
  });

  await t.test('acks=0 sends nothing back, but the records are appended', async (t) => {
    c.send(ApiKey.Produce, V, produceRequest('p1', 0, buildBatchUncompressed([rec('quiet')]), 0));
    const id = c.send(ApiKey.ListOffsets, 3, listOffsetsRequest('p1', 0, -1));
    const next = await c.nextResponse(ApiKey.ListOffsets, 3);
    t.equal(next.correlationId, id, 'the next response answers the ListOffsets, not the acks=0 Produce');
    t.equal(next.body.topics[0].partitions[0].offset, 4, 'high watermark moved past the acks=0 batch');
  });

  await t.test('acks=0 with an error: no response, the connection is closed (as Kafka does)', async (t) => {
    const quiet = await RawClient.connect(t, broker.port);
    quiet.send(ApiKey.Produce, V, produceRequest('p1', 9, buildBatchUncompressed([rec('lost')]), 0));
    t.equal(await quiet.nextFrame(), null, 'closed without a response');
    const logged = /acks=0 produce failed \(p1-9: error 3\)/;
    t.match(await broker.outputMatching(logged), logged);
  });

  await t.test('a flipped byte is CORRUPT_MESSAGE; nothing is appended', async (t) => {
    const batch = buildBatchUncompressed([rec('x')]);
    batch[batch.length - 1]! ^= 0xff;
    const r = code(await c.request(ApiKey.Produce, V, produceRequest('p1', 0, batch)));
    t.equal(r.errorCode, ErrorCode.CORRUPT_MESSAGE);
    const lo = await c.request(ApiKey.ListOffsets, 3, listOffsetsRequest('p1', 0, -1));
    t.equal(lo.topics[0].partitions[0].offset, 4);
  });

  await t.test('a batch over max.message.bytes is MESSAGE_TOO_LARGE', async (t) => {
    const r = code(await c.request(ApiKey.Produce, V, produceRequest('small', 0, buildBatchUncompressed([rec('y'.repeat(3000))]))));
    t.equal(r.errorCode, ErrorCode.MESSAGE_TOO_LARGE);
  });

  await t.test('wrong magic and two batches are INVALID_RECORD', async (t) => {
    const old = buildBatchUncompressed([rec('m')]);
    old.writeInt8(1, OFFSET_MAGIC);
    t.equal(code(await c.request(ApiKey.Produce, V, produceRequest('p1', 0, old))).errorCode, ErrorCode.INVALID_RECORD);
    const two = Buffer.concat([buildBatchUncompressed([rec('1')]), buildBatchUncompressed([rec('2')])]);
    t.equal(code(await c.request(ApiKey.Produce, V, produceRequest('p1', 0, two))).errorCode, ErrorCode.INVALID_RECORD);
  });

  await t.test('Produce v0-2 get UNSUPPORTED_VERSION (advertised for librdkafka, not served)', async (t) => {
    const r = await c.request(ApiKey.Produce, 2, produceRequest('p1', 0, buildBatchUncompressed([rec('old')])));
    t.equal(code(r).errorCode, ErrorCode.UNSUPPORTED_VERSION);
  });

  await t.test('unknown partition of an existing topic is UNKNOWN_TOPIC_OR_PARTITION', async (t) => {
    const r = code(await c.request(ApiKey.Produce, V, produceRequest('p1', 7, buildBatchUncompressed([rec('z')]))));
    t.equal(r.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });

  await t.test('LogAppendTime topic: the broker stamps the batch and reports the time', async (t) => {
    const before = Date.now();
    const r = code(await c.request(ApiKey.Produce, V, produceRequest('stamped', 0, buildBatchUncompressed([{ ...rec('s'), timestamp: 1000 }]))));
    t.equal(r.errorCode, ErrorCode.NONE);
    t.ok(r.logAppendTimeMs >= before, 'log append time reported');
    const f = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'stamped', partition: 0, offset: 0 }]));
    const records = f.responses[0].partitions[0].records as Buffer;
    const h = readBatchHeader(records, 0);
    t.ok((h.attributes & ATTR_TIMESTAMP_LOG_APPEND) !== 0, 'LogAppendTime bit set');
    const decoded = await decodeBatchRecords(records);
    t.equal(decoded[0]!.timestamp, r.logAppendTimeMs, 'record timestamp is the append time (CRC still valid)');
  });

  await t.test('clients may not produce to internal topics', async (t) => {
    const r = code(await c.request(ApiKey.Produce, V, produceRequest('__consumer_offsets', 0, buildBatchUncompressed([rec('sneaky')]))));
    t.equal(r.errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION);
  });

  await t.test('metadata sees the auto-created topics', async (t) => {
    const m = await c.request(ApiKey.Metadata, 9, metadataRequest(null));
    t.same(m.topics.filter((x: any) => !x.isInternal).map((x: any) => x.name).sort(), ['p1', 'small', 'stamped']);
  });
});

t.test('auto-creation off: unknown topic is UNKNOWN_TOPIC_OR_PARTITION', async (t) => {
  const broker = await spawnBroker(t, { args: ['--auto-create-topics', 'false'] });
  const c = await RawClient.connect(t, broker.port);
  const r = await c.request(ApiKey.Produce, 7, produceRequest('nope', 0, buildBatchUncompressed([rec('n')])));
  t.equal(r.responses[0].partitionResponses[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
});
