import t from 'tap';
import { spawnBroker } from '../helpers/spawn-broker.js';
import { RawClient } from '../helpers/raw-client.js';
import { apiVersionsRequest } from '../helpers/requests.js';
import { ApiKey, apiSpecs } from '../../src/protocol/generated/index.js';
import { ErrorCode } from '../../src/protocol/generated/error-codes.js';
import { handlers, advertisedApis } from '../../src/api/registry.js';

t.test('the registry is consistent with the generated codecs', async (t) => {
  const keys = new Set<number>();
  for (const h of handlers) {
    t.notOk(keys.has(h.apiKey), `API ${h.apiKey} registered once`);
    keys.add(h.apiKey);
    const spec = apiSpecs.get(h.apiKey);
    t.ok(spec, `API ${h.apiKey} has a spec`);
    t.ok(spec && h.minVersion >= spec.minVersion && h.maxVersion <= spec.maxVersion && h.minVersion <= h.maxVersion, `${spec?.name}: ${h.minVersion}-${h.maxVersion} within the codec's versions`);
  }
});

t.test('librdkafka 2.0.2 needs these old versions advertised (PROTOCOL.md §0.3)', async (t) => {
  const byKey = new Map(advertisedApis().map((a) => [a.apiKey, a]));
  const contains = (key: number, version: number) => {
    const a = byKey.get(key);
    return a !== undefined && a.minVersion <= version && version <= a.maxVersion;
  };
  t.ok(contains(ApiKey.Produce, 0), 'Produce 0 (compression)');
  t.ok(contains(ApiKey.Produce, 3) && contains(ApiKey.Fetch, 4), 'MsgVer2');
  t.ok(contains(ApiKey.Produce, 7) && contains(ApiKey.Fetch, 10), 'zstd');
  t.ok(contains(ApiKey.ListOffsets, 1), 'OffsetTime');
  t.ok(contains(ApiKey.InitProducerId, 0), 'IdempotentProducer');
  t.ok(contains(ApiKey.ApiVersions, 0) && contains(ApiKey.ApiVersions, 3), 'ApiVersions 0 and 3');
  t.ok(contains(ApiKey.Metadata, 0) && contains(ApiKey.Metadata, 1), 'kafka-python Metadata v0/v1');
});

t.test('ApiVersions over the wire: every version answers with the registry', async (t) => {
  const broker = await spawnBroker(t);
  const c = await RawClient.connect(t, broker.port);
  const expected = advertisedApis();
  for (let version = 0; version <= 4; version++) {
    const r = await c.request(ApiKey.ApiVersions, version, apiVersionsRequest());
    t.equal(r.errorCode, ErrorCode.NONE, `v${version}`);
    t.same(r.apiKeys.map((k: any) => ({ apiKey: k.apiKey, minVersion: k.minVersion, maxVersion: k.maxVersion })), expected, `v${version} lists the registry`);
    if (version >= 1) t.equal(r.throttleTimeMs, 0, 'throttle_time_ms present');
  }
});
