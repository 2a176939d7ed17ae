import t from 'tap';
import { Kafka, logLevel, CompressionTypes } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { fetchRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { decodeBatchRecords } from '../../src/protocol/records/batch.js';
import { iterateBatches } from '../../src/protocol/records/iterate-batches.js';

/** kafkajs 2.2.4 producer against the real broker; what it wrote is fetched back and decoded. */
async function fetchAll(c: RawClient, topic: string, partition: number): Promise<Array<{ offset: number; key: string | null; value: string | null; headers: Record<string, string>; timestamp: number }>> {
  const res = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic, partition, offset: 0, partitionMaxBytes: 10 * 1024 * 1024 }]));
  const p = res.responses[0].partitions[0];
  if (p.errorCode !== 0) throw new Error(`fetch error ${p.errorCode}`);
  const out = [];
  const bytes = p.records as Buffer;
  for (const b of iterateBatches(bytes)) {
    for (const r of await decodeBatchRecords(bytes.subarray(b.pos, b.pos + b.totalBytes))) {
      out.push({
        offset: r.offset,
        key: r.key?.toString() ?? null,
        value: r.value?.toString() ?? null,
        headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value?.toString() ?? ''])),
        timestamp: r.timestamp,
      });
    }
  }
  return out;
}

t.test('kafkajs producer: acks -1, 1 and 0, gzip, several partitions', async (t) => {
  const broker = await spawnBroker(t, { args: ['--default-partitions', '3'] });
  const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: 'kafkajs-test', logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  await producer.connect();
  t.teardown(() => producer.disconnect());
  const c = await RawClient.connect(t, broker.port);

  const all = await producer.send({ topic: 'kjs', acks: -1, messages: [{ key: 'k0', value: 'v0', partition: 0, headers: { trace: 'abc' }, timestamp: '1600000000000' }, { key: 'k1', value: 'v1', partition: 0 }] });
  t.same(all.map((r) => [r.partition, r.errorCode, r.baseOffset]), [[0, 0, '0']]);
  const one = await producer.send({ topic: 'kjs', acks: 1, messages: [{ key: 'k2', value: 'v2', partition: 0 }] });
  t.same(one.map((r) => [r.partition, r.baseOffset]), [[0, '2']]);
  const none = await producer.send({ topic: 'kjs', acks: 0, messages: [{ key: 'k3', value: 'v3', partition: 0 }] });
  t.same(none, [], 'acks=0: kafkajs expects no response and gets none');
  const gz = await producer.send({ topic: 'kjs', compression: CompressionTypes.GZIP, messages: [{ key: 'k4', value: 'v4'.repeat(100), partition: 0 }] });
  t.same(gz.map((r) => r.baseOffset), ['4']);
  const spread = await producer.send({ topic: 'kjs', messages: [{ value: 'p1', partition: 1 }, { value: 'p2', partition: 2 }, { value: 'p2b', partition: 2 }] });
  t.same(spread.map((r) => [r.partition, r.baseOffset]).sort(), [[1, '0'], [2, '0']]);

  const records = await fetchAll(c, 'kjs', 0);
  t.same(records.map((r) => [r.offset, r.key, r.value]), [[0, 'k0', 'v0'], [1, 'k1', 'v1'], [2, 'k2', 'v2'], [3, 'k3', 'v3'], [4, 'k4', 'v4'.repeat(100)]]);
  t.same(records[0]!.headers, { trace: 'abc' });
  t.equal(records[0]!.timestamp, 1600000000000);
  t.same((await fetchAll(c, 'kjs', 2)).map((r) => r.value), ['p2', 'p2b']);
});
