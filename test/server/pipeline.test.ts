import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { metadataRequest, fetchRequest, produceRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';

/** Long enough that only an append can end the fetch before the test's own timeout. */
const LONG_POLL_MS = 60_000;

t.test('responses leave in request order; a long-poll on one connection does not hold up another', async (t) => {
  const broker = await spawnBroker(t);
  const waiter = await RawClient.connect(t, broker.port);
  const other = await RawClient.connect(t, broker.port);
  await other.request(ApiKey.Metadata, 1, metadataRequest(['pipe']));

  // Connection 1: a Fetch that can only finish when data arrives, then a Metadata pipelined behind it.
  const fetchId = waiter.send(ApiKey.Fetch, 11, fetchRequest([{ topic: 'pipe', partition: 0, offset: 0 }], { maxWaitMs: LONG_POLL_MS, minBytes: 1 }));
  const metadataId = waiter.send(ApiKey.Metadata, 1, metadataRequest(['pipe']));

  // Connection 2 is served meanwhile: Metadata, then the Produce that wakes connection 1's Fetch.
  const m = await other.request(ApiKey.Metadata, 1, metadataRequest(['pipe']));
  t.equal(m.topics[0].name, 'pipe', 'other connection answered while the fetch waits');
  const p = await other.request(ApiKey.Produce, 7, produceRequest('pipe', 0, buildBatchUncompressed([{ key: null, value: Buffer.from('wake') }])));
  t.equal(p.responses[0].partitionResponses[0].errorCode, 0);

  const first = await waiter.nextResponse(ApiKey.Fetch, 11);
  t.equal(first.correlationId, fetchId, 'the Fetch answers first');
  const records = first.body.responses[0].partitions[0].records as Buffer;
  t.ok(records.length > 0, 'woken by the append, with the data');
  const second = await waiter.nextResponse(ApiKey.Metadata, 1);
  t.equal(second.correlationId, metadataId, 'then the pipelined Metadata');

  // kafka-python's probe: ApiVersions v0 and Metadata v0 written back to back in one packet.
  const probe = await RawClient.connect(t, broker.port);
  const a = probe.send(ApiKey.ApiVersions, 0, {});
  const b = probe.send(ApiKey.Metadata, 0, metadataRequest([]));
  t.equal((await probe.nextResponse(ApiKey.ApiVersions, 0)).correlationId, a);
  const meta0 = await probe.nextResponse(ApiKey.Metadata, 0);
  t.equal(meta0.correlationId, b);
  t.ok(meta0.body.topics.some((x: { name: string }) => x.name === 'pipe'), 'v0 empty list means all topics');
});
