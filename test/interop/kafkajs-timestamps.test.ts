/**
 * kafkajs 2.2.4 and record timestamps. kafkajs computes a batch's maxTimestamp from the messages
 * that carry an explicit timestamp only (and sorts them as strings), so a batch mixing an old
 * explicit timestamp with messages stamped "now" claims to be old: the broker must take the
 * records' own timestamps for ListOffsets and retention. The message.timestamp.*.ms topic configs
 * are created, described and enforced through kafkajs.
 */
import t from 'tap';
import kafkajs, { Kafka, logLevel } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';

// kafkajs is CommonJS: its enums are not named ESM exports.
const { ConfigResourceTypes } = kafkajs;
const HOUR_MS = 3_600_000;
const WAIT_STEPS_MAX = 150;
const WAIT_STEP_MS = 100;

/** The Kafka error type a kafkajs call failed with (kafkajs may wrap it in a retry error). */
function errorType(p: Promise<unknown>): Promise<string> {
  return p.then(() => 'no error', (e: { type?: string; cause?: { type?: string }; name?: string }) => e.type ?? e.cause?.type ?? String(e.name));
}

t.test('kafkajs: odd batch maxTimestamps do not drive retention; timestamp bounds are configs', async (t) => {
  const broker = await spawnBroker(t, { args: ['--retention-check-interval-ms', '200'] });
  const kafka = new Kafka({ brokers: [broker.bootstrap], clientId: 'kafkajs-timestamps', logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const admin = kafka.admin();
  const producer = kafka.producer();
  await admin.connect();
  await producer.connect();
  t.teardown(async () => { await producer.disconnect(); await admin.disconnect(); });
  // Every batch in its own segment, so retention deletes them one by one.
  await admin.createTopics({ topics: [{ topic: 'aging', numPartitions: 1, configEntries: [{ name: 'retention.ms', value: String(HOUR_MS) }, { name: 'segment.bytes', value: '100' }] }] });

  await t.test('a batch whose header says "two hours old" while one record is fresh keeps the fresh record', async (t) => {
    const now = Date.now();
    const old = String(now - 2 * HOUR_MS);
    await producer.send({ topic: 'aging', messages: [{ value: 'old', timestamp: old, partition: 0 }] });
    await producer.send({ topic: 'aging', messages: [{ value: 'old too', timestamp: old, partition: 0 }, { value: 'fresh', partition: 0 }] });
    await producer.send({ topic: 'aging', messages: [{ value: 'tail', partition: 0 }] });
    const [found] = await admin.fetchTopicOffsetsByTimestamp('aging', now - 60_000);
    t.equal(found?.offset, '2', 'ListOffsets finds the fresh record inside the "old" batch');
    let start = '0';
    for (let i = 0; i < WAIT_STEPS_MAX && start === '0'; i++) {
      await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
      start = (await admin.fetchTopicOffsets('aging'))[0]!.low;
    }
    t.equal(start, '1', 'retention deleted the old batch only, not the one holding a fresh record');
  });

  await t.test('message.timestamp.before/after.max.ms: created, described as set, enforced per record', async (t) => {
    const bounds = [{ name: 'message.timestamp.after.max.ms', value: '60000' }, { name: 'message.timestamp.before.max.ms', value: '60000' }];
    t.equal(await admin.createTopics({ topics: [{ topic: 'bounded', numPartitions: 1, configEntries: bounds }] }), true);
    const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'bounded' }] });
    const entries = new Map(described.resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
    t.equal(entries.get('message.timestamp.after.max.ms'), '60000');
    t.equal(entries.get('message.timestamp.before.max.ms'), '60000');
    t.equal(await errorType(producer.send({ topic: 'bounded', messages: [{ value: 'tomorrow', timestamp: String(Date.now() + 24 * HOUR_MS) }] })), 'INVALID_TIMESTAMP');
    t.equal(await errorType(producer.send({ topic: 'bounded', messages: [{ value: 'yesterday', timestamp: String(Date.now() - 24 * HOUR_MS) }] })), 'INVALID_TIMESTAMP');
    const ok = await producer.send({ topic: 'bounded', messages: [{ value: 'now' }] });
    t.same(ok.map((r) => [r.errorCode, r.baseOffset]), [[0, '0']], 'only the in-range record was written');
    t.equal(await errorType(admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'bounded', configEntries: [{ name: 'message.timestamp.after.max.ms', value: 'soon' }] }] })), 'INVALID_CONFIG');
  });
});
