import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { listOffsetsRequest, produceRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { buildBatch } from '../../src/protocol/records/batch.js';
import { Compression } from '../../src/protocol/records/batch-header.js';

t.test('ListOffsets: earliest, latest, by timestamp (exact record, compressed batches)', async (t) => {
  const broker = await spawnBroker(t);
  const c = await RawClient.connect(t, broker.port);
  const rec = (ts: number) => ({ key: null, value: Buffer.from(`t${ts}`), timestamp: ts });
  const produce = async (b: Buffer) => (await c.request(ApiKey.Produce, 7, produceRequest('lo', 0, b))).responses[0].partitionResponses[0];
  t.equal((await produce(await buildBatch([rec(100), rec(200), rec(300)], { compression: Compression.Gzip }))).errorCode, 0);
  t.equal((await produce(await buildBatch([rec(400), rec(500)], { compression: Compression.Lz4 }))).errorCode, 0);

  const at = async (timestamp: number, version = 3) => {
    const r = await c.request(ApiKey.ListOffsets, version, listOffsetsRequest('lo', 0, timestamp));
    const p = r.topics[0].partitions[0];
    return version === 0 ? [p.errorCode, p.oldStyleOffsets] : [p.errorCode, p.offset, p.timestamp];
  };
  t.same(await at(-2), [0, 0, -1], 'earliest');
  t.same(await at(-1), [0, 5, -1], 'latest = high watermark');
  t.same(await at(0), [0, 0, 100]);
  t.same(await at(200), [0, 1, 200], 'exact record inside a gzip batch');
  t.same(await at(250), [0, 2, 300]);
  t.same(await at(301), [0, 3, 400], 'next batch');
  t.same(await at(500), [0, 4, 500], 'inside an lz4 batch');
  t.same(await at(501), [0, -1, -1], 'none found');
  t.same(await (async () => { const e = await c.request(ApiKey.ListOffsets, 7, listOffsetsRequest('empty', 0, -3)); return e.topics[0].partitions[0].errorCode; })(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'unknown topic');
  t.same(await at(-1, 0), [0, [5]], 'v0 old-style offsets');
  for (let v = 1; v <= 6; v++) t.same(await at(250, v), [0, 2, 300], `v${v}`);
  for (let v = 7; v <= 8; v++) t.same(await at(250, v), [0, 2, 300], `v${v}`);

  // -3 (v7+): the first record with the largest timestamp, even when later records are older.
  t.equal((await produce(await buildBatch([rec(450), rec(500), rec(120)]))).errorCode, 0);
  t.same(await at(-3, 7), [0, 4, 500], 'max timestamp: offset 4 (an equal timestamp later at 6 does not count)');
  t.same(await at(-3, 6), [ErrorCode.UNSUPPORTED_VERSION, -1, -1], '-3 needs v7');
  t.same(await at(-4, 8), [0, 0, -1], '-4 (v8): earliest local = log start');
  t.same(await at(-4, 7), [ErrorCode.UNSUPPORTED_VERSION, -1, -1], '-4 needs v8');
  t.same(await at(-3, 7).then(() => at(-1)), [0, 8, -1]);
  const unknown = await c.request(ApiKey.ListOffsets, 3, listOffsetsRequest('lo', 3, -1));
  t.equal(unknown.topics[0].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
});
