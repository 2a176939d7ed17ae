import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { fetchRequest, metadataRequest, produceRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';
import { iterateBatches } from '../../src/protocol/records/iterate-batches.js';

const LONG_POLL_MS = 60_000;
const value = (n: number) => Buffer.alloc(n, 0x61);

function batchOffsets(records: Buffer | null): number[] {
  if (!records || records.length === 0) return [];
  return [...iterateBatches(records)].map((b) => b.header.baseOffset);
}

t.test('Fetch against a real broker', async (t) => {
  const broker = await spawnBroker(t, { args: ['--default-partitions', '2'] });
  const c = await RawClient.connect(t, broker.port);
  const produce = async (partition: number, bytes: number) => {
    const r = await c.request(ApiKey.Produce, 7, produceRequest('f', partition, buildBatchUncompressed([{ key: null, value: value(bytes) }])));
    return r.responses[0].partitionResponses[0].baseOffset as number;
  };
  for (let i = 0; i < 4; i++) await produce(0, 1000);
  await produce(1, 10);

  await t.test('partition fields: high watermark = last stable offset, log start, no aborted transactions', async (t) => {
    for (const version of [4, 11, 12]) {
      const r = await c.request(ApiKey.Fetch, version, fetchRequest([{ topic: 'f', partition: 0, offset: 0 }]));
      const p = r.responses[0].partitions[0];
      t.same([p.errorCode, p.highWatermark, p.lastStableOffset, p.logStartOffset], [0, 4, 4, version >= 5 ? 0 : -1], `v${version}`);
      t.same(p.abortedTransactions, version >= 4 ? [] : null);
      t.same(batchOffsets(p.records), [0, 1, 2, 3]);
    }
  });

  await t.test('partition_max_bytes and max_bytes limit the data; the first batch always comes whole (KIP-74)', async (t) => {
    const small = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 0, offset: 0, partitionMaxBytes: 2500 }]));
    t.same(batchOffsets(small.responses[0].partitions[0].records), [0, 1], 'two ~1 KB batches fit in 2500 bytes');
    const tiny = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 0, offset: 1, partitionMaxBytes: 10 }]));
    t.same(batchOffsets(tiny.responses[0].partitions[0].records), [1], 'one whole batch past the limit');
    const budget = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 0, offset: 0 }, { topic: 'f', partition: 1, offset: 0 }], { maxBytes: 1100 }));
    t.same(batchOffsets(budget.responses[0].partitions[0].records), [0], 'response budget spent on partition 0');
    t.same(batchOffsets(budget.responses[0].partitions[1].records), [], 'nothing left for partition 1');
    t.equal(budget.responses[0].partitions[1].highWatermark, 1, 'but its offsets are reported');
  });

  await t.test('OFFSET_OUT_OF_RANGE past the end; the end itself is fine', async (t) => {
    const past = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 0, offset: 5 }]));
    t.equal(past.responses[0].partitions[0].errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
    const end = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 0, offset: 4 }], { maxWaitMs: 0 }));
    t.same([end.responses[0].partitions[0].errorCode, batchOffsets(end.responses[0].partitions[0].records)], [0, []]);
  });

  await t.test('unknown topic / partition / topic id', async (t) => {
    const r = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'nope', partition: 0, offset: 0 }, { topic: 'f', partition: 9, offset: 0 }]));
    t.equal(r.responses[0].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    t.equal(r.responses[1].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const byId = await c.request(ApiKey.Fetch, 13, fetchRequest([{ topic: '', topicId: Buffer.alloc(16, 7), partition: 0, offset: 0 }]));
    t.equal(byId.responses[0].partitions[0].errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
  });

  await t.test('v13+ name topics by id', async (t) => {
    const m = await c.request(ApiKey.Metadata, 12, metadataRequest(['f']));
    const topicId = m.topics[0].topicId as Buffer;
    for (const version of [13, 15, 17]) {
      const r = await c.request(ApiKey.Fetch, version, fetchRequest([{ topic: '', topicId, partition: 0, offset: 2 }]));
      t.same(r.responses[0].topicId, topicId);
      t.same(batchOffsets(r.responses[0].partitions[0].records), [2, 3], `v${version}`);
    }
  });

  await t.test('fetch sessions: none are created; an unknown session id is refused', async (t) => {
    const open = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 1, offset: 0 }], { sessionId: 0, sessionEpoch: 0 }));
    t.same([open.errorCode, open.sessionId], [0, 0], 'session id 0: the client keeps sending full fetches');
    t.equal(batchOffsets(open.responses[0].partitions[0].records).length, 1);
    const stale = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 1, offset: 0 }], { sessionId: 1234, sessionEpoch: 1 }));
    t.equal(stale.errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
  });

  await t.test('long-poll: min_bytes not met waits until an append arrives', async (t) => {
    const waiter = await RawClient.connect(t, broker.port);
    const id = waiter.send(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 0, offset: 4 }, { topic: 'f', partition: 1, offset: 1 }], { maxWaitMs: LONG_POLL_MS, minBytes: 1 }));
    const offset = await produce(1, 50);
    t.equal(offset, 1);
    const r = await waiter.nextResponse(ApiKey.Fetch, 11);
    t.equal(r.correlationId, id);
    t.same(batchOffsets(r.body.responses[0].partitions[1].records), [1], 'woken with the new batch');
  });

  await t.test('long-poll: max_wait_ms ends the wait with no data', async (t) => {
    const r = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 0, offset: 4 }], { maxWaitMs: 200, minBytes: 1 }));
    t.same([r.responses[0].partitions[0].errorCode, batchOffsets(r.responses[0].partitions[0].records)], [0, []]);
  });

  await t.test('min_bytes larger than what one append brings keeps waiting for more', async (t) => {
    const waiter = await RawClient.connect(t, broker.port);
    const id = waiter.send(ApiKey.Fetch, 11, fetchRequest([{ topic: 'f', partition: 0, offset: 4 }], { maxWaitMs: LONG_POLL_MS, minBytes: 1500 }));
    await produce(0, 1000);
    await produce(0, 1000);
    const r = await waiter.nextResponse(ApiKey.Fetch, 11);
    t.equal(r.correlationId, id);
    t.same(batchOffsets(r.body.responses[0].partitions[0].records), [4, 5], 'answered once min_bytes was reached');
  });
});
