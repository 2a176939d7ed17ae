import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { fetchRequest, metadataRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { decodeBatchRecords } from '../../src/protocol/records/batch.js';
import { iterateBatches } from '../../src/protocol/records/iterate-batches.js';

/** Loopback delivery of one small request is far below this, even on a loaded machine. */
const SETTLE_MS = 1000;

async function values(c: RawClient, topic: string, partition: number): Promise<string[]> {
  const res = await c.request(ApiKey.Fetch, 11, fetchRequest([{ topic, partition, offset: 0 }]));
  const bytes = res.responses[0].partitions[0].records as Buffer;
  const out: string[] = [];
  for (const b of iterateBatches(bytes)) for (const r of await decodeBatchRecords(bytes.subarray(b.pos, b.pos + b.totalBytes))) out.push(r.value!.toString());
  return out;
}

t.test('SIGTERM is graceful (long-poll answered, exit 0) and a restart keeps topics and data', async (t) => {
  const broker = await spawnBroker(t, { args: ['--default-partitions', '2'] });
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'durable', acks: -1, messages: [{ value: 'one', partition: 0 }, { value: 'two', partition: 0 }, { value: 'three', partition: 1 }] });
  await producer.disconnect();

  const c = await RawClient.connect(t, broker.port);
  const before = await c.request(ApiKey.Metadata, 12, metadataRequest(['durable']));
  const topicId = before.topics[0].topicId as Buffer;

  // A long-poll in flight at shutdown gets its (empty) answer before the process exits.
  const pollId = c.send(ApiKey.Fetch, 11, fetchRequest([{ topic: 'durable', partition: 0, offset: 2 }], { maxWaitMs: 60_000 }));
  // Let the request reach the broker before the signal (setup only; nothing is timed).
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  broker.kill('SIGTERM');
  const poll = await c.nextResponse(ApiKey.Fetch, 11);
  t.equal(poll.correlationId, pollId, 'the waiting fetch was answered during shutdown');
  t.equal(await broker.exited, 0, 'exit code 0');
  t.match(broker.output(), /"msg":"stopped"/);

  const again = await spawnBroker(t, { dataDir: broker.dataDir });
  const c2 = await RawClient.connect(t, again.port);
  const after = await c2.request(ApiKey.Metadata, 12, metadataRequest(['durable'], false));
  t.equal(after.topics[0].errorCode, 0);
  t.equal(after.topics[0].partitions.length, 2, 'partition count kept');
  t.same(after.topics[0].topicId, topicId, 'topic id kept');
  t.same(await values(c2, 'durable', 0), ['one', 'two']);
  t.same(await values(c2, 'durable', 1), ['three']);
  const kafka2 = new Kafka({ brokers: [again.bootstrap], logLevel: logLevel.NOTHING });
  const p2 = kafka2.producer();
  await p2.connect();
  const sent = await p2.send({ topic: 'durable', messages: [{ value: 'four', partition: 0 }] });
  await p2.disconnect();
  t.equal(sent[0]!.baseOffset, '2', 'offsets continue after the restart');
});
