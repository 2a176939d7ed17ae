import t from 'tap';
import { Kafka, logLevel } from 'kafkajs';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { TOPIC_CONFIG_DEFS } from '../../src/cluster/topic-config.js';

const describe = (resources: Array<{ resourceType: number; resourceName: string; configurationKeys?: string[] | null }>, includeSynonyms = false, includeDocumentation = false) =>
  ({ resources: resources.map((r) => ({ configurationKeys: null, ...r })), includeSynonyms, includeDocumentation });

t.test('DescribeConfigs against a real broker', async (t) => {
  // A broker-wide topic default from the config file shows as STATIC_BROKER_CONFIG.
  const dir = mkdtempSync(join(tmpdir(), 'canopy-describe-configs-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const configFile = join(dir, 'canopy.json');
  writeFileSync(configFile, JSON.stringify({ topicDefaults: { 'retention.bytes': '1073741824' } }));
  const broker = await spawnBroker(t, { args: ['--config', configFile, '--default-partitions', '2'] });
  const admin = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  t.teardown(() => admin.disconnect());
  await admin.createTopics({ topics: [{ topic: 'described', configEntries: [{ name: 'retention.ms', value: '60000' }, { name: 'message.timestamp.type', value: 'LogAppendTime' }] }] });
  const raw = await RawClient.connect(t, broker.port);

  await t.test('kafkajs: every supported topic config with value, source and default flag', async (t) => {
    const res = await admin.describeConfigs({ resources: [{ type: 2, name: 'described' }], includeSynonyms: false });
    const entries = res.resources[0]!.configEntries;
    t.same(entries.map((e) => e.configName).sort(), TOPIC_CONFIG_DEFS.map((d) => d.name).sort(), 'every supported topic config');
    const by = (name: string) => entries.find((e) => e.configName === name)!;
    t.same([by('retention.ms').configValue, by('retention.ms').isDefault, by('retention.ms').configSource], ['60000', false, 1], 'topic override: DYNAMIC_TOPIC_CONFIG');
    t.same([by('message.timestamp.type').configValue, by('message.timestamp.type').configSource], ['LogAppendTime', 1]);
    t.same([by('retention.bytes').configValue, by('retention.bytes').isDefault, by('retention.bytes').configSource], ['1073741824', false, 4], 'broker default from the config file: STATIC_BROKER_CONFIG');
    t.same([by('segment.bytes').configValue, by('segment.bytes').isDefault, by('segment.bytes').configSource], ['1073741824', true, 5], 'Kafka default: DEFAULT_CONFIG');
    t.same([by('cleanup.policy').configValue, by('cleanup.policy').readOnly], ['delete', false]);
  });

  await t.test('kafkajs: configNames filters; synonyms list the chain', async (t) => {
    const res = await admin.describeConfigs({ resources: [{ type: 2, name: 'described', configNames: ['retention.ms', 'retention.bytes', 'not.a.config'] }], includeSynonyms: true });
    const entries = res.resources[0]!.configEntries;
    t.same(entries.map((e) => e.configName).sort(), ['retention.bytes', 'retention.ms'], 'unknown keys are left out');
    const ms = entries.find((e) => e.configName === 'retention.ms')!;
    t.same(ms.configSynonyms.map((s) => [s.configName, s.configValue, s.configSource]), [['retention.ms', '60000', 1], ['log.retention.ms', '604800000', 5]]);
    const bytes = entries.find((e) => e.configName === 'retention.bytes')!;
    t.same(bytes.configSynonyms.map((s) => [s.configName, s.configValue, s.configSource]), [['log.retention.bytes', '1073741824', 4], ['log.retention.bytes', '-1', 5]]);
  });

  await t.test('kafkajs: the broker resource lists the effective settings, read-only', async (t) => {
    const res = await admin.describeConfigs({ resources: [{ type: 4, name: '0' }], includeSynonyms: false });
    const entries = res.resources[0]!.configEntries;
    const by = (name: string) => entries.find((e) => e.configName === name);
    t.equal(by('num.partitions')?.configValue, '2', '--default-partitions');
    t.equal(by('broker.id')?.configValue, '0');
    t.equal(by('log.retention.bytes')?.configValue, '1073741824');
    t.equal(by('log.retention.ms')?.configValue, '604800000');
    t.equal(by('auto.create.topics.enable')?.configValue, 'true');
    t.equal(by('advertised.listeners')?.configValue, `PLAINTEXT://127.0.0.1:${broker.port}`);
    t.ok(entries.every((e) => e.readOnly), 'all read-only');
  });

  await t.test('every version over the wire; v0 is_default, v3+ config_type and documentation', async (t) => {
    for (let v = 0; v <= 4; v++) {
      const res = await raw.request(ApiKey.DescribeConfigs, v, describe([{ resourceType: 2, resourceName: 'described', configurationKeys: ['retention.ms', 'segment.bytes'] }], true, true));
      const r = res.results[0];
      t.equal(r.errorCode, ErrorCode.NONE, `v${v}`);
      const seg = r.configs.find((c: any) => c.name === 'segment.bytes');
      t.same([seg.value, seg.isDefault], ['1073741824', v === 0], `v${v} segment.bytes (is_default only exists in v0)`);
      if (v >= 3) {
        t.equal(seg.configType, 3, 'INT');
        t.match(seg.documentation, /segment/);
        t.equal(r.configs.find((c: any) => c.name === 'retention.ms').configType, 5, 'LONG');
      }
    }
  });

  await t.test('errors: unknown topic, other broker, unsupported resource type', async (t) => {
    const res = await raw.request(ApiKey.DescribeConfigs, 2, describe([
      { resourceType: 2, resourceName: 'missing' },
      { resourceType: 4, resourceName: '9' },
      { resourceType: 3, resourceName: 'g' },
      { resourceType: 4, resourceName: '' },
    ]));
    t.same(res.results.map((r: any) => r.errorCode), [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST, ErrorCode.NONE]);
    t.match(res.results[0].errorMessage, /does not exist/);
  });
});
