// Cross-check of our specs against kafka-python 2.0.2's codecs (Debian python3-kafka), for the
// old versions it hard-codes: ApiVersions v0, Metadata v0/v1/v5, Produce v7, Fetch v4,
// ListOffsets v1. Its request bodies decode with our readers; our response bodies decode with its.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { DEBIAN_PYTHON, haveClient } from '../../helpers/debian-client.js';
import { hex } from '../../helpers/hex.js';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { Writer } from '../../../src/protocol/primitives/writer.js';
import { ZERO_UUID } from '../../../src/protocol/primitives/uuid.js';
import { readApiVersionsRequest } from '../../../src/protocol/generated/api-versions-request.js';
import { writeApiVersionsResponse } from '../../../src/protocol/generated/api-versions-response.js';
import { readMetadataRequest } from '../../../src/protocol/generated/metadata-request.js';
import { writeMetadataResponse, type MetadataResponse } from '../../../src/protocol/generated/metadata-response.js';
import { readProduceRequest } from '../../../src/protocol/generated/produce-request.js';
import { writeProduceResponse } from '../../../src/protocol/generated/produce-response.js';
import { readFetchRequest } from '../../../src/protocol/generated/fetch-request.js';
import { writeFetchResponse } from '../../../src/protocol/generated/fetch-response.js';
import { readListOffsetsRequest } from '../../../src/protocol/generated/list-offsets-request.js';
import { writeListOffsetsResponse } from '../../../src/protocol/generated/list-offsets-response.js';

const PYTHON_TIMEOUT_MS = 30_000;

const SCRIPT = String.raw`
import sys, json
from kafka.protocol.admin import ApiVersionRequest, ApiVersionResponse
from kafka.protocol.metadata import MetadataRequest, MetadataResponse
from kafka.protocol.produce import ProduceRequest, ProduceResponse
from kafka.protocol.fetch import FetchRequest, FetchResponse
from kafka.protocol.offset import OffsetRequest, OffsetResponse

def conv(x):
    if hasattr(x, 'SCHEMA'):
        return {n: conv(getattr(x, n)) for n in x.SCHEMA.names}
    if isinstance(x, (list, tuple)):
        return [conv(e) for e in x]
    if isinstance(x, bytes):
        return x.hex()
    return x

if sys.argv[1] == 'encode':
    reqs = {
        'ApiVersions0': ApiVersionRequest[0](),
        'Metadata0': MetadataRequest[0](topics=['a', 'b']),
        'Metadata1': MetadataRequest[1](topics=None),
        'Metadata5': MetadataRequest[5](topics=['a'], allow_auto_topic_creation=False),
        'Produce7': ProduceRequest[7](transactional_id=None, required_acks=1, timeout=30000, topics=[('t', [(0, b'\x01\x02\x03')])]),
        'Fetch4': FetchRequest[4](replica_id=-1, max_wait_time=500, min_bytes=1, max_bytes=1048576, isolation_level=0, topics=[('t', [(2, 42, 65536)])]),
        'ListOffsets1': OffsetRequest[1](replica_id=-1, topics=[('t', [(0, -2)])]),
    }
    print(json.dumps({k: v.encode().hex() for k, v in reqs.items()}))
else:
    classes = {'ApiVersions0': ApiVersionResponse[0], 'Metadata0': MetadataResponse[0], 'Metadata1': MetadataResponse[1],
               'Metadata5': MetadataResponse[5], 'Produce7': ProduceResponse[7], 'Fetch4': FetchResponse[4], 'ListOffsets1': OffsetResponse[1]}
    data = json.load(sys.stdin)
    print(json.dumps({k: conv(classes[k].decode(bytes.fromhex(v))) for k, v in data.items()}))
`;

