// Cross-check of our specs against kafkajs 2.2.4's hand-written codecs (non-flexible versions):
// requests it encodes decode with our readers (every byte consumed), and responses our writers
// encode decode with its decoders.
import t from 'tap';
import { createRequire } from 'node:module';
import { Reader } from '../../../src/protocol/primitives/reader.js';
import { Writer } from '../../../src/protocol/primitives/writer.js';
import { ZERO_UUID } from '../../../src/protocol/primitives/uuid.js';
import { readApiVersionsRequest } from '../../../src/protocol/generated/api-versions-request.js';
import { writeApiVersionsResponse } from '../../../src/protocol/generated/api-versions-response.js';
import { readMetadataRequest } from '../../../src/protocol/generated/metadata-request.js';
import { writeMetadataResponse } from '../../../src/protocol/generated/metadata-response.js';
import { readProduceRequest } from '../../../src/protocol/generated/produce-request.js';
import { writeProduceResponse } from '../../../src/protocol/generated/produce-response.js';
import { readFetchRequest } from '../../../src/protocol/generated/fetch-request.js';
import { writeFetchResponse } from '../../../src/protocol/generated/fetch-response.js';
import { readListOffsetsRequest } from '../../../src/protocol/generated/list-offsets-request.js';
import { writeListOffsetsResponse } from '../../../src/protocol/generated/list-offsets-response.js';

const require = createRequire(import.meta.url);
type KjsRequest = { encode(): Promise<{ buffer: Buffer }> };
type KjsResponse = { decode(b: Buffer): Promise<unknown>; parse(d: unknown): Promise<Record<string, unknown>> };
const kjsRequest = (api: string, v: number): ((args: Record<string, unknown>) => KjsRequest) =>
  require(`kafkajs/src/protocol/requests/${api}/v${v}/request`) as (args: Record<string, unknown>) => KjsRequest;
const kjsResponse = (api: string, v: number): KjsResponse => require(`kafkajs/src/protocol/requests/${api}/v${v}/response`) as KjsResponse;

async function encoded(api: string, v: number, args: Record<string, unknown>): Promise<Buffer> {
  return (await kjsRequest(api, v)(args).encode()).buffer;
}

async function parsed(api: string, v: number, write: (w: Writer) => void): Promise<Record<string, unknown>> {
  const w = new Writer();
  write(w);
  const codec = kjsResponse(api, v);
  return codec.parse(await codec.decode(w.toBuffer()));
}

t.test('ApiVersions v0-v2', async (t) => {
  for (const v of [0, 1, 2]) {
    const r = new Reader(await encoded('apiVersions', v, {}));
    readApiVersionsRequest(r, v);
    t.equal(r.remaining(), 0, `v${v} request`);
    const resp = await parsed('apiVersions', v, (w) => writeApiVersionsResponse(w, v, {
      errorCode: 0, apiKeys: [{ apiKey: 3, minVersion: 0, maxVersion: 12 }], throttleTimeMs: 0,
      supportedFeatures: [], finalizedFeaturesEpoch: -1, finalizedFeatures: [], zkMigrationReady: false,
    }));
    t.same(resp.apiVersions, [{ apiKey: 3, minVersion: 0, maxVersion: 12 }], `v${v} response`);
  }
});

t.test('Metadata v0-v6', async (t) => {
  for (let v = 0; v <= 6; v++) {
    const r = new Reader(await encoded('metadata', v, { topics: ['a', 'b'], allowAutoTopicCreation: false }));
    const m = readMetadataRequest(r, v);
    t.equal(r.remaining(), 0, `v${v} request`);
    t.same(m.topics?.map((x) => x.name), ['a', 'b']);
    if (v >= 4) t.equal(m.allowAutoTopicCreation, false);
    const resp = await parsed('metadata', v, (w) => writeMetadataResponse(w, v, {
      throttleTimeMs: 0, brokers: [{ nodeId: 1, host: 'localhost', port: 9092, rack: null }], clusterId: 'c', controllerId: 1,
      topics: [{ errorCode: 0, name: 'a', topicId: ZERO_UUID, isInternal: false, topicAuthorizedOperations: -2147483648,
        partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 1, leaderEpoch: -1, replicaNodes: [1], isrNodes: [1], offlineReplicas: [] }] }],
      clusterAuthorizedOperations: -2147483648,
    }));
    t.same((resp.brokers as Array<Record<string, unknown>>).map((b) => [b.nodeId, b.host, b.port]), [[1, 'localhost', 9092]], `v${v} brokers`);
    const tm = (resp.topicMetadata as Array<Record<string, unknown>>)[0]!;
    t.equal(tm.topic, 'a');
    t.same((tm.partitionMetadata as Array<Record<string, unknown>>).map((p) => [p.partitionId, p.leader]), [[0, 1]]);
    if (v >= 1) t.equal(resp.controllerId, 1);
  }
});

