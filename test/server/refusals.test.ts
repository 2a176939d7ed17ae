/**
 * Broker-side refusals and group changes as an operator sees them (#15 item 3), through a real
 * broker process and kafkajs: Kafka error codes counted by API and error name on /metrics, refused
 * requests logged (rate-limited), and the consumer-group audit trail in the log.
 */
import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker, type SpawnedBroker } from '../helpers/spawn-broker.js';
import { REFUSAL_LINES_PER_WINDOW_MAX } from '../../src/server/refusal-log.js';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

type LogLine = Record<string, unknown> & { msg: string; level: string };

function logLines(broker: SpawnedBroker): LogLine[] {
  return broker.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as LogLine);
}

/** The sum of the series whose name and labels start with `prefix` and contain every `having`. */
async function metric(broker: SpawnedBroker, prefix: string, ...having: string[]): Promise<number | null> {
  const text = await (await fetch(`${broker.adminUrl}/metrics`)).text();
  const lines = text.split('\n').filter((l) => l.startsWith(prefix) && having.every((h) => l.includes(h)));
  return lines.length === 0 ? null : lines.reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

t.test('a refused Produce is counted by error name and logged, at most N lines per interval', async (t) => {
  const broker = await spawnBroker(t);
  const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: 'refused-client', logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  await admin.createTopics({ topics: [{ topic: 'small', numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '1000' }] }] });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  t.teardown(() => producer.disconnect());
  const attempts = REFUSAL_LINES_PER_WINDOW_MAX + 3;
  for (let i = 0; i < attempts; i++) {
    await t.rejects(producer.send({ topic: 'small', messages: [{ value: Buffer.alloc(5000, 1) }] }), { name: 'KafkaJSProtocolError', type: 'MESSAGE_TOO_LARGE' } as unknown as Error, `attempt ${i + 1} refused`);
  }
  await producer.send({ topic: 'small', messages: [{ value: 'fits' }] });

  t.equal(await metric(broker, 'canopy_api_errors_total{api="Produce",error="MESSAGE_TOO_LARGE"}'), attempts, 'every refused partition answer counted under its error name');
  t.equal(await metric(broker, 'canopy_api_requests_total{api="Produce",', 'outcome="ok"'), attempts + 1, 'the requests themselves were answered (outcome ok)');

  // A later refusal of another kind: once its line is out, every Produce line before it is too.
  t.equal((await admin.createTopics({ topics: [{ topic: 'small' }] })), false, 'creating it again is refused');
  await broker.outputMatching(/"msg":"CreateTopics refused: TOPIC_ALREADY_EXISTS"/);
  const refused = logLines(broker).filter((l) => l.msg === 'Produce refused: MESSAGE_TOO_LARGE');
  t.equal(refused.length, REFUSAL_LINES_PER_WINDOW_MAX, `${attempts} refusals, ${REFUSAL_LINES_PER_WINDOW_MAX} lines in one interval`);
  t.match(refused[0], { level: 'warn', api: 'Produce', error: 'MESSAGE_TOO_LARGE', topic: 'small', partition: 0, clientId: 'refused-client', peer: /^127\.0\.0\.1/, answers: 1 }, 'names the client, topic and partition');
  t.match(logLines(broker).find((l) => l.msg === 'CreateTopics refused: TOPIC_ALREADY_EXISTS'), { level: 'info', topic: 'small' }, 'other refusals at info');
  t.equal(await metric(broker, 'canopy_api_errors_total{api="CreateTopics",error="TOPIC_ALREADY_EXISTS"}'), 1);
});

t.test('group joins, rebalances, leaves, offset resets and deletions are logged with group, member and generation', async (t) => {
  const broker = await spawnBroker(t, { args: ['--group-initial-rebalance-delay-ms', '0'] });
  const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: 'audit-client', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  await admin.createTopics({ topics: [{ topic: 'audited', numPartitions: 2 }] });
  const consumer = kafka.consumer({ groupId: 'audit-group' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'audited', fromBeginning: true });
  let joined!: () => void;
  const joinedOnce = new Promise<void>((r) => { joined = r; });
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({ eachMessage: async () => {} });
  await joinedOnce;
  await consumer.disconnect();

  const reset = await fetch(`${broker.adminUrl}/v1/groups/audit-group/offsets/reset`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: 'earliest', topic: 'audited' }),
  });
  t.equal(reset.status, 200, 'offsets reset');
  await admin.deleteGroups(['audit-group']);
  await broker.outputMatching(/"msg":"group deleted"/);

  const audit = logLines(broker).filter((l) => l.group === 'audit-group');
  const member = audit.find((l) => l.msg === 'group member joined')?.member;
  t.match(audit.find((l) => l.msg === 'group member joined'), { level: 'info', member: /^audit-client-/, clientId: 'audit-client', generation: Number }, 'join: member and generation');
  t.match(audit.find((l) => l.msg === 'group rebalance started'), { level: 'info', generation: 0, members: 1 }, 'rebalance start');
  t.match(audit.find((l) => l.msg === 'group generation formed'), { level: 'info', generation: 1, leader: member, protocol: String, members: 1 }, 'generation 1 formed with its leader');
  t.match(audit.find((l) => l.msg === 'group member left'), { level: 'info', member, generation: 1 }, 'the member left');
  t.match(audit.find((l) => l.msg === 'group offsets reset'), { level: 'info', topic: 'audited', to: { kind: 'earliest' }, partitions: [{ partition: 0, to: 0 }, { partition: 1, to: 0 }] }, 'reset: where to, per partition');
  t.match(audit.find((l) => l.msg === 'group deleted'), { level: 'info', reason: 'DeleteGroups request', generation: Number }, 'deletion and why');
});
