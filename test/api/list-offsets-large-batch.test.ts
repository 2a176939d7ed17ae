/**
 * ListOffsets by timestamp over the largest batch the limits let in (limits.batchRecordsMax tiny
 * records, zstd): the broker finds the record by walking the batch in place, so its memory stays
 * bounded by the decompressed bytes (no object per record) and other connections are answered
 * while the walk runs.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { Compression } from '../../src/protocol/records/batch-header.js';
import { writeVarint, writeVarlong } from '../../src/protocol/records/varint.js';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { apiVersionsRequest, listOffsetsRequest, produceRequest } from '../helpers/requests.js';
import { compressed, oddBatch } from '../helpers/odd-batches.js';

const RECORDS = DEFAULT_LIMITS.batchRecordsMax;
const LAST_DELTA_MS = 1000;
/**
 * Growth of the broker's peak RSS the lookup may cause. The decompressed section is ~9 MB; one
 * object per record (what decoding the batch costs) is well over 100 MB for a million records.
 */
const LOOKUP_RSS_GROWTH_BYTES_MAX = 64 * 1024 * 1024;

/** `count` records with null key and value; all at delta 0 but the last, at LAST_DELTA_MS. */
function tinyRecords(count: number): Buffer {
  const section = Buffer.alloc(count * 12);
  const body = Buffer.alloc(12);
  let pos = 0;
  for (let i = 0; i < count; i++) {
    let b = 0;
    body[b++] = 0; // attributes
    b = writeVarlong(body, b, i === count - 1 ? LAST_DELTA_MS : 0);
    b = writeVarint(body, b, i);
    body[b++] = 1; // key: null (zig-zag -1)
    body[b++] = 1; // value: null
    body[b++] = 0; // no headers
    pos = writeVarint(section, pos, b);
    pos += body.copy(section, pos, 0, b);
  }
  return section.subarray(0, pos);
}

/** Peak resident set size of a process (Linux VmHWM), in bytes. */
function peakRssBytes(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmHWM for ${pid}`);
  return Number(m[1]) * 1024;
}

t.test('ListOffsets by timestamp over a million-record batch: bounded memory, other connections served', async (t) => {
  const broker = await spawnBroker(t);
  const a = await RawClient.connect(t, broker.port);
  const b = await RawClient.connect(t, broker.port);
  const baseTimestamp = Date.now();
  const zstdBatch = async (count: number): Promise<Buffer> => {
    const section = tinyRecords(count);
    const batch = oddBatch(await compressed(section, Compression.Zstd), {
      baseTimestamp, maxTimestamp: baseTimestamp + LAST_DELTA_MS, recordCount: count, lastOffsetDelta: count - 1, compression: Compression.Zstd,
    });
    t.comment(`${count} records: ${section.length} bytes, ${batch.length} bytes as zstd`);
    return batch;
  };
  const produce = async (batch: Buffer) => (await a.request(ApiKey.Produce, 8, produceRequest('bomb', 0, batch))).responses[0].partitionResponses[0];

  const over = await produce(await zstdBatch(RECORDS + 1));
  t.equal(over.errorCode, ErrorCode.MESSAGE_TOO_LARGE, 'one record past limits.batchRecordsMax');
  t.match(over.errorMessage, /batchRecordsMax/);
  t.equal((await produce(await zstdBatch(RECORDS))).errorCode, ErrorCode.NONE, 'the largest batch the limits allow');
  await b.request(ApiKey.ApiVersions, 3, apiVersionsRequest());
  const before = peakRssBytes(broker.pid);

  const order: string[] = [];
  const lookup = a.request(ApiKey.ListOffsets, 7, listOffsetsRequest('bomb', 0, baseTimestamp + LAST_DELTA_MS)).then((r) => { order.push('ListOffsets'); return r; });
  const versions = b.request(ApiKey.ApiVersions, 3, apiVersionsRequest()).then((r) => { order.push('ApiVersions'); return r; });
  const [found, api] = await Promise.all([lookup, versions]);
  t.equal(api.errorCode, ErrorCode.NONE, 'the other connection is answered');
  const p = found.topics[0].partitions[0];
  t.same([p.errorCode, p.offset, p.timestamp], [ErrorCode.NONE, RECORDS - 1, baseTimestamp + LAST_DELTA_MS], 'the exact record');
  const growth = peakRssBytes(broker.pid) - before;
  t.comment(`answered in order ${order.join(', ')}; peak RSS grew by ${(growth / 1048576).toFixed(1)} MiB`);
  t.ok(growth < LOOKUP_RSS_GROWTH_BYTES_MAX, `peak RSS grew by ${growth} bytes (< ${LOOKUP_RSS_GROWTH_BYTES_MAX}): no object per record`);
});
