import t from 'tap';
import { execFileSync } from 'node:child_process';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { haveClient } from '../helpers/debian-client.js';
import { RawClient } from '../helpers/raw-client.js';
import { listOffsetsRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';

const KCAT_TIMEOUT_MS = 20_000;
/** The broker runs retention this often in this test, so the retention case finishes quickly. */
const RETENTION_CHECK_MS = 200;
const RETENTION_WAIT_MS_MAX = 15_000;
/** A client timestamp far in the past, which LogAppendTime must replace. */
const CLIENT_TIMESTAMP_MS = 1_000_000;

const alter = (name: string, configs: Record<string, string | null>, validateOnly = false, resourceType = 2) =>
  ({ resources: [{ resourceType, resourceName: name, configs: Object.entries(configs).map(([n, value]) => ({ name: n, value })) }], validateOnly });

async function topicConfigs(admin: Admin, topic: string): Promise<Record<string, { value: string; source: number }>> {
  const res = await admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false });
  return Object.fromEntries(res.resources[0]!.configEntries.map((e) => [e.configName, { value: e.configValue, source: e.configSource }]));
}

function kcatTimestamps(bootstrap: string, topic: string): number[] {
  const out = execFileSync('kcat', ['-b', bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%T\\n'], { encoding: 'utf8', timeout: KCAT_TIMEOUT_MS });
  return out.trim().split('\n').filter(Boolean).map(Number);
}

t.test('AlterConfigs against a real broker', async (t) => {
  let broker = await spawnBroker(t, { args: ['--retention-check-interval-ms', String(RETENTION_CHECK_MS)] });
  let kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  let admin = kafka.admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  let raw = await RawClient.connect(t, broker.port);
  await admin.createTopics({ topics: [{ topic: 'tuned', configEntries: [{ name: 'retention.ms', value: '86400000' }] }] });

  await t.test('kafkajs alterConfigs replaces the topic configs; describeConfigs shows them', async (t) => {
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'tuned', configEntries: [
      { name: 'retention.bytes', value: '5000000' }, { name: 'segment.ms', value: '3600000' }, { name: 'max.message.bytes', value: '200000' },
    ] }] });
    const c = await topicConfigs(admin, 'tuned');
    t.same([c['retention.bytes']!.value, c['retention.bytes']!.source], ['5000000', 1]);
    t.equal(c['segment.ms']!.value, '3600000');
    t.equal(c['max.message.bytes']!.value, '200000');
    t.same([c['retention.ms']!.value, c['retention.ms']!.source], ['604800000', 5], 'AlterConfigs replaces everything: retention.ms is back to its default');
  });

  await t.test('invalid values, unknown keys and compaction are INVALID_CONFIG naming the key; nothing changes', async (t) => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ 'retention.ms': 'forever' }, /retention\.ms: must be an integer/],
      [{ 'segment.bytes': '10' }, /segment\.bytes: must be >= 14/],
      [{ 'no.such.key': '1' }, /no\.such\.key: unknown topic config/],
      [{ 'cleanup.policy': 'compact' }, /cleanup\.policy: "compact" is not supported/],
      [{ 'message.timestamp.type': 'Now' }, /message\.timestamp\.type: must be one of CreateTime, LogAppendTime/],
    ];
    for (const [configs, message] of cases) {
      const res = await raw.request(ApiKey.AlterConfigs, 1, alter('tuned', configs));
      t.equal(res.responses[0].errorCode, ErrorCode.INVALID_CONFIG, Object.keys(configs)[0]);
      t.match(res.responses[0].errorMessage, message);
    }
    const kjs = await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'tuned', configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] }).catch((e: any) => e);
    t.equal(kjs?.type, 'INVALID_CONFIG', 'kafkajs sees INVALID_CONFIG');
    t.equal((await topicConfigs(admin, 'tuned'))['retention.bytes']!.value, '5000000', 'unchanged');
  });

  await t.test('validate_only, unknown topic, broker resource, internal topic', async (t) => {
    const dry = await raw.request(ApiKey.AlterConfigs, 2, alter('tuned', { 'retention.bytes': '1' }, true));
    t.equal(dry.responses[0].errorCode, ErrorCode.NONE);
    t.equal((await topicConfigs(admin, 'tuned'))['retention.bytes']!.value, '5000000', 'validate_only changed nothing');
    const missing = await raw.request(ApiKey.AlterConfigs, 0, alter('missing', { 'retention.ms': '1' }));
    t.equal(missing.responses[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const brokerRes = await raw.request(ApiKey.AlterConfigs, 0, alter('0', { 'log.retention.ms': '1' }, false, 4));
    t.equal(brokerRes.responses[0].errorCode, ErrorCode.INVALID_REQUEST);
    t.match(brokerRes.responses[0].errorMessage, /static/);
    const internal = await raw.request(ApiKey.AlterConfigs, 1, alter('__consumer_offsets', { 'cleanup.policy': 'delete' }));
    t.equal(internal.responses[0].errorCode, ErrorCode.INVALID_REQUEST);
    t.match(internal.responses[0].errorMessage, /internal/);
  });

  await t.test('message.timestamp.type=LogAppendTime set by AlterConfigs reaches Produce (kafkajs in, kcat out)', async (t) => {
    if (!haveClient(t, 'kcat')) return;
    await admin.createTopics({ topics: [{ topic: 'stamped' }] });
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'stamped', configEntries: [{ name: 'message.timestamp.type', value: 'LogAppendTime' }] }] });
    const producer = kafka.producer();
    await producer.connect();
    const before = Date.now();
    await producer.send({ topic: 'stamped', messages: [{ value: 'a', timestamp: String(CLIENT_TIMESTAMP_MS) }, { value: 'b', timestamp: String(CLIENT_TIMESTAMP_MS) }] });
    const after = Date.now();
    await producer.disconnect();
    const stamps = kcatTimestamps(broker.bootstrap, 'stamped');
    t.equal(stamps.length, 2);
    for (const ts of stamps) t.ok(ts >= before && ts <= after, `broker time ${ts} replaced the client's ${CLIENT_TIMESTAMP_MS}`);
  });

  await t.test('retention: small segments + retention.bytes set by AlterConfigs drop the oldest segments', async (t) => {
    await admin.createTopics({ topics: [{ topic: 'short-lived' }] });
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'short-lived', configEntries: [
      { name: 'segment.bytes', value: '2048' }, { name: 'retention.bytes', value: '4096' }, { name: 'retention.ms', value: '-1' },
    ] }] });
    const producer = kafka.producer();
    await producer.connect();
    const value = 'v'.repeat(400);
    for (let i = 0; i < 40; i++) await producer.send({ topic: 'short-lived', messages: [{ value: `${i}:${value}` }] });
    await producer.disconnect();
    const earliest = async (): Promise<number> => {
      const res = await raw.request(ApiKey.ListOffsets, 1, listOffsetsRequest('short-lived', 0, -2));
      return Number(res.topics[0].partitions[0].offset);
    };
    const deadline = Date.now() + RETENTION_WAIT_MS_MAX;
    let start = await earliest();
    while (start === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, RETENTION_CHECK_MS));
      start = await earliest();
    }
    t.ok(start > 0, `log start offset moved to ${start}`);
    t.ok(start < 40, 'the newest records are kept');
    const offsets = await admin.fetchTopicOffsets('short-lived');
    t.same([offsets[0]!.low, offsets[0]!.high], [String(start), '40']);
  });

  await t.test('configs survive a restart and are still applied', async (t) => {
    await admin.disconnect();
    raw.close();
    await broker.stop();
    broker = await spawnBroker(t, { dataDir: broker.dataDir });
    kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    raw = await RawClient.connect(t, broker.port);
    const c = await topicConfigs(admin, 'tuned');
    t.same([c['retention.bytes']!.value, c['segment.ms']!.value, c['max.message.bytes']!.value], ['5000000', '3600000', '200000']);
    t.equal((await topicConfigs(admin, 'stamped'))['message.timestamp.type']!.value, 'LogAppendTime');
    const producer = kafka.producer();
    await producer.connect();
    const big = await producer.send({ topic: 'tuned', messages: [{ value: 'x'.repeat(250_000) }] }).catch((e: any) => e);
    t.equal(big?.type, 'MESSAGE_TOO_LARGE', 'max.message.bytes 200000 still enforced');
    if (haveClient(t, 'kcat')) {
      const before = Date.now();
      await producer.send({ topic: 'stamped', messages: [{ value: 'c', timestamp: String(CLIENT_TIMESTAMP_MS) }] });
      const stamps = kcatTimestamps(broker.bootstrap, 'stamped');
      t.ok(stamps[2]! >= before, 'LogAppendTime still applied after the restart');
    }
    await producer.disconnect();
  });
});