t.test('Produce v3-v7', async (t) => {
  for (let v = 3; v <= 7; v++) {
    const r = new Reader(await encoded('produce', v, {
      acks: -1, timeout: 30000,
      topicData: [{ topic: 'logs', partitions: [{ partition: 1, messages: [{ key: 'k', value: 'v1' }, { key: 'k', value: 'v2' }] }] }],
    }));
    const m = readProduceRequest(r, v);
    t.equal(r.remaining(), 0, `v${v} request`);
    t.same([m.transactionalId, m.acks, m.timeoutMs, m.topicData[0]!.name, m.topicData[0]!.partitionData[0]!.index], [null, -1, 30000, 'logs', 1]);
    t.equal(m.topicData[0]!.partitionData[0]!.records![16], 2, 'a magic v2 batch');
    const resp = await parsed('produce', v, (w) => writeProduceResponse(w, v, {
      responses: [{ name: 'logs', partitionResponses: [{ index: 1, errorCode: 0, baseOffset: 17, logAppendTimeMs: -1, logStartOffset: 0,
        recordErrors: [], errorMessage: null, currentLeader: { leaderId: -1, leaderEpoch: -1 } }] }],
      throttleTimeMs: 0, nodeEndpoints: [],
    }));
    const p = ((resp.topics as Array<Record<string, unknown>>)[0]!.partitions as Array<Record<string, unknown>>)[0]!;
    t.equal(String(p.baseOffset ?? p.offset), '17', `v${v} response base offset`);
  }
});

t.test('Fetch v4-v11', async (t) => {
  for (let v = 4; v <= 11; v++) {
    const r = new Reader(await encoded('fetch', v, {
      replicaId: -1, maxWaitTime: 500, minBytes: 1, maxBytes: 1 << 20, isolationLevel: 1, rackId: 'r1',
      topics: [{ topic: 'logs', partitions: [{ partition: 1, fetchOffset: '40', maxBytes: 65536, currentLeaderEpoch: -1, logStartOffset: '-1' }] }],
    }));
    const m = readFetchRequest(r, v);
    t.equal(r.remaining(), 0, `v${v} request`);
    t.same([m.replicaId, m.maxWaitMs, m.minBytes, m.maxBytes, m.isolationLevel], [-1, 500, 1, 1 << 20, 1]);
    const p = m.topics[0]!.partitions[0]!;
    t.same([m.topics[0]!.topic, p.partition, p.fetchOffset, p.partitionMaxBytes], ['logs', 1, 40, 65536]);
    if (v >= 11) t.equal(m.rackId, 'r1');
    const resp = await parsed('fetch', v, (w) => writeFetchResponse(w, v, {
      throttleTimeMs: 0, errorCode: 0, sessionId: 0, nodeEndpoints: [],
      responses: [{ topic: 'logs', topicId: ZERO_UUID, partitions: [{
        partitionIndex: 1, errorCode: 0, highWatermark: 42, lastStableOffset: 42, logStartOffset: 0,
        divergingEpoch: { epoch: -1, endOffset: -1 }, currentLeader: { leaderId: -1, leaderEpoch: -1 }, snapshotId: { endOffset: -1, epoch: -1 },
        abortedTransactions: [], preferredReadReplica: -1, records: Buffer.alloc(0),
      }] }],
    }));
    const part = ((resp.responses as Array<Record<string, unknown>>)[0]!.partitions as Array<Record<string, unknown>>)[0]!;
    t.equal(part.highWatermark, '42', `v${v} response high watermark`);
  }
});

t.test('ListOffsets v0-v3', async (t) => {
  for (let v = 0; v <= 3; v++) {
    const r = new Reader(await encoded('listOffsets', v, { replicaId: -1, isolationLevel: 1, topics: [{ topic: 'logs', partitions: [{ partition: 1, timestamp: -2 }] }] }));
    const m = readListOffsetsRequest(r, v);
    t.equal(r.remaining(), 0, `v${v} request`);
    t.same([m.topics[0]!.name, m.topics[0]!.partitions[0]!.partitionIndex, m.topics[0]!.partitions[0]!.timestamp], ['logs', 1, -2]);
    const resp = await parsed('listOffsets', v, (w) => writeListOffsetsResponse(w, v, {
      throttleTimeMs: 0, topics: [{ name: 'logs', partitions: [{ partitionIndex: 1, errorCode: 0, oldStyleOffsets: [5], timestamp: -1, offset: 5, leaderEpoch: -1 }] }],
    }));
    const p = ((resp.responses as Array<Record<string, unknown>>)[0]!.partitions as Array<Record<string, unknown>>)[0]!;
    t.same(v === 0 ? p.offsets : p.offset, v === 0 ? ['5'] : '5', `v${v} response offset`);
  }
});
