import t from 'tap';
import type { Broker } from '../../src/api/broker.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { TOPIC_CONFIG_DEFS } from '../../src/cluster/topic-config.js';
import { clientTopicConfigProblem, describeTopicConfigs, describeBrokerConfigs, ConfigSource, BROKER_NAME_OF_TOPIC_CONFIG } from '../../src/api/config-resources.js';

/** Only the fields config-resources.ts reads. */
function fakeBroker(topicDefaults: Record<string, string> = {}): Broker {
  const config = { ...defaultConfig(), topicDefaults };
  return { nodeId: 3, clusterId: 'c', config, advertised: { host: 'h', port: 9 } } as unknown as Broker;
}

t.test('clientTopicConfigProblem names every bad key and refuses new compaction', async (t) => {
  t.equal(clientTopicConfigProblem({ 'retention.ms': '1000', 'cleanup.policy': 'delete' }), null);
  t.match(clientTopicConfigProblem({ 'retention.ms': 'x', 'bogus': '1' }), /retention\.ms: must be an integer; bogus: unknown topic config/);
  t.match(clientTopicConfigProblem({ 'cleanup.policy': 'compact' }), /"compact" is not supported/);
  t.match(clientTopicConfigProblem({ 'cleanup.policy': 'compact,delete' }), /"compact" is not supported/);
  t.equal(clientTopicConfigProblem({ 'cleanup.policy': 'compact' }, { 'cleanup.policy': 'compact' }), null, 'an internal topic keeps the value it was created with');
});

t.test('describeTopicConfigs: sources, default flags, synonyms, documentation', async (t) => {
  const broker = fakeBroker({ 'retention.bytes': '500' });
  const configs = describeTopicConfigs(broker, { configs: { 'segment.bytes': '4096' } }, { synonyms: true, documentation: true });
  t.equal(configs.length, TOPIC_CONFIG_DEFS.length);
  const by = (n: string) => configs.find((c) => c.name === n)!;
  t.same([by('segment.bytes').value, by('segment.bytes').configSource, by('segment.bytes').isDefault], ['4096', ConfigSource.DYNAMIC_TOPIC_CONFIG, false]);
  t.same([by('retention.bytes').value, by('retention.bytes').configSource, by('retention.bytes').isDefault], ['500', ConfigSource.STATIC_BROKER_CONFIG, false]);
  t.same([by('retention.ms').value, by('retention.ms').configSource, by('retention.ms').isDefault], ['604800000', ConfigSource.DEFAULT_CONFIG, true]);
  t.same(by('segment.bytes').synonyms, [
    { name: 'segment.bytes', value: '4096', source: ConfigSource.DYNAMIC_TOPIC_CONFIG },
    { name: 'log.segment.bytes', value: '1073741824', source: ConfigSource.DEFAULT_CONFIG },
  ]);
  t.ok(configs.every((c) => typeof c.documentation === 'string' && c.documentation.length > 0));
  const bare = describeTopicConfigs(broker, { configs: {} }, { synonyms: false, documentation: false });
  t.ok(bare.every((c) => c.synonyms.length === 0 && c.documentation === null));
});

t.test('describeBrokerConfigs: effective settings, read-only, a broker name for every topic config', async (t) => {
  const configs = describeBrokerConfigs(fakeBroker({ 'retention.ms': '1000' }), { documentation: false });
  const by = (n: string) => configs.find((c) => c.name === n);
  t.equal(by('broker.id')?.value, '3');
  t.equal(by('advertised.listeners')?.value, 'PLAINTEXT://h:9');
  t.same([by('log.retention.ms')?.value, by('log.retention.ms')?.configSource], ['1000', ConfigSource.STATIC_BROKER_CONFIG]);
  t.same([by('log.segment.bytes')?.value, by('log.segment.bytes')?.isDefault], ['1073741824', true]);
  t.ok(configs.every((c) => c.readOnly));
  t.equal(new Set(configs.map((c) => c.name)).size, configs.length, 'names are unique');
  for (const def of TOPIC_CONFIG_DEFS) t.ok(BROKER_NAME_OF_TOPIC_CONFIG.has(def.name), `${def.name} has a broker-level name`);
});
