/**
 * The probes as wired into a real broker process (start.ts, server, dispatch, Produce/Fetch, the
 * journal file layer): real kafkajs traffic and one raw unsupported request, then the numbers in
 * /metrics must match what was sent.
 */
import t from 'tap';
import { connect } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';

function sample(text: string, name: string, labels = ''): number | undefined {
  const prefix = labels === '' ? `${name} ` : `${name}{${labels}} `;
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(prefix.length));
}

/** Sends one Produce v99 request (no broker serves it) and waits for the broker to close the socket. */
function sendUnsupportedProduce(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      const clientId = Buffer.from('metrics-test');
      const frame = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length);
      frame.writeInt32BE(frame.length - 4, 0);
      frame.writeInt16BE(0, 4); // Produce
      frame.writeInt16BE(99, 6);
      frame.writeInt32BE(1, 8);
      frame.writeInt16BE(clientId.length, 12);
      clientId.copy(frame, 14);
      socket.write(frame);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve());
  });
}

t.test('a running broker counts requests, bytes, records, connections and journal writes', async (t) => {
  const broker = await spawnBroker(t, { args: ['--group-initial-rebalance-delay-ms', '0', '--default-partitions', '1'] });
  const metricsUrl = `${broker.adminUrl}/metrics`;
  const kafka = new Kafka({ clientId: 'metrics-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  t.teardown(() => producer.disconnect());
  const records = 25;
  for (let i = 0; i < records; i += 5) {
    await producer.send({ topic: 'metered', messages: Array.from({ length: 5 }, (_, j) => ({ value: `value-${i + j}` })) });
  }
  const consumer = kafka.consumer({ groupId: 'metered-group', maxWaitTimeInMs: 200 });
  await consumer.connect();
  t.teardown(() => consumer.disconnect());
  await consumer.subscribe({ topic: 'metered', fromBeginning: true });
  let seen = 0;
  await consumer.run({ eachMessage: async () => { seen += 1; } });
  const deadline = Date.now() + 30_000;
  while (seen < records && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  t.equal(seen, records, 'consumed everything');

  const during = await (await fetch(metricsUrl)).text();
  t.equal(sample(during, 'canopy_topic_records_in_total', 'topic="metered"'), records, 'records in = records produced');
  const bytesIn = sample(during, 'canopy_topic_bytes_in_total', 'topic="metered"')!;
  const size = sample(during, 'canopy_partition_size_bytes', 'topic="metered",partition="0"')!;
  t.equal(bytesIn, size, 'bytes in = the bytes the partition stores (single partition, nothing deleted)');
  t.ok(sample(during, 'canopy_topic_bytes_out_total', 'topic="metered"')! >= bytesIn, 'the consumer fetched at least every stored byte');
  t.equal(sample(during, 'canopy_partition_high_watermark', 'topic="metered",partition="0"'), records);
  t.ok(sample(during, 'canopy_connections_active')! >= 2, 'producer and consumer connections are open');
  t.match(during, /^canopy_api_requests_total\{api="Produce",version="\d+",outcome="ok"\} 5$/m, 'five Produce requests');
  t.match(during, /^canopy_api_requests_total\{api="JoinGroup",version="\d+",outcome="ok"\} \d+$/m);
  t.match(during, /^canopy_api_request_duration_seconds_count\{api="Fetch",outcome="ok"\} \d+$/m);
  t.ok(sample(during, 'canopy_journal_append_duration_seconds_count')! >= 5, 'journal writes timed');
  t.ok(sample(during, 'canopy_journal_fsync_duration_seconds_count')! >= 1, 'fsyncs timed (fsync=always)');
  t.equal(sample(during, 'canopy_consumer_group_members', 'group="metered-group"'), 1);
  t.equal(sample(during, 'canopy_broker_ready'), 1);

  await sendUnsupportedProduce(broker.port);
  const after = await (await fetch(metricsUrl)).text();
  t.equal(sample(after, 'canopy_api_requests_total', 'api="Produce",version="unsupported",outcome="unsupported"'), 1, 'an unserved version is counted as unsupported');
  const accepted = sample(after, 'canopy_connections_accepted_total')!;
  const active = sample(after, 'canopy_connections_active')!;
  t.ok(accepted > active, `closed connections leave the active gauge (${active} open of ${accepted} accepted)`);
});
