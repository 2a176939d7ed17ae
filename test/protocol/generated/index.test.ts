import t from 'tap';
import { ApiKey, apiSpecs, messageCodecs } from '../../../src/protocol/generated/index.js';

t.test('the API table', async (t) => {
  t.equal(ApiKey.Produce, 0);
  t.equal(ApiKey.Fetch, 1);
  t.equal(ApiKey.ListOffsets, 2);
  t.equal(ApiKey.Metadata, 3);
  t.equal(ApiKey.ApiVersions, 18);
  for (const [key, spec] of apiSpecs) {
    t.equal(spec.apiKey, key);
    t.equal((ApiKey as Record<string, number>)[spec.name], key, `${spec.name} in ApiKey`);
    t.ok(spec.minVersion <= spec.maxVersion);
  }
  t.strictSame([apiSpecs.get(0)!.minVersion, apiSpecs.get(0)!.maxVersion, apiSpecs.get(0)!.flexibleMinVersion], [0, 11, 9], 'Produce 0-11, flexible 9+');
  t.strictSame([apiSpecs.get(1)!.minVersion, apiSpecs.get(1)!.maxVersion, apiSpecs.get(1)!.flexibleMinVersion], [0, 17, 12], 'Fetch 0-17 (0-3 only to answer UNSUPPORTED_VERSION), flexible 12+');
  t.strictSame([apiSpecs.get(2)!.minVersion, apiSpecs.get(2)!.maxVersion, apiSpecs.get(2)!.flexibleMinVersion], [0, 9, 6], 'ListOffsets 0-9, flexible 6+');
  t.strictSame([apiSpecs.get(3)!.minVersion, apiSpecs.get(3)!.maxVersion, apiSpecs.get(3)!.flexibleMinVersion], [0, 12, 9], 'Metadata 0-12, flexible 9+');
  t.strictSame([apiSpecs.get(18)!.minVersion, apiSpecs.get(18)!.maxVersion, apiSpecs.get(18)!.flexibleMinVersion], [0, 4, 3], 'ApiVersions 0-4, flexible 3+');
});

t.test('every request spec has a response spec (so it is in the API table)', async (t) => {
  const names = new Set(messageCodecs.map((c) => c.name));
  for (const c of messageCodecs.filter((m) => m.kind === 'request')) {
    t.ok(names.has(c.name.replace(/Request$/, 'Response')), `${c.name} has a response`);
    t.ok(apiSpecs.has(c.apiKey!), `${c.name} is in apiSpecs`);
  }
  const headers = messageCodecs.filter((c) => c.kind === 'header').map((c) => c.name).sort();
  t.strictSame(headers, ['RequestHeader', 'ResponseHeader']);
});
