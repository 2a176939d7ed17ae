// Metadata byte vectors computed by hand from the public protocol guide.
import t from 'tap';
import { hex } from '../../helpers/hex.js';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { encodeRequestFrame, encodeResponseFrame } from '../../../src/protocol/frame.js';
import { readRequestHeader, requestHeaderVersion, responseHeaderVersion } from '../../../src/protocol/headers.js';
import { readMetadataRequest, writeMetadataRequest } from '../../../src/protocol/generated/metadata-request.js';
import { readMetadataResponse, writeMetadataResponse, type MetadataResponse } from '../../../src/protocol/generated/metadata-response.js';
import { ZERO_UUID } from '../../../src/protocol/generated/index.js';

t.test('Metadata v0 request for one topic (what kafka-python sends first)', async (t) => {
  const want = hex(`
    00000014            # size 20
    0003 0000 00000007  # api_key 3, version 0, correlation_id 7
    0001 63             # client_id "c"
    00000001            # topics: 1 (int32 count)
    0003 666f6f         # name "foo"
  `);
  const body = { topics: [{ topicId: ZERO_UUID, name: 'foo' }], allowAutoTopicCreation: true, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false };
  const got = encodeRequestFrame({ apiKey: 3, apiVersion: 0, correlationId: 7, clientId: 'c' }, (w) => writeMetadataRequest(w, 0, body));
  t.equal(got.toString('hex'), want.toString('hex'));
  const r = new Reader(want, 4);
  readRequestHeader(r);
  t.same(readMetadataRequest(r, 0), body, 'absent fields read as their defaults (AllowAutoTopicCreation true)');
});

t.test('Metadata v1 request with null topics = all topics; v0 refuses null', async (t) => {
  const want = hex('0000000f 0003 0001 00000008 0001 63 ffffffff');
  const body = { topics: null, allowAutoTopicCreation: true, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false };
  t.equal(encodeRequestFrame({ apiKey: 3, apiVersion: 1, correlationId: 8, clientId: 'c' }, (w) => writeMetadataRequest(w, 1, body)).toString('hex'), want.toString('hex'));
  t.throws(() => encodeRequestFrame({ apiKey: 3, apiVersion: 0, correlationId: 8, clientId: 'c' }, (w) => writeMetadataRequest(w, 0, body)), { message: /MetadataRequest\.topics must not be null in version 0/ });
  const v0null = hex('ffffffff');
  t.throws(() => readMetadataRequest(new Reader(v0null), 0), { name: 'ProtocolDecodeError' });
});

t.test('Metadata v9 is flexible: request header v2, response header v1', async (t) => {
  t.equal(requestHeaderVersion(3, 8), 1);
  t.equal(requestHeaderVersion(3, 9), 2);
  t.equal(responseHeaderVersion(3, 8), 0);
  t.equal(responseHeaderVersion(3, 9), 1);
  const body: MetadataResponse = {
    throttleTimeMs: 0,
    brokers: [{ nodeId: 1, host: 'h', port: 9092, rack: null }],
    clusterId: 'k',
    controllerId: 1,
    topics: [],
    clusterAuthorizedOperations: -2147483648,
  };
  const want = hex(`
    00000022       # size 34
    00000002 00    # correlation_id 2, header tagged fields (v1)
    00000000       # throttle_time_ms
    02             # brokers: 1
    00000001 02 68 00002384 00 00   # node 1, host "h", port 9092, rack null, entry tags
    02 6b          # cluster_id "k"
    00000001       # controller_id 1
    01             # topics: 0
    80000000       # cluster_authorized_operations INT32_MIN (v8-10)
    00             # tagged fields
  `);
  const got = encodeResponseFrame(2, responseHeaderVersion(3, 9), (w) => writeMetadataResponse(w, 9, body)) as Buffer;
  t.equal(got.toString('hex'), want.toString('hex'));
  t.same(readMetadataResponse(new Reader(want, 9), 9), body);
});
