import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { produceRequest } from '../helpers/requests.js';
import { ApiKey } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { buildBatchUncompressed } from '../../src/protocol/records/batch.js';

const SET = 0, DELETE = 1, APPEND = 2, SUBTRACT = 3;
type Op = [name: string, op: number, value: string | null];

const incremental = (name: string, ops: Op[], validateOnly = false) =>
  ({ resources: [{ resourceType: 2, resourceName: name, configs: ops.map(([n, configOperation, value]) => ({ name: n, configOperation, value })) }], validateOnly });

t.test('IncrementalAlterConfigs against a real broker', async (t) => {
  const broker = await spawnBroker(t);
  const raw = await RawClient.connect(t, broker.port);
  const created = await raw.request(ApiKey.CreateTopics, 5, { topics: [{ name: 'inc', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [{ name: 'retention.ms', value: '1000' }] }], timeoutMs: 5000, validateOnly: false });
  t.equal(created.topics[0].errorCode, ErrorCode.NONE);
  const configs = async (): Promise<Record<string, [string, number]>> => {
    const res = await raw.request(ApiKey.DescribeConfigs, 2, { resources: [{ resourceType: 2, resourceName: 'inc', configurationKeys: null }], includeSynonyms: false, includeDocumentation: false });
    return Object.fromEntries(res.results[0].configs.map((c: any) => [c.name, [c.value, c.configSource]]));
  };

  await t.test('SET changes one key and keeps the others (v0 and v1)', async (t) => {
    const v0 = await raw.request(ApiKey.IncrementalAlterConfigs, 0, incremental('inc', [['segment.bytes', SET, '65536']]));
    t.equal(v0.responses[0].errorCode, ErrorCode.NONE);
    const v1 = await raw.request(ApiKey.IncrementalAlterConfigs, 1, incremental('inc', [['max.message.bytes', SET, '1000']]));
    t.equal(v1.responses[0].errorCode, ErrorCode.NONE);
    const c = await configs();
    t.same(c['segment.bytes'], ['65536', 1]);
    t.same(c['max.message.bytes'], ['1000', 1]);
    t.same(c['retention.ms'], ['1000', 1], 'untouched keys stay');
  });

  await t.test('the new max.message.bytes applies to Produce at once', async (t) => {
    const big = buildBatchUncompressed([{ key: null, value: Buffer.alloc(2000, 1) }]);
    const res = await raw.request(ApiKey.Produce, 7, produceRequest('inc', 0, big));
    t.equal(res.responses[0].partitionResponses[0].errorCode, ErrorCode.MESSAGE_TOO_LARGE);
  });

  await t.test('DELETE returns a key to its default', async (t) => {
    const res = await raw.request(ApiKey.IncrementalAlterConfigs, 1, incremental('inc', [['retention.ms', DELETE, null], ['max.message.bytes', DELETE, null]]));
    t.equal(res.responses[0].errorCode, ErrorCode.NONE);
    const c = await configs();
    t.same(c['retention.ms'], ['604800000', 5]);
    t.same(c['max.message.bytes'], ['1048588', 5]);
  });

  await t.test('APPEND and SUBTRACT work on list configs only', async (t) => {
    const append = await raw.request(ApiKey.IncrementalAlterConfigs, 1, incremental('inc', [['cleanup.policy', APPEND, 'delete']]));
    t.equal(append.responses[0].errorCode, ErrorCode.NONE, 'appending an item already there keeps one copy');
    t.same((await configs())['cleanup.policy'], ['delete', 1]);
    const appendCompact = await raw.request(ApiKey.IncrementalAlterConfigs, 1, incremental('inc', [['cleanup.policy', APPEND, 'compact']]));
    t.equal(appendCompact.responses[0].errorCode, ErrorCode.INVALID_CONFIG);
    t.match(appendCompact.responses[0].errorMessage, /compact.*not supported/);
    const subtract = await raw.request(ApiKey.IncrementalAlterConfigs, 1, incremental('inc', [['cleanup.policy', SUBTRACT, 'delete']]));
    t.equal(subtract.responses[0].errorCode, ErrorCode.INVALID_CONFIG, 'an empty cleanup.policy is invalid');
    const notList = await raw.request(ApiKey.IncrementalAlterConfigs, 1, incremental('inc', [['retention.ms', APPEND, '5']]));
    t.equal(notList.responses[0].errorCode, ErrorCode.INVALID_CONFIG);
    t.match(notList.responses[0].errorMessage, /retention\.ms: APPEND applies only to list configs/);
  });

  await t.test('errors: unknown key, bad value, duplicate key, unknown operation, unknown or internal topic; validate_only', async (t) => {
    const cases: Array<[Op[], number, RegExp]> = [
      [[['nope.key', SET, '1']], ErrorCode.INVALID_CONFIG, /nope\.key: unknown topic config/],
      [[['retention.bytes', SET, 'lots']], ErrorCode.INVALID_CONFIG, /retention\.bytes/],
      [[['retention.bytes', SET, '1'], ['retention.bytes', DELETE, null]], ErrorCode.INVALID_REQUEST, /more than once/],
      [[['retention.bytes', 9, '1']], ErrorCode.INVALID_REQUEST, /unknown config operation 9/],
    ];
    for (const [ops, code, message] of cases) {
      const res = await raw.request(ApiKey.IncrementalAlterConfigs, 1, incremental('inc', ops));
      t.equal(res.responses[0].errorCode, code);
      t.match(res.responses[0].errorMessage, message);
    }
    const missing = await raw.request(ApiKey.IncrementalAlterConfigs, 0, incremental('missing', [['retention.ms', SET, '1']]));
    t.equal(missing.responses[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const internal = await raw.request(ApiKey.IncrementalAlterConfigs, 1, incremental('__consumer_offsets', [['retention.ms', SET, '1000']]));
    t.equal(internal.responses[0].errorCode, ErrorCode.INVALID_REQUEST, 'internal topics keep their configs (commits must not expire)');
    const dry = await raw.request(ApiKey.IncrementalAlterConfigs, 1, incremental('inc', [['retention.bytes', SET, '12345']], true));
    t.equal(dry.responses[0].errorCode, ErrorCode.NONE);
    t.same((await configs())['retention.bytes'], ['-1', 5], 'validate_only changed nothing');
  });
});
