import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { produceRequest, listOffsetsRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';

const V = 7;
const batch = (producerId: number, producerEpoch: number, baseSequence: number, n: number) =>
  buildBatchUncompressed(Array.from({ length: n }, (_, i) => ({ key: null, value: Buffer.from(`s${baseSequence + i}`) })), { producerId, producerEpoch, baseSequence });

async function produce(c: RawClient, b: Buffer) {
  const r = await c.request(ApiKey.Produce, V, produceRequest('idem', 0, b));
  return r.responses[0].partitionResponses[0] as { errorCode: number; baseOffset: number };
}

async function highWatermark(c: RawClient): Promise<number> {
  const r = await c.request(ApiKey.ListOffsets, 3, listOffsetsRequest('idem', 0, -1));
  return r.topics[0].partitions[0].offset;
}

t.test('idempotent producer: ids, duplicates, gaps, epochs, restart', async (t) => {
  const broker = await spawnBroker(t);
  let c = await RawClient.connect(t, broker.port);

  const init = await c.request(ApiKey.InitProducerId, 1, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 });
  t.equal(init.errorCode, ErrorCode.NONE);
  t.ok(init.producerId >= 0);
  t.equal(init.producerEpoch, 0);
  const second = await c.request(ApiKey.InitProducerId, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 });
  t.not(second.producerId, init.producerId, 'ids are unique');
  const pid = init.producerId;

  const pick = (r: { errorCode: number; baseOffset: number }) => [r.errorCode, r.baseOffset];
  t.same(pick(await produce(c, batch(pid, 0, 0, 3))), [ErrorCode.NONE, 0], 'first batch, sequences 0-2');
  t.same(pick(await produce(c, batch(pid, 0, 0, 3))), [ErrorCode.NONE, 0], 'resent batch: acknowledged with its original offset');
  t.equal(await highWatermark(c), 3, 'no second append');
  t.equal((await produce(c, batch(pid, 0, 5, 1))).errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, 'gap (expected 3, got 5)');
  t.same(pick(await produce(c, batch(pid, 0, 3, 2))), [ErrorCode.NONE, 3], 'next in sequence');
  t.equal(await highWatermark(c), 5);

  // Pipelined batches of one producer (as max.in.flight 5 sends them) are checked in order.
  c.send(ApiKey.Produce, V, produceRequest('idem', 0, batch(pid, 0, 5, 1)));
  c.send(ApiKey.Produce, V, produceRequest('idem', 0, batch(pid, 0, 6, 1)));
  c.send(ApiKey.Produce, V, produceRequest('idem', 0, batch(pid, 0, 5, 1)));
  const pipelined = [];
  for (let i = 0; i < 3; i++) pipelined.push((await c.nextResponse(ApiKey.Produce, V)).body.responses[0].partitionResponses[0]);
  t.same(pipelined.map(pick), [[0, 5], [0, 6], [0, 5]], 'in order, and the duplicate maps to offset 5');

  // KIP-360 epoch bump (InitProducerId v3+ with the current id and epoch).
  const bumped = await c.request(ApiKey.InitProducerId, 3, { transactionalId: null, transactionTimeoutMs: 60000, producerId: pid, producerEpoch: 0 });
  t.same([bumped.errorCode, bumped.producerId, bumped.producerEpoch], [0, pid, 1]);
  t.equal((await produce(c, batch(pid, 1, 4, 1))).errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, 'a new epoch must start at sequence 0');
  t.same(pick(await produce(c, batch(pid, 1, 0, 1))), [0, 7]);
  t.equal((await produce(c, batch(pid, 0, 7, 1))).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH, 'the old epoch is fenced');

  const txn = await c.request(ApiKey.InitProducerId, 1, { transactionalId: 'tx', transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 });
  t.equal(txn.errorCode, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, 'transactions are refused clearly');

  // Restart: sequence state is rebuilt from the log, producer ids are not reused.
  t.equal(await broker.stop(), 0, 'graceful stop');
  const again = await spawnBroker(t, { dataDir: broker.dataDir });
  c = await RawClient.connect(t, again.port);
  t.same(pick(await produce(c, batch(pid, 1, 0, 1))), [0, 7], 'duplicate detected after restart');
  t.equal((await produce(c, batch(pid, 1, 2, 1))).errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, 'gap detected after restart');
  t.same(pick(await produce(c, batch(pid, 1, 1, 1))), [0, 8]);
  const after = await c.request(ApiKey.InitProducerId, 1, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1, producerEpoch: -1 });
  t.ok(after.producerId > second.producerId, 'producer ids keep increasing across restarts');
});
