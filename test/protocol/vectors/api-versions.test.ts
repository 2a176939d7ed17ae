// ApiVersions byte vectors computed by hand from the public protocol guide.
import t from 'tap';
import { hex } from '../../helpers/hex.js';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { encodeRequestFrame, encodeResponseFrame } from '../../../src/protocol/frame.js';
import { readRequestHeader, responseHeaderVersion } from '../../../src/protocol/headers.js';
import { readApiVersionsRequest, writeApiVersionsRequest } from '../../../src/protocol/generated/api-versions-request.js';
import { readApiVersionsResponse, writeApiVersionsResponse, type ApiVersionsResponse } from '../../../src/protocol/generated/api-versions-response.js';

t.test('ApiVersions v0 request: header v1, empty body', async (t) => {
  const want = hex(`
    0000000e   # size 14
    0012       # api_key 18
    0000       # api_version 0
    00000001   # correlation_id 1
    0004 74657374  # client_id "test" (int16 length)
  `);
  const got = encodeRequestFrame({ apiKey: 18, apiVersion: 0, correlationId: 1, clientId: 'test' }, (w) =>
    writeApiVersionsRequest(w, 0, { clientSoftwareName: '', clientSoftwareVersion: '' }));
  t.equal(got.toString('hex'), want.toString('hex'));
  const r = new Reader(want, 4);
  t.strictSame(readRequestHeader(r), { apiKey: 18, apiVersion: 0, correlationId: 1, clientId: 'test' });
  t.strictSame(readApiVersionsRequest(r, 0), { clientSoftwareName: '', clientSoftwareVersion: '', unknownTaggedFields: undefined });
  t.equal(r.remaining(), 0);
});

t.test('ApiVersions v3 request: header v2 with a NON-compact client id, compact body strings', async (t) => {
  const want = hex(`
    00000024                 # size 36
    0012 0003 00000005       # api_key 18, api_version 3, correlation_id 5
    0007 72646b61666b61      # client_id "rdkafka": int16 length even in header v2
    00                       # header tagged fields: none
    0b 6c696272646b61666b61  # client_software_name "librdkafka": uvarint 10+1
    06 322e302e32            # client_software_version "2.0.2": uvarint 5+1
    00                       # body tagged fields: none
  `);
  const got = encodeRequestFrame({ apiKey: 18, apiVersion: 3, correlationId: 5, clientId: 'rdkafka' }, (w) =>
    writeApiVersionsRequest(w, 3, { clientSoftwareName: 'librdkafka', clientSoftwareVersion: '2.0.2' }));
  t.equal(got.toString('hex'), want.toString('hex'));
  const r = new Reader(want, 4);
  t.strictSame(readRequestHeader(r), { apiKey: 18, apiVersion: 3, correlationId: 5, clientId: 'rdkafka' });
  t.same(readApiVersionsRequest(r, 3), { clientSoftwareName: 'librdkafka', clientSoftwareVersion: '2.0.2' });
  t.equal(r.remaining(), 0);
});

function response(epoch: number): ApiVersionsResponse {
  return {
    errorCode: 0,
    apiKeys: [{ apiKey: 0, minVersion: 0, maxVersion: 11 }, { apiKey: 18, minVersion: 0, maxVersion: 4 }],
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: epoch,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}

t.test('ApiVersions v3 response: header v0 (no tagged fields), compact body', async (t) => {
  t.equal(responseHeaderVersion(18, 3), 0, 'ApiVersions responses always use header v0');
  const want = hex(`
    0000001a          # size 26
    00000005          # correlation_id 5 — and NO header tag byte
    0000              # error_code 0
    03                # api_keys: 2 entries (uvarint 2+1)
    0000 0000 000b 00 # Produce 0..11, entry tags
    0012 0000 0004 00 # ApiVersions 0..4, entry tags
    00000000          # throttle_time_ms
    00                # tagged fields: none (epoch -1 is the default)
  `);
  const got = encodeResponseFrame(5, responseHeaderVersion(18, 3), (w) => writeApiVersionsResponse(w, 3, response(-1)));
  t.ok(Buffer.isBuffer(got));
  t.equal((got as Buffer).toString('hex'), want.toString('hex'));
  const r = new Reader(want, 8);
  t.same(readApiVersionsResponse(r, 3), response(-1));
  t.equal(r.remaining(), 0);
});

t.test('ApiVersions v3 response with the tagged FinalizedFeaturesEpoch', async (t) => {
  const want = hex(`
    00000024 00000005 0000 03 0000 0000 000b 00 0012 0000 0004 00 00000000
    01                 # one tagged field
    01 08              # tag 1 (FinalizedFeaturesEpoch), 8 bytes
    0000000000000007   # epoch 7
  `);
  const got = encodeResponseFrame(5, 0, (w) => writeApiVersionsResponse(w, 3, response(7))) as Buffer;
  t.equal(got.toString('hex'), want.toString('hex'));
  t.same(readApiVersionsResponse(new Reader(want, 8), 3), response(7));
});

t.test('ApiVersions v0 response (what an unsupported version gets): no throttle time', async (t) => {
  const want = hex(`
    00000010 00000009
    0023                   # error_code 35 UNSUPPORTED_VERSION
    00000001               # api_keys: 1 entry (int32 count)
    0012 0000 0004         # ApiVersions 0..4
  `);
  const body = { ...response(-1), errorCode: 35, apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 4 }] };
  t.equal((encodeResponseFrame(9, 0, (w) => writeApiVersionsResponse(w, 0, body)) as Buffer).toString('hex'), want.toString('hex'));
});