function python(mode: 'encode' | 'decode', input = ''): Record<string, unknown> {
  const r = spawnSync(DEBIAN_PYTHON, ['-c', SCRIPT, mode], { input, encoding: 'utf8', timeout: PYTHON_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(`python ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

function decoded<T>(hexText: string, read: (r: Reader) => T): { value: T; left: number } {
  const r = new Reader(hex(hexText));
  const value = read(r);
  return { value, left: r.remaining() };
}

function bytes(write: (w: Writer) => void): string {
  const w = new Writer();
  write(w);
  return w.toBuffer().toString('hex');
}

t.test('kafka-python requests decode with our readers', async (t) => {
  if (!haveClient(t, 'python3-kafka')) return;
  const req = python('encode') as Record<string, string>;
  const av = decoded(req.ApiVersions0!, (r) => readApiVersionsRequest(r, 0));
  t.equal(av.left, 0, 'ApiVersions v0');
  const m0 = decoded(req.Metadata0!, (r) => readMetadataRequest(r, 0));
  t.same([m0.left, m0.value.topics?.map((x) => x.name)], [0, ['a', 'b']], 'Metadata v0');
  const m1 = decoded(req.Metadata1!, (r) => readMetadataRequest(r, 1));
  t.same([m1.left, m1.value.topics], [0, null], 'Metadata v1: null = all topics');
  const m5 = decoded(req.Metadata5!, (r) => readMetadataRequest(r, 5));
  t.same([m5.left, m5.value.topics?.map((x) => x.name), m5.value.allowAutoTopicCreation], [0, ['a'], false], 'Metadata v5');
  const p7 = decoded(req.Produce7!, (r) => readProduceRequest(r, 7));
  const pd = p7.value.topicData[0]!.partitionData[0]!;
  t.same([p7.left, p7.value.transactionalId, p7.value.acks, p7.value.timeoutMs, p7.value.topicData[0]!.name, pd.index, pd.records?.toString('hex')],
    [0, null, 1, 30000, 't', 0, '010203'], 'Produce v7');
  const f4 = decoded(req.Fetch4!, (r) => readFetchRequest(r, 4));
  const fp = f4.value.topics[0]!.partitions[0]!;
  t.same([f4.left, f4.value.replicaId, f4.value.maxWaitMs, f4.value.minBytes, f4.value.maxBytes, f4.value.isolationLevel, f4.value.topics[0]!.topic, fp.partition, fp.fetchOffset, fp.partitionMaxBytes],
    [0, -1, 500, 1, 1048576, 0, 't', 2, 42, 65536], 'Fetch v4');
  const l1 = decoded(req.ListOffsets1!, (r) => readListOffsetsRequest(r, 1));
  t.same([l1.left, l1.value.topics[0]!.name, l1.value.topics[0]!.partitions[0]!.partitionIndex, l1.value.topics[0]!.partitions[0]!.timestamp], [0, 't', 0, -2], 'ListOffsets v1');
});

t.test('our responses decode with kafka-python', async (t) => {
  if (!haveClient(t, 'python3-kafka')) return;
  const metadata: MetadataResponse = {
    throttleTimeMs: 0, brokers: [{ nodeId: 1, host: 'localhost', port: 9092, rack: null }], clusterId: 'c', controllerId: 1,
    topics: [{ errorCode: 0, name: 'a', topicId: ZERO_UUID, isInternal: false, topicAuthorizedOperations: -2147483648,
      partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 1, leaderEpoch: -1, replicaNodes: [1], isrNodes: [1], offlineReplicas: [] }] }],
    clusterAuthorizedOperations: -2147483648,
  };
  const out = python('decode', JSON.stringify({
    ApiVersions0: bytes((w) => writeApiVersionsResponse(w, 0, { errorCode: 0, apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 4 }], throttleTimeMs: 0, supportedFeatures: [], finalizedFeaturesEpoch: -1, finalizedFeatures: [], zkMigrationReady: false })),
    Metadata0: bytes((w) => writeMetadataResponse(w, 0, metadata)),
    Metadata1: bytes((w) => writeMetadataResponse(w, 1, metadata)),
    Metadata5: bytes((w) => writeMetadataResponse(w, 5, metadata)),
    Produce7: bytes((w) => writeProduceResponse(w, 7, { responses: [{ name: 't', partitionResponses: [{ index: 0, errorCode: 0, baseOffset: 17, logAppendTimeMs: -1, logStartOffset: 0, recordErrors: [], errorMessage: null, currentLeader: { leaderId: -1, leaderEpoch: -1 } }] }], throttleTimeMs: 0, nodeEndpoints: [] })),
    Fetch4: bytes((w) => writeFetchResponse(w, 4, { throttleTimeMs: 0, errorCode: 0, sessionId: 0, nodeEndpoints: [], responses: [{ topic: 't', topicId: ZERO_UUID, partitions: [{ partitionIndex: 2, errorCode: 0, highWatermark: 42, lastStableOffset: 42, logStartOffset: 0, divergingEpoch: { epoch: -1, endOffset: -1 }, currentLeader: { leaderId: -1, leaderEpoch: -1 }, snapshotId: { endOffset: -1, epoch: -1 }, abortedTransactions: [], preferredReadReplica: -1, records: Buffer.from('abcd', 'hex') }] }] })),
    ListOffsets1: bytes((w) => writeListOffsetsResponse(w, 1, { throttleTimeMs: 0, topics: [{ name: 't', partitions: [{ partitionIndex: 0, errorCode: 0, oldStyleOffsets: [], timestamp: -1, offset: 7, leaderEpoch: -1 }] }] })),
  })) as Record<string, Record<string, unknown>>;
  t.same(out.ApiVersions0, { error_code: 0, api_versions: [[18, 0, 4]] }, 'ApiVersions v0');
  t.same(out.Metadata0!.brokers, [[1, 'localhost', 9092]], 'Metadata v0 brokers');
  t.same(out.Metadata0!.topics, [[0, 'a', [[0, 0, 1, [1], [1]]]]], 'Metadata v0 topics');
  t.same(out.Metadata1, { brokers: [[1, 'localhost', 9092, null]], controller_id: 1, topics: [[0, 'a', false, [[0, 0, 1, [1], [1]]]]] }, 'Metadata v1');
  t.same(out.Metadata5!.topics, [[0, 'a', false, [[0, 0, 1, [1], [1], []]]]], 'Metadata v5 topics (offline replicas)');
  t.same(out.Metadata5!.cluster_id, 'c');
  t.same(out.Produce7, { topics: [['t', [[0, 0, 17, -1, 0]]]], throttle_time_ms: 0 }, 'Produce v7');
  t.same(out.Fetch4, { throttle_time_ms: 0, topics: [['t', [[2, 0, 42, 42, [], 'abcd']]]] }, 'Fetch v4');
  t.same(out.ListOffsets1, { topics: [['t', [[0, 0, -1, 7]]]] }, 'ListOffsets v1');
});
