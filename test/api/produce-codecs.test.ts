import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { produceRequest, fetchRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { buildBatch, decodeBatchRecords } from '../../src/protocol/records/batch.js';
import { Compression, OFFSET_ATTRIBUTES } from '../../src/protocol/records/batch-header.js';

/** Batches are stored as sent: what Fetch returns equals what Produce carried from the attributes on. */
t.test('every codec passes through unchanged (no recompression), and decodes back', async (t) => {
  const broker = await spawnBroker(t);
  const c = await RawClient.connect(t, broker.port);
  const records = Array.from({ length: 20 }, (_, i) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(`value-${i}-`.repeat(10)), headers: [{ key: 'h', value: Buffer.from([i]) }], timestamp: 1_700_000_000_000 + i }));
  const codecs: Array<[string, Compression]> = [['none', Compression.None], ['gzip', Compression.Gzip], ['snappy', Compression.Snappy], ['lz4', Compression.Lz4], ['zstd', Compression.Zstd]];
  let offset = 0;
  for (const [name, codec] of codecs) {
    const sent = await buildBatch(records, { compression: codec });
    const copy = Buffer.from(sent);
    const r = await c.request(ApiKey.Produce, 7, produceRequest('codecs', 0, sent));
    t.equal(r.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE, `${name}: accepted`);
    const f = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'codecs', partition: 0, offset, partitionMaxBytes: 1 }]));
    const stored = f.responses[0].partitions[0].records as Buffer;
    t.equal(stored.length, copy.length, `${name}: same size`);
    t.ok(stored.subarray(OFFSET_ATTRIBUTES).equals(copy.subarray(OFFSET_ATTRIBUTES)), `${name}: bytes from the attributes on are identical (CRC-covered part)`);
    const decoded = await decodeBatchRecords(stored);
    t.same(decoded.map((x) => [x.offset, x.key?.toString(), x.value?.toString(), x.timestamp]), records.map((x, i) => [offset + i, x.key.toString(), x.value.toString(), x.timestamp]), `${name}: records decode with their offsets`);
    offset += records.length;
  }
  const zstdOld = await c.request(ApiKey.Produce, 6, produceRequest('codecs', 0, await buildBatch(records, { compression: Compression.Zstd })));
  t.equal(zstdOld.responses[0].partitionResponses[0].errorCode, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, 'zstd needs Produce v7+');
});
